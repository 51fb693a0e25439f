//! URI equivalence: RFC 3261 §19.1.4 for sip/sips, RFC 3966 §4 for tel.
//!
//! Parts are compared in their written form (see `escape`), so `%61` equals `a` while `%3B` does
//! not equal `;`. Equivalence is not transitive: `;security=on` and `;security=off` each equal a
//! URI without `security`, but not each other.

use std::borrow::Cow;

use super::{Host, Scheme, Uri};

/// The parameters that must agree even when only one URI has them (RFC 3261 §19.1.4).
const ALWAYS_COMPARED: [&str; 5] = ["user", "ttl", "method", "maddr", "transport"];

/// Whether `a` and `b` are equivalent.
pub(super) fn equivalent(a: &Uri, b: &Uri) -> bool {
    a.scheme == b.scheme
        && match a.scheme {
            Scheme::Tel => tel(a, b),
            Scheme::Sip | Scheme::Sips => sip(a, b),
        }
}

/// RFC 3261 §19.1.4.
fn sip(a: &Uri, b: &Uri) -> bool {
    // Userinfo is compared case-sensitively; every other part ignores case.
    a.user_key() == b.user_key()
        && a.password_key() == b.password_key()
        && match (&a.host, &b.host) {
            (Some(x), Some(y)) => x.matches(y),
            (x, y) => x.is_none() && y.is_none(),
        }
        // An absent port is not the default port: it may resolve elsewhere (RFC 3263).
        && a.port == b.port
        && sip_params(a, b)
        && headers(a) == headers(b)
}

/// A parameter list in written form, with lowercase names.
type Params<'a> = Vec<(String, Option<Cow<'a, str>>)>;

/// The parameters of `uri` in written form, with lowercase names.
fn params(uri: &Uri) -> Params<'_> {
    (0..uri.params.len())
        .filter_map(|index| uri.param_key(index))
        .map(|(name, value)| (name.to_ascii_lowercase(), value))
        .collect()
}

/// The value of `name` in `params`: `None` if absent.
fn find<'p>(params: &'p Params<'_>, name: &str) -> Option<Option<&'p str>> {
    params
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, value)| value.as_deref())
}

/// The parameter rules of RFC 3261 §19.1.4.
fn sip_params(a: &Uri, b: &Uri) -> bool {
    let (pa, pb) = (params(a), params(b));
    let always = ALWAYS_COMPARED
        .iter()
        .all(|name| match (find(&pa, name), find(&pb, name)) {
            (None, None) => true,
            (Some(x), Some(y)) => sip_values_match(name, x, y),
            // Even a default value (`transport=udp`) differs from its absence.
            _ => false,
        });
    // Other parameters count only when both URIs have them.
    always
        && pa
            .iter()
            .filter(|(name, _)| !ALWAYS_COMPARED.contains(&name.as_str()))
            .all(|(name, x)| find(&pb, name).is_none_or(|y| sip_values_match(name, x.as_deref(), y)))
}

/// Two values of parameter `name`, ignoring case; maddr hosts by value.
fn sip_values_match(name: &str, a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) if name == "maddr" => match (Host::parse(x), Host::parse(y)) {
            (Ok(hx), Ok(hy)) => hx.matches(&hy),
            _ => x.eq_ignore_ascii_case(y),
        },
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        (x, y) => x.is_none() && y.is_none(),
    }
}

/// The headers of `uri` in written form, lowercase and sorted: all must match, in any order.
fn headers(uri: &Uri) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = (0..uri.headers.len())
        .filter_map(|index| uri.header_key(index))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.to_ascii_lowercase()))
        .collect();
    all.sort();
    all
}

/// RFC 3966 §4: same kind of number, same digits, the same parameters with equal values.
fn tel(a: &Uri, b: &Uri) -> bool {
    let (na, nb) = (
        a.number.as_deref().unwrap_or_default(),
        b.number.as_deref().unwrap_or_default(),
    );
    let (pa, pb) = (params(a), params(b));
    let contains = |all: &Params<'_>, other: &Params<'_>| {
        all.iter()
            .all(|(name, x)| find(other, name).is_some_and(|y| tel_values_match(name, x.as_deref(), y)))
    };
    na.starts_with('+') == nb.starts_with('+')
        && digits(na).eq_ignore_ascii_case(&digits(nb))
        && contains(&pa, &pb)
        && contains(&pb, &pa)
}

/// Two values of tel parameter `name`: digits without separators, anything else ignoring case.
fn tel_values_match(name: &str, a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) if name == "ext" || (name == "phone-context" && x.starts_with('+')) => {
            digits(x).eq_ignore_ascii_case(&digits(y))
        }
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        (x, y) => x.is_none() && y.is_none(),
    }
}

/// A number without its visual separators.
fn digits(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, '-' | '.' | '(' | ')')).collect()
}
