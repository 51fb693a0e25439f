//! Test vectors: RFC 3261 §19.1.3 / §19.1.4, RFC 4475 and RFC 5118 torture tests, RFC 3966, and
//! every kind of rejection with the character it points at.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::{Host, Scheme, Uri, UriError};

fn parse(text: &str) -> Uri {
    match Uri::parse(text) {
        Ok(uri) => uri,
        Err(e) => panic!("{text:?} should parse: {e}"),
    }
}

/// `text` is rejected at byte `offset`, with a message that names the character there.
fn rejected(text: &str, offset: usize) -> UriError {
    let e = match Uri::parse(text) {
        Ok(uri) => panic!("{text:?} should be rejected, parsed as {uri:?}"),
        Err(e) => e,
    };
    assert_eq!(e.offset, offset, "{text:?}: {e}");
    assert_eq!(
        e.found,
        text.get(offset..).and_then(|rest| rest.chars().next()),
        "{text:?}"
    );
    assert!(
        e.to_string().starts_with(&format!("at character {} (", offset + 1)),
        "{e}"
    );
    e
}

fn name(host: &str) -> Option<Host> {
    Some(Host::Name(host.to_owned()))
}

fn v6(text: &str) -> Option<Host> {
    text.parse::<Ipv6Addr>().ok().map(Host::Ipv6)
}

fn owned(pairs: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    pairs
        .iter()
        .map(|(n, v)| ((*n).to_owned(), v.map(str::to_owned)))
        .collect()
}

fn assert_equivalent(a: &str, b: &str) {
    let (ua, ub) = (parse(a), parse(b));
    assert!(ua.equivalent(&ub), "{a} should equal {b}");
    assert!(ub.equivalent(&ua), "{b} should equal {a}");
}

fn assert_different(a: &str, b: &str) {
    let (ua, ub) = (parse(a), parse(b));
    assert!(!ua.equivalent(&ub), "{a} should differ from {b}");
    assert!(!ub.equivalent(&ua), "{b} should differ from {a}");
}

// ---- RFC 3261 §19.1.3: example SIP and SIPS URIs ----

#[test]
fn rfc3261_examples_parse_into_their_parts() {
    let uri = parse("sip:alice@atlanta.com");
    assert_eq!(
        (uri.scheme, uri.user.as_deref(), uri.host.clone()),
        (Scheme::Sip, Some("alice"), name("atlanta.com"))
    );
    assert_eq!(
        (uri.password, uri.port, uri.params.len(), uri.headers.len()),
        (None, None, 0, 0)
    );

    let uri = parse("sip:alice:secretword@atlanta.com;transport=tcp");
    assert_eq!(uri.user.as_deref(), Some("alice"));
    assert_eq!(uri.password.as_deref(), Some("secretword"));
    assert_eq!(uri.transport(), Some("tcp"));

    let uri = parse("sips:alice@atlanta.com?subject=project%20x&priority=urgent");
    assert_eq!(uri.scheme, Scheme::Sips);
    let headers = [
        ("subject".to_owned(), "project x".to_owned()),
        ("priority".to_owned(), "urgent".to_owned()),
    ];
    assert_eq!(uri.headers, headers);

    let uri = parse("sip:+1-212-555-1212:1234@gateway.com;user=phone");
    assert_eq!(uri.user.as_deref(), Some("+1-212-555-1212"));
    assert_eq!(uri.password.as_deref(), Some("1234"));
    assert_eq!(uri.param("user"), Some(Some("phone")));
    assert_eq!(uri.user_part(), Some("+1-212-555-1212"));

    let uri = parse("sips:1212@gateway.com");
    assert_eq!((uri.scheme, uri.user.as_deref()), (Scheme::Sips, Some("1212")));

    let uri = parse("sip:alice@192.0.2.4");
    assert_eq!(uri.host, Some(Host::Ipv4(Ipv4Addr::new(192, 0, 2, 4))));
    assert_eq!(uri.host_str().as_deref(), Some("192.0.2.4"));

    let uri = parse("sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com");
    assert_eq!((uri.user.as_deref(), uri.host.clone()), (None, name("atlanta.com")));
    assert_eq!(uri.param("method"), Some(Some("REGISTER")));
    assert_eq!(uri.headers, [("to".to_owned(), "alice@atlanta.com".to_owned())]);

    // `;` is a user character, so this user is `alice;day=tuesday` and there are no parameters.
    let uri = parse("sip:alice;day=tuesday@atlanta.com");
    assert_eq!(uri.user.as_deref(), Some("alice;day=tuesday"));
    assert!(uri.params.is_empty());
}

#[test]
fn the_scheme_is_case_insensitive() {
    let uri = parse("SIP:ALICE@AtLanTa.CoM;Transport=udp");
    assert_eq!(uri.scheme, Scheme::Sip);
    assert_eq!(uri.user.as_deref(), Some("ALICE"));
    // Host and parameter names stay as written.
    assert_eq!(uri.host, name("AtLanTa.CoM"));
    assert_eq!(uri.params, owned(&[("Transport", Some("udp"))]));
    assert_eq!(uri.transport(), Some("udp"));
    assert_eq!(parse("SiPs:a@b.com").scheme, Scheme::Sips);
    assert_eq!(parse("TEL:+1234").scheme, Scheme::Tel);
}

// ---- RFC 3261 §19.1.4: equivalent and non-equivalent URIs ----

#[test]
fn rfc3261_equivalent_pairs() {
    assert_equivalent(
        "sip:%61lice@atlanta.com;transport=TCP",
        "sip:alice@AtLanTa.CoM;Transport=tcp",
    );
    assert_equivalent("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5");
    assert_equivalent("sip:carol@chicago.com", "sip:carol@chicago.com;security=on");
    assert_equivalent("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on");
    assert_equivalent(
        "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
        "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com",
    );
    assert_equivalent(
        "sip:alice@atlanta.com?subject=project%20x&priority=urgent",
        "sip:alice@atlanta.com?priority=urgent&subject=project%20x",
    );
}

#[test]
fn rfc3261_non_equivalent_pairs() {
    // Different user names: userinfo is case-sensitive.
    assert_different(
        "SIP:ALICE@AtLanTa.CoM;Transport=udp",
        "sip:alice@AtLanTa.CoM;Transport=UDP",
    );
    // Can resolve to different ports.
    assert_different("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060");
    // Can resolve to different transports.
    assert_different("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp");
    // Can resolve to a different port and transport.
    assert_different("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp");
    // Different header component.
    assert_different("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting");
    // Even though that is what phone21.boxesbybob.com resolves to.
    assert_different("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4");
    // Equality is not transitive: each equals sip:carol@chicago.com, not each other.
    assert_different(
        "sip:carol@chicago.com;security=on",
        "sip:carol@chicago.com;security=off",
    );
}

#[test]
fn user_ttl_method_and_maddr_count_even_when_only_one_uri_has_them() {
    assert_different("sip:bob@biloxi.com", "sip:bob@biloxi.com;user=ip");
    assert_different("sip:bob@biloxi.com", "sip:bob@biloxi.com;ttl=1");
    assert_different("sip:bob@biloxi.com", "sip:bob@biloxi.com;method=INVITE");
    assert_different("sip:bob@biloxi.com", "sip:bob@biloxi.com;maddr=239.255.255.1");
    assert_equivalent(
        "sip:bob@biloxi.com;maddr=[2001:DB8::1]",
        "sip:bob@biloxi.com;MADDR=[2001:db8:0::1]",
    );
    assert_different(
        "sip:bob@biloxi.com;maddr=192.0.2.1",
        "sip:bob@biloxi.com;maddr=192.0.2.2",
    );
    // lr is an ordinary parameter: compared only when both have it.
    assert_equivalent("sip:proxy.biloxi.com", "sip:proxy.biloxi.com;lr");
    assert_different("sip:proxy.biloxi.com;lr", "sip:proxy.biloxi.com;lr=on");
}

#[test]
fn escapes_equal_their_characters_except_reserved_ones() {
    assert_equivalent("sip:%61lice@atlanta.com", "sip:alice@atlanta.com");
    // Hex digits of an escape may be either case.
    assert_equivalent("sip:a%3bb@atlanta.com", "sip:a%3Bb@atlanta.com");
    // `;` `+` `/` `?` written plainly are not their escapes.
    assert_different("sip:a%3Bb@atlanta.com", "sip:a;b@atlanta.com");
    assert_different("sip:%2B1212@gateway.com", "sip:+1212@gateway.com");
    assert_different("sip:b@x.com;p=a%2Bb", "sip:b@x.com;p=a+b");
    assert_different("sip:b@x.com?h=a%3Fb", "sip:b@x.com?h=a?b");
    // Parameter names and values ignore case, escaped or not.
    assert_equivalent("sip:b@x.com;p=%41", "sip:b@x.com;P=a");
    assert_equivalent("sip:b@x.com;%6C%72", "sip:b@x.com;LR");
    // Userinfo does not ignore case; a password counts.
    assert_different("sip:alice@atlanta.com", "sip:Alice@atlanta.com");
    assert_different("sip:alice@atlanta.com", "sip:alice:@atlanta.com");
    assert_different("sip:alice:a@atlanta.com", "sip:alice:A@atlanta.com");
    assert_equivalent("sip:alice:%41@atlanta.com", "sip:alice:A@atlanta.com");
}

#[test]
fn other_comparison_rules() {
    // Host names ignore case; a trailing dot is a different name; sip is not sips.
    assert_equivalent("sip:a@EXAMPLE.com", "sip:a@example.COM");
    assert_different("sip:a@example.com.", "sip:a@example.com");
    assert_different("sip:a@example.com", "sips:a@example.com");
    // RFC 5954 §4: IP addresses compare by value, not by text.
    assert_equivalent("sip:a@[2001:db8::10]", "sip:a@[2001:DB8:0:0:0:0:0:10]");
    assert_equivalent("sip:a@192.0.2.4", "sip:a@192.000.002.004");
    // Headers: all must match, in any order, names and values ignoring case.
    assert_equivalent("sip:a@b.com?Subject=Hi", "sip:a@b.com?subject=hi");
    assert_different("sip:a@b.com?x=1", "sip:a@b.com?x=1&y=2");
    assert_different("sip:a@b.com?x=1&x=1", "sip:a@b.com?x=1");
    // The port must be identical, absent or not.
    assert_different("sip:a@b.com:5060", "sip:a@b.com:5061");
    // Every URI is equivalent to itself.
    let uri = parse("sips:a%3Bb:p@x.com:1;transport=tls;z?h=v");
    assert!(uri.equivalent(&uri));
}

// ---- RFC 4475 §3.1.1: valid messages (their URIs must parse) ----

#[test]
fn rfc4475_valid_uris_parse() {
    // §3.1.1.1 wsinv, Request-URI: a parameter without a value.
    let uri = parse("sip:vivekg@chair-dnrc.example.com;unknownparam");
    assert_eq!(uri.host, name("chair-dnrc.example.com"));
    assert_eq!(uri.params, owned(&[("unknownparam", None)]));
    // §3.1.1.1 wsinv, Route: lr, a parameter with a value and one without.
    let uri = parse("sip:services.example.com;lr;unknownwith=value;unknown-no-value");
    assert_eq!(uri.user, None);
    let expected = owned(&[("lr", None), ("unknownwith", Some("value")), ("unknown-no-value", None)]);
    assert_eq!(uri.params, expected);
    assert_eq!(uri.param("lr"), Some(None));
    // Ours: wsinv's URI with a port.
    assert_eq!(parse("sip:vivekg@chair-dnrc.example.com:5060").port, Some(5060));

    // §3.1.1.2 intmeth: every unreserved and user-unreserved character, and a password.
    let uri = parse(
        "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com",
    );
    assert_eq!(
        uri.user.as_deref(),
        Some("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*")
    );
    assert_eq!(
        uri.password.as_deref(),
        Some("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)")
    );
    assert_eq!(uri.host, name("example.com"));
    assert!(uri.params.is_empty() && uri.headers.is_empty());

    // §3.1.1.3 esc01, Request-URI: a sips URI escaped into the user part.
    let uri = parse("sip:sips%3Auser%40example.com@example.net");
    assert_eq!(uri.user.as_deref(), Some("sips:user@example.com"));
    assert_eq!(uri.host, name("example.net"));
    assert_eq!(uri.to_string(), "sip:sips%3Auser%40example.com@example.net");
    // §3.1.1.3 esc01, To and From.
    assert_equivalent("sip:%75se%72@example.com", "sip:user@example.com");
    assert_eq!(
        parse("sip:I%20have%20spaces@example.net").user.as_deref(),
        Some("I have spaces")
    );
    // §3.1.1.3 esc01, Contact: escaped parameter names and values; `%25` is a literal `%`.
    let uri = parse("sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31");
    assert_eq!(uri.user.as_deref(), Some("caller"));
    assert_eq!(uri.params, owned(&[("lr", None), ("name", Some("value%41"))]));
    assert_eq!(uri.to_string(), "sip:caller@host5.example.net;lr;name=value%2541");

    // §3.1.1.4 escnull: escaped NULs are valid, and must not shorten the user.
    let uri = parse("sip:null-%00-null@example.com");
    assert_eq!(uri.user.as_deref(), Some("null-\0-null"));
    assert_eq!(uri.to_string(), "sip:null-%00-null@example.com");
    assert_eq!(parse("sip:%00@host5.example.com").user.as_deref(), Some("\0"));
    // The two Contacts are distinct.
    assert_different("sip:%00@host5.example.com", "sip:%00%00@host5.example.com");
    assert_eq!(parse("sip:example.com").host, name("example.com"));

    // §3.1.1.5 esc02: plain URIs in a message whose method has `%`.
    assert_eq!(parse("sip:registrar.example.com").host, name("registrar.example.com"));
    assert_eq!(parse("sip:resource@example.com").user.as_deref(), Some("resource"));

    // §3.1.1.9 semiuri: `;` in the user part, with an escaped `@`.
    let uri = parse("sip:user;par=u%40example.net@example.com");
    assert_eq!(uri.user.as_deref(), Some("user;par=u@example.net"));
    assert_eq!(uri.host, name("example.com"));
    assert!(uri.params.is_empty());

    // §3.3.12 cparam01 / §3.3.13 cparam02: the Contact without and with a URI parameter.
    assert_eq!(
        parse("sip:+19725552222@gw1.example.net").user.as_deref(),
        Some("+19725552222")
    );
    let uri = parse("sip:+19725552222@gw1.example.net;unknownparam");
    assert_eq!(uri.params, owned(&[("unknownparam", None)]));

    // §3.3.14 regescrt (and §3.1.2.13 regbadct): an escaped header in a Contact URI.
    let uri = parse("sip:user@example.com?Route=%3Csip:sip.example.com%3E");
    assert_eq!(uri.headers, [("Route".to_owned(), "<sip:sip.example.com>".to_owned())]);
}

// ---- RFC 5118: IPv6 torture tests ----

#[test]
fn rfc5118_ipv6_references() {
    // §4.1 ipv6-good.
    let uri = parse("sip:[2001:db8::10]");
    assert_eq!((uri.host.clone(), uri.port), (v6("2001:db8::10"), None));
    assert_eq!(uri.host_str().as_deref(), Some("2001:db8::10"));
    assert_eq!(parse("sip:user@[2001:db8::10]").host, v6("2001:db8::10"));
    // §4.3 port-ambiguous: the 5070 is inside the brackets, so part of the address.
    let uri = parse("sip:[2001:db8::10:5070]");
    assert_eq!((uri.host.clone(), uri.port), (v6("2001:db8::10:5070"), None));
    // §4.4 port-unambiguous.
    let uri = parse("sip:[2001:db8::10]:5070");
    assert_eq!((uri.host.clone(), uri.port), (v6("2001:db8::10"), Some(5070)));
    // §4.9 ipv4-mapped-ipv6.
    assert_eq!(parse("sip:user@[::ffff:192.0.2.10]").host, v6("::ffff:192.0.2.10"));
    // §4.10 ipv6-correct-abnf-2-colons.
    assert_eq!(parse("sip:user@[2001:db8::192.0.2.1]").host, v6("2001:db8::c000:201"));
    // §4.10 ipv6-bug-abnf-3-colons: RFC 3261's own ABNF derives it; RFC 5118 says to tolerate
    // it, as the same address.
    assert_eq!(parse("sip:user@[2001:db8:::192.0.2.1]").host, v6("2001:db8::c000:201"));
    assert_eq!(parse("sip:[:::192.0.2.1]").host, v6("::192.0.2.1"));
    // Other forms of RFC 4291.
    let forms = [
        ("sip:[::]", "::"),
        ("sip:[::1]", "::1"),
        ("sip:[1::]", "1::"),
        ("sip:[1::2:3]", "1:0:0:0:0:0:2:3"),
        ("sip:[1:2:3:4:5:6:7::]", "1:2:3:4:5:6:7:0"),
        ("sip:[::1:2:3:4:5:6:7]", "0:1:2:3:4:5:6:7"),
        ("sip:[1:2:3:4:5:6:7:8]", "1:2:3:4:5:6:7:8"),
        ("sip:[FFFF:abcd:0:00:000:0000:1:2]", "ffff:abcd::1:2"),
        ("sip:[1:2:3:4:5:6:1.2.3.4]", "1:2:3:4:5:6:102:304"),
        // The embedded IPv4 address reads its numbers as decimal, as a host IPv4 address does.
        ("sip:[::2.9.02.1]", "::2.9.2.1"),
    ];
    for (text, address) in forms {
        assert_eq!(parse(text).host, v6(address), "{text}");
    }
}

#[test]
fn rfc5118_bad_ipv6_references_are_rejected() {
    // §4.2 ipv6-bad: an IPv6 address without brackets.
    let e = rejected("sip:2001:db8::10", 4);
    assert!(e.expected.contains("[brackets]"), "{e}");
    let e = rejected("sip:user@abcd:db8::10", 14);
    assert!(e.expected.contains("[brackets]"), "{e}");
    // Ours: `:::` anywhere but before an IPv4 tail.
    rejected("sip:[2001:db8:::10]", 15);
    rejected("sip:[1::::1.2.3.4]", 8);
    // Ours: unbalanced brackets.
    let e = rejected("sip:user@[2001:db8::10", 22);
    assert!(
        e.expected
            .contains("']' to close the IPv6 reference opened at character 10"),
        "{e}"
    );
    rejected("sip:user@[2001:db8::10]]", 23);
    rejected("sip:user@2001:db8::10]", 9);
    // Ours: a stray character after the port.
    rejected("sip:[2001:db8::10]:5070:", 23);
    // Ours: malformed addresses, each pointing at the character that breaks it.
    rejected("sip:[1:2:3:4:5:6:7:8:9]", 21);
    rejected("sip:[1:2:3:4:5:6:7::8]", 20);
    rejected("sip:[1:2:3]", 10);
    rejected("sip:[12345::1]", 9);
    rejected("sip:[1::2::3]", 9);
    rejected("sip:[:1::2]", 5);
    rejected("sip:[1::2:]", 10);
    rejected("sip:[2001:db8::g]", 15);
    rejected("sip:[]", 5);
    rejected("sip:[::ffff:1.2.3.300]", 18);
    rejected("sip:[::ffff:1.2.3]", 12);
    rejected("sip:[1.2.3.4]", 12);
}

// ---- RFC 4475 §3.1.2 and §3.3: invalid Request-URIs ----

#[test]
fn rfc4475_invalid_request_uris_are_rejected() {
    // §3.1.2.7 ltgtruri: the Request-URI in angle brackets.
    let e = rejected("<sip:user@example.com>", 0);
    assert!(e.expected.contains("sip:, sips: or tel:"), "{e}");
    // §3.1.2.8 lwsruri: whitespace inside the URI.
    let e = rejected("sip:user@example.com; lr", 21);
    assert!(e.expected.contains("spaces"), "{e}");
    assert_eq!(
        e.to_string(),
        "at character 22 (a space): expected a parameter name after ';'; a URI cannot contain spaces or line \
         breaks (escape a space as %20)"
    );
    // §3.1.2.9 lwsstart / §3.1.2.10 trws: the spaces around the URI are not part of it.
    rejected(" sip:user@example.com", 0);
    rejected("sip:remote-target@example.com ", 29);
    // §3.1.2.14 badaspec: spaces inside the angle brackets of the To URI.
    rejected(" sip:t.watson@example.org ", 0);
    rejected("sip:t.watson@example.org ", 24);
    // §3.3.2 unkscm, §3.3.3 novelsc, §3.3.4 unksm2: schemes a SIP proxy answers with 416.
    let e = rejected("nobodyknowsthisscheme:totallyopaquecontent", 0);
    assert_eq!(
        e.to_string(),
        "at character 1 ('n'): expected the scheme sip:, sips: or tel: (uclint does not route \
         `nobodyknowsthisscheme:` URIs)"
    );
    rejected("soap.beep://192.0.2.103:3002", 0);
    rejected("isbn:2983792873", 0);
}

#[test]
fn request_uris_cannot_carry_headers_or_method() {
    // §3.1.2.11 escruri: a Request-URI with an escaped header is malformed.
    let text = "sip:user@example.com?Route=%3Csip:example.com%3E";
    assert!(Uri::parse(text).is_ok());
    let e = Uri::parse_request_uri(text).err();
    assert_eq!(e.as_ref().map(|e| e.offset), Some(20), "{e:?}");
    let e = Uri::parse_request_uri("sip:atlanta.com;transport=tcp;method=REGISTER").err();
    assert_eq!(e.as_ref().map(|e| e.offset), Some(30), "{e:?}");
    assert!(Uri::parse_request_uri("sip:vivekg@chair-dnrc.example.com;unknownparam").is_ok());
    assert!(Uri::parse_request_uri("tel:+1-201-555-0123").is_ok());
}

// ---- Rejections: each error points at the offending character ----

#[test]
fn bad_schemes_are_rejected() {
    rejected("", 0);
    rejected("http://example.com", 0);
    rejected("mailto:alice@example.com", 0);
    let e = rejected("user@example.com", 4);
    assert!(e.expected.contains("sip:, sips: or tel:"), "{e}");
    rejected("sip", 3);
    rejected("1sip:a@b.com", 0);
}

#[test]
fn bad_escapes_are_rejected() {
    rejected("sip:%G1@example.com", 5);
    rejected("sip:alice%4x@example.com", 11);
    let e = rejected("sip:user@example.com;p=%4", 25);
    assert!(e.expected.contains("two hex digits after '%'"), "{e}");
    rejected("sip:user@example.com?h=%", 24);
    // Escaped bytes must spell UTF-8: `%C4` alone does not, `%C4%80` (Ā) does.
    let e = rejected("sip:user@example.com;%C4", 21);
    assert!(e.expected.contains("UTF-8"), "{e}");
    rejected("sip:a%C4%41@b.com", 5);
    assert_eq!(parse("sip:%C4%80@b.com").user.as_deref(), Some("\u{100}"));
    // Escapes are not allowed in a host.
    rejected("sip:user@ex%61mple.com", 11);
}

#[test]
fn bad_hosts_are_rejected() {
    rejected("sip:", 4);
    rejected("sip:user@", 9);
    rejected("sip:user@;lr", 9);
    rejected("sip:user@:5060", 9);
    rejected("sip:@example.com", 4);
    // The ABNF allows 1*3DIGIT per number; an address stops at 255. Nor is it a host name:
    // the last label of a name starts with a letter.
    let e = rejected("sip:user@256.256.256.256", 9);
    assert!(e.expected.contains("0 to 255 (not 256)"), "{e}");
    rejected("sip:user@1.2.3.256", 15);
    rejected("sip:user@1.2.3", 13);
    rejected("sip:user@1.2.3.4.5", 17);
    rejected("sip:user@1234", 9);
    rejected("sip:user@example.123", 17);
    rejected("sip:user@-example.com", 9);
    rejected("sip:user@example-.com", 16);
    rejected("sip:user@example..com", 17);
    rejected("sip:user@.example.com", 9);
    rejected("sip:user@example.com..", 21);
    rejected("sip:user@ex ample.com", 11);
    rejected("sip:user@ex_ample.com", 11);
    rejected("sip:user@exämple.com", 11);
    // One trailing dot is fine; single-label names are fine.
    assert_eq!(parse("sip:user@example.com.").host, name("example.com."));
    assert_eq!(parse("sip:user@localhost").host, name("localhost"));
    assert_eq!(parse("sip:user@a-1.b2.c").host, name("a-1.b2.c"));
    assert_eq!(parse("sip:user@1a.example.com").host, name("1a.example.com"));
}

#[test]
fn bad_ports_are_rejected() {
    let e = rejected("sip:example.com:99999", 16);
    assert!(e.expected.contains("from 0 to 65535"), "{e}");
    rejected("sip:example.com:65536", 16);
    rejected("sip:example.com:", 16);
    rejected("sip:example.com:50a", 18);
    rejected("sip:example.com:-1", 16);
    rejected("sip:user@example.com:5060:5060", 25);
    rejected("sip:example.com:123456789012345678901234567890", 16);
    assert_eq!(parse("sip:example.com:65535").port, Some(65535));
    assert_eq!(parse("sip:example.com:0").port, Some(0));
    assert_eq!(parse("sip:example.com:05060").port, Some(5060));
}

#[test]
fn control_characters_whitespace_and_non_ascii_are_rejected() {
    let e = rejected("sip:us\ter@example.com", 6);
    assert!(e.to_string().contains("(a tab)"), "{e}");
    let e = rejected("sip:user@example.com\r\n", 20);
    assert!(e.to_string().contains("control character U+000D"), "{e}");
    let e = rejected("sip:user\0@example.com", 8);
    assert!(e.expected.contains("%-escaped"), "{e}");
    let e = rejected("sip:jos\u{e9}@example.com", 7);
    assert!(e.to_string().contains("('é', U+00E9)"), "{e}");
    // Invisible code points are shown by number only.
    let e = rejected("sip:a\u{200b}b@example.com", 5);
    assert!(e.to_string().contains("(U+200B)"), "{e}");
    rejected("sip:a b@example.com", 5);
    rejected("sip:\"alice\"@example.com", 4);
    rejected("sip:alice@example.com;a=\"b\"", 24);
}

#[test]
fn bad_userinfo_parameters_and_headers_are_rejected() {
    rejected("sip:us<er@example.com", 6);
    rejected("sip:alice:pa;ss@example.com", 12);
    // A stray `@` after the host: the error is where the reading without userinfo stopped.
    rejected("sip:[2001:db8::10]?to=a@b", 23);
    rejected("sip:a@b.com?to=bob@x", 18);
    rejected("sip:a@b.com;", 12);
    rejected("sip:a@b.com;p=", 14);
    rejected("sip:a@b.com;=x", 12);
    let e = rejected("sip:a@b.com;lr;LR", 15);
    assert!(e.expected.contains("`LR` is repeated"), "{e}");
    rejected("sip:a@b.com;transport", 21);
    rejected("sip:a@b.com;transport=t(c)p", 22);
    rejected("sip:a@b.com;ttl=256", 16);
    rejected("sip:a@b.com;ttl=0001", 16);
    rejected("sip:a@b.com;maddr=1.2.3.999", 24);
    rejected("sip:a@b.com;maddr=exa%6Dple.com", 21);
    rejected("sip:a@b.com;maddr", 17);
    rejected("sip:a@b.com?subject", 19);
    rejected("sip:a@b.com?=x", 12);
    rejected("sip:a@b.com?a=b&", 16);
    rejected("sip:a@b.com?a=b?c=d", 17);
    rejected("sip:a@b.com?a=b#x", 15);
    // What the parameter rules accept.
    assert_eq!(parse("sip:a@b.com;ttl=255").param("ttl"), Some(Some("255")));
    assert_eq!(parse("sip:a@b.com;maddr=[::1]").maddr(), Some("[::1]"));
    assert_eq!(parse("sip:a@b.com;maddr=239.255.255.1").maddr(), Some("239.255.255.1"));
    assert_eq!(parse("sip:a@b.com;transport=x-custom").transport(), Some("x-custom"));
    assert_eq!(
        parse("sip:a@b.com?empty=").headers,
        [("empty".to_owned(), String::new())]
    );
}

// ---- tel: (RFC 3966) ----

#[test]
fn tel_uris_parse() {
    let uri = parse("tel:+1-201-555-0123");
    assert_eq!(uri.scheme, Scheme::Tel);
    assert_eq!(uri.number.as_deref(), Some("+1-201-555-0123"));
    assert_eq!(uri.user_part(), Some("+1-201-555-0123"));
    assert_eq!((uri.user.clone(), uri.host.clone(), uri.host_str()), (None, None, None));

    let uri = parse("tel:7042;phone-context=example.com");
    assert_eq!(uri.number.as_deref(), Some("7042"));
    assert_eq!(uri.host, name("example.com"));
    assert_eq!(uri.host_str().as_deref(), Some("example.com"));
    assert_eq!(uri.params, owned(&[("phone-context", Some("example.com"))]));

    let uri = parse("tel:863-1234;phone-context=+1-914-555");
    assert_eq!((uri.number.as_deref(), uri.host.clone()), (Some("863-1234"), None));

    let uri = parse("tel:+1-201-555-0123;ext=1234;isub=abc%2Fd");
    assert_eq!(uri.params, owned(&[("ext", Some("1234")), ("isub", Some("abc/d"))]));
    assert_eq!(
        parse("tel:*31%23;phone-context=example.com").number.as_deref(),
        Some("*31#")
    );
    assert_eq!(
        parse("tel:*31%23;phone-context=example.com").to_string(),
        "tel:*31%23;phone-context=example.com"
    );
    assert_eq!(parse("tel:+(1)2.3").number.as_deref(), Some("+(1)2.3"));
}

#[test]
fn tel_uris_compare_by_digits_and_all_parameters() {
    assert_equivalent("tel:+1-201-555-0123", "tel:+12015550123");
    assert_equivalent("tel:+1(201)555.0123;EXT=1-2", "tel:+12015550123;ext=12");
    assert_equivalent(
        "tel:7042;phone-context=EXAMPLE.com",
        "TEL:7042;Phone-Context=example.com",
    );
    assert_equivalent("tel:7042;phone-context=+1-914", "tel:70-42;phone-context=+1914");
    assert_different("tel:+12015550123", "tel:12015550123;phone-context=example.com");
    assert_different("tel:+12015550123", "tel:+12015550124");
    // Unlike SIP, a parameter in only one tel URI makes them differ.
    assert_different("tel:+12015550123", "tel:+12015550123;ext=1");
    assert_different("tel:+12015550123", "sip:+12015550123@example.com");
}

#[test]
fn bad_tel_uris_are_rejected() {
    rejected("tel:", 4);
    rejected("tel:+", 5);
    rejected("tel:+-", 6);
    let e = rejected("tel:1234", 8);
    assert!(e.expected.contains("phone-context"), "{e}");
    let e = rejected("tel:+1234;phone-context=example.com", 10);
    assert!(e.expected.contains("global number"), "{e}");
    rejected("tel:+1 212", 6);
    rejected("tel:+1212;ext=abc", 14);
    rejected("tel:+1212;ext", 13);
    rejected("tel:7042;phone-context=exa_mple.com", 26);
    rejected("tel:7042;phone-context=+", 24);
    rejected("tel:7042;phone-context", 22);
    rejected("tel:7042;phone-context=example.1com", 31);
    assert_eq!(parse("tel:7042;phone-context=1example.com").host, name("1example.com"));
    rejected("tel:+1-201-555-0123?x=y", 19);
    rejected("tel:+1212;;", 10);
    rejected("tel:+1212;a_b=1", 11);
    rejected("tel:+1212;ext=1;EXT=2", 16);
    rejected("tel:user@example.com", 4);
    rejected("tel:12g4;phone-context=a.b", 6);
}

// ---- Display and helpers ----

#[test]
fn display_is_canonical() {
    let cases = [
        (
            "SIP:ALICE@AtLanTa.CoM;Transport=udp",
            "sip:ALICE@AtLanTa.CoM;Transport=udp",
        ),
        (
            "sip:%61lice@atlanta.com;transport=TCP",
            "sip:alice@atlanta.com;transport=TCP",
        ),
        ("sip:a%3bb:p%2c@x.com", "sip:a%3Bb:p%2C@x.com"),
        ("sips:[2001:DB8:0::10]:5061", "sips:[2001:db8::10]:5061"),
        (
            "sip:alice@atlanta.com?subject=project%20x&priority=urgent",
            "sip:alice@atlanta.com?subject=project%20x&priority=urgent",
        ),
        ("sip:a@b.com;%70=%2F", "sip:a@b.com;p=%2F"),
        ("sip:%C4%80@b.com", "sip:%C4%80@b.com"),
        ("tel:+1-201-555-0123;EXT=12", "tel:+1-201-555-0123;EXT=12"),
        ("sip:user@[2001:db8:::192.0.2.1]", "sip:user@[2001:db8::c000:201]"),
    ];
    for (text, canonical) in cases {
        let uri = parse(text);
        assert_eq!(uri.to_string(), canonical, "{text}");
        assert!(parse(canonical).equivalent(&uri), "{text}");
        assert_eq!(
            canonical.parse::<Uri>().ok().map(|u| u.to_string()).as_deref(),
            Some(canonical)
        );
    }
}

#[test]
fn fields_changed_by_hand_still_display_and_compare() {
    let mut uri = parse("sip:a%3Bb@example.com;p=x%2By?h=1");
    uri.user = Some("carol@home".to_owned());
    uri.params[0].1 = Some("two words".to_owned());
    uri.headers.push(("Subject".to_owned(), "a&b".to_owned()));
    let text = uri.to_string();
    assert_eq!(text, "sip:carol%40home@example.com;p=two%20words?h=1&Subject=a%26b");
    let back = parse(&text);
    assert!(back.equivalent(&uri) && uri.equivalent(&back), "{text}");
    assert_eq!(back.user.as_deref(), Some("carol@home"));
}

#[test]
fn helpers() {
    let uri = parse("sip:bob@Biloxi.COM:5070;TRANSPORT=tcp;maddr=192.0.2.9;lr");
    assert_eq!(uri.host_str().as_deref(), Some("Biloxi.COM"));
    assert_eq!(uri.transport(), Some("tcp"));
    assert_eq!(uri.maddr(), Some("192.0.2.9"));
    assert_eq!(uri.param("LR"), Some(None));
    assert_eq!(uri.param("ttl"), None);
    assert_eq!(Host::parse("[::1]"), Ok(Host::Ipv6(Ipv6Addr::LOCALHOST)));
    assert!(Host::parse("a b").is_err());
    assert!(Host::Name("A.com".to_owned()).matches(&Host::Name("a.COM".to_owned())));
    assert_eq!(Host::Ipv6(Ipv6Addr::LOCALHOST).to_string(), "[::1]");
    let json = serde_json::to_value(parse("sip:a@b.com:1;x")).ok();
    let expected = serde_json::json!({
        "scheme": "sip", "user": "a", "password": null, "host": {"name": "b.com"}, "number": null,
        "port": 1, "params": [["x", null]], "headers": []
    });
    assert_eq!(json, Some(expected));
}
