//! Properties: no input panics the parser, and every URI it accepts displays as text that parses
//! back to the same URI. Checked on generated input and on the fuzz corpus (`core/fuzz`).

use std::fmt::Write as _;

use proptest::prelude::*;
use proptest::test_runner::Config;

use super::Uri;

/// The fuzz target's check: parse; if that succeeds, display, parse again and compare.
pub(super) fn check(text: &str) -> Result<(), String> {
    let Ok(uri) = Uri::parse(text) else {
        return Ok(());
    };
    let shown = uri.to_string();
    let back = Uri::parse(&shown).map_err(|e| format!("{text:?} displays as {shown:?}, which fails: {e}"))?;
    if !(back.equivalent(&uri) && uri.equivalent(&back)) {
        return Err(format!("{text:?} displays as {shown:?}, which is not equivalent"));
    }
    if back != uri {
        return Err(format!(
            "{text:?} displays as {shown:?}, which parses differently: {uri:?} vs {back:?}"
        ));
    }
    if back.to_string() != shown {
        return Err(format!("{shown:?} displays as {:?}", back.to_string()));
    }
    Ok(())
}

/// Letters, digits and RFC 3261 `mark`.
const UNRESERVED: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()";

/// Text of one URI part: characters it allows as they are, anything else %-escaped (either case).
fn part(extra: &'static str, min: usize, max: usize) -> impl Strategy<Value = String> {
    let allowed: Vec<char> = UNRESERVED.chars().chain(extra.chars()).collect();
    let unit = prop_oneof![
        4 => proptest::sample::select(allowed).prop_map(String::from),
        1 => (any::<char>(), any::<bool>()).prop_map(|(c, lower)| {
            let mut out = String::new();
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = if lower { write!(out, "%{b:02x}") } else { write!(out, "%{b:02X}") };
            }
            out
        }),
    ];
    proptest::collection::vec(unit, min..=max).prop_map(|units| units.concat())
}

/// A host as a SIP URI writes it.
fn host() -> impl Strategy<Value = String> {
    prop_oneof![
        "([a-zA-Z0-9]([a-zA-Z0-9-]{0,4}[a-zA-Z0-9])?\\.){0,3}[a-zA-Z]([a-zA-Z0-9-]{0,4}[a-zA-Z0-9])?\\.?",
        any::<[u8; 4]>().prop_map(|o| format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3])),
        any::<u128>().prop_map(|a| format!("[{}]", std::net::Ipv6Addr::from(a))),
        any::<[u16; 8]>().prop_map(|g| {
            let groups: Vec<String> = g.iter().map(|x| format!("{x:X}")).collect();
            format!("[{}]", groups.join(":"))
        }),
        any::<[u8; 4]>().prop_map(|o| format!("[::ffff:{}.{}.{}.{}]", o[0], o[1], o[2], o[3])),
    ]
}

/// The parameters routing reads, with valid values.
fn special_param() -> impl Strategy<Value = String> {
    prop_oneof![
        "(udp|tcp|TLS|sctp|x-[a-z0-9]{1,4})".prop_map(|t| format!(";transport={t}")),
        any::<u8>().prop_map(|t| format!(";ttl={t}")),
        host().prop_map(|h| format!(";maddr={h}")),
        "(phone|ip)".prop_map(|u| format!(";user={u}")),
        "[A-Z]{3,9}".prop_map(|m| format!(";method={m}")),
        Just(";lr".to_owned()),
    ]
}

/// A valid sip or sips URI.
fn sip_uri() -> impl Strategy<Value = String> {
    let userinfo = proptest::option::of((part("&=+$,;?/", 1, 6), proptest::option::of(part("&=+$,", 0, 5))));
    let params = proptest::collection::vec(
        (part("[]/:&+$", 0, 4), proptest::option::of(part("[]/:&+$", 1, 4))),
        0..4,
    );
    let specials = proptest::collection::vec(special_param(), 0..=3);
    let headers = proptest::collection::vec((part("[]/?:+$", 1, 4), part("[]/?:+$", 0, 4)), 0..3);
    let scheme = "(sip|sips|SIP|Sips)";
    (
        scheme,
        userinfo,
        host(),
        proptest::option::of(any::<u16>()),
        params,
        specials,
        headers,
    )
        .prop_map(|(scheme, userinfo, host, port, params, specials, headers)| {
            let mut out = format!("{scheme}:");
            if let Some((user, password)) = userinfo {
                out.push_str(&user);
                if let Some(password) = password {
                    let _ = write!(out, ":{password}");
                }
                out.push('@');
            }
            out.push_str(&host);
            if let Some(port) = port {
                let _ = write!(out, ":{port}");
            }
            // `x<index>-` keeps names distinct from each other and from the special ones.
            for (index, (name, value)) in params.iter().enumerate() {
                let _ = write!(out, ";x{index}-{name}");
                if let Some(value) = value {
                    let _ = write!(out, "={value}");
                }
            }
            // Each special name at most once: keep the first of each.
            let mut seen = Vec::new();
            for special in specials {
                let name = special.split('=').next().unwrap_or_default().to_owned();
                if !seen.contains(&name) {
                    out.push_str(&special);
                    seen.push(name);
                }
            }
            for (index, (name, value)) in headers.iter().enumerate() {
                let _ = write!(out, "{}{name}={value}", if index == 0 { '?' } else { '&' });
            }
            out
        })
}

/// A valid tel URI.
fn tel_uri() -> impl Strategy<Value = String> {
    let global = "\\+[-.()]{0,2}[0-9]([0-9]|[-.()]){0,12}".prop_map(|n| (n, None));
    let context = prop_oneof![
        "[a-z]([a-z0-9-]{0,4}[a-z0-9])?(\\.[a-z]([a-z0-9-]{0,4}[a-z0-9])?){0,2}",
        "\\+[0-9][-0-9]{0,6}",
    ];
    let local = (
        "([0-9a-fA-F*#]|%23|[-.()]){0,4}[0-9a-fA-F*#]([0-9]|[-.()]){0,8}",
        context,
    )
        .prop_map(|(n, c)| (n.replace('#', "%23"), Some(c)));
    let ext = proptest::option::of("[0-9][-0-9]{0,4}");
    let params = proptest::collection::vec(("[a-z0-9-]{0,4}", proptest::option::of(part("[]/:&+$", 1, 4))), 0..3);
    (prop_oneof![global, local], ext, params).prop_map(|((number, context), ext, params)| {
        let mut out = format!("tel:{number}");
        if let Some(ext) = ext {
            let _ = write!(out, ";ext={ext}");
        }
        for (index, (name, value)) in params.iter().enumerate() {
            let _ = write!(out, ";x{index}-{name}");
            if let Some(value) = value {
                let _ = write!(out, "={value}");
            }
        }
        if let Some(context) = context {
            let _ = write!(out, ";phone-context={context}");
        }
        out
    })
}

fn config(cases: u32) -> Config {
    // Failures are reported, not written beside the sources: the fuzz corpus keeps regressions.
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(4000))]

    #[test]
    fn any_string_is_parsed_or_rejected_without_panic(text in any::<String>()) {
        prop_assert_eq!(check(&text), Ok(()));
    }

    #[test]
    fn uri_like_strings_are_parsed_or_rejected_without_panic(
        text in "(sips?|tel|SIP):[a-zA-Z0-9%:;@?&=+$,/\\[\\]._~!*'()#<> -]{0,40}",
    ) {
        prop_assert_eq!(check(&text), Ok(()));
    }
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn valid_sip_uris_parse_and_display_back(text in sip_uri()) {
        prop_assert!(Uri::parse(&text).is_ok(), "{:?}: {:?}", text, Uri::parse(&text).err().map(|e| e.to_string()));
        prop_assert_eq!(check(&text), Ok(()));
    }

    #[test]
    fn valid_tel_uris_parse_and_display_back(text in tel_uri()) {
        prop_assert!(Uri::parse(&text).is_ok(), "{:?}: {:?}", text, Uri::parse(&text).err().map(|e| e.to_string()));
        prop_assert_eq!(check(&text), Ok(()));
    }
}

/// Every file of the fuzz corpus passes the fuzz target's check; `ok-*` seeds parse and `err-*`
/// seeds do not, so the corpus runs in CI without a fuzzer.
#[test]
fn fuzz_corpus_replays() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/uri");
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("the fuzz corpus directory")
        .map(|entry| entry.expect("a corpus entry").path())
        .collect();
    entries.sort();
    assert!(entries.len() >= 100, "only {} corpus files in {dir}", entries.len());
    for path in entries {
        let bytes = std::fs::read(&path).expect("a readable corpus file");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        // The fuzz target skips input that is not UTF-8, as `Uri::parse` takes text.
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        if let Err(e) = check(text) {
            panic!("{name}: {e}");
        }
        if name.starts_with("ok-") {
            assert!(
                Uri::parse(text).is_ok(),
                "{name} {text:?}: {:?}",
                Uri::parse(text).err()
            );
        }
        if name.starts_with("err-") {
            assert!(Uri::parse(text).is_err(), "{name} {text:?} should be rejected");
        }
    }
}
