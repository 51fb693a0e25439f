//! Laws of D1 (the presence address) over generated node names and domains, beside the golden
//! cases in `presence.rs`: which method applies, and what the address ends with.

use std::net::{Ipv4Addr, Ipv6Addr};

use proptest::prelude::*;

use super::presence::{Method, PROXY_DOMAIN_NOT_SET, presence_address};
use crate::catalogue::Code;

/// A host label, sometimes upper-case, sometimes all digits.
fn label() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z][a-z0-9-]{0,6}", "[A-Z][A-Za-z0-9]{0,4}", "[0-9]{1,3}",]
}

fn domain() -> impl Strategy<Value = String> {
    proptest::collection::vec(label(), 1..=3).prop_map(|labels| labels.join("."))
}

/// A node name: a short name, an FQDN in or beside the domain, an address, or any text.
fn node(domain: String) -> impl Strategy<Value = String> {
    let suffixed = domain.clone();
    let glued = domain;
    prop_oneof![
        label(),
        (label(), domain_like()).prop_map(|(l, d)| format!("{l}.{d}")),
        label().prop_map(move |l| format!("{l}.{suffixed}")),
        // Ends with the domain, but not on a label boundary (`mycisco.com` against `cisco.com`).
        label().prop_map(move |l| format!("{l}{glued}")),
        any::<[u8; 4]>().prop_map(|o| Ipv4Addr::from(o).to_string()),
        any::<u128>().prop_map(|a| Ipv6Addr::from(a).to_string()),
        ".{0,24}",
    ]
}

fn domain_like() -> impl Strategy<Value = String> {
    domain()
}

/// The node with the domain it is derived against: set, unset or an address.
fn case() -> impl Strategy<Value = (String, Option<String>)> {
    (domain(), 0..4u8).prop_flat_map(|(domain, how)| {
        let given = match how {
            0 => None,
            1 => Some(String::new()),
            _ => Some(domain.clone()),
        };
        node(domain).prop_map(move |node| (node, given.clone()))
    })
}

proptest! {
    #[test]
    fn the_method_is_ip_exactly_when_the_node_is_an_address((node, domain) in case()) {
        let derived = presence_address(&node, domain.as_deref(), None);
        // Dotted-decimal IPv4, or an IPv6 literal with or without brackets (SPEC D1 step 1).
        let is_address = node.parse::<Ipv4Addr>().is_ok()
            || node.trim_matches(['[', ']']).parse::<Ipv6Addr>().is_ok();
        prop_assert_eq!(derived.method() == Method::Ip, is_address, "{:?} in {:?}", node, domain);
    }

    /// The suffix test is a plain string test (SPEC D1 step 2); PRS005 marks the matches that
    /// are not on a label boundary.
    #[test]
    fn as_configured_exactly_when_the_node_ends_with_the_domain((node, domain) in case()) {
        let derived = presence_address(&node, domain.as_deref(), None);
        if derived.method() == Method::Ip {
            return Ok(());
        }
        let effective = derived.effective_domain().to_owned();
        let ends = node.ends_with(&effective);
        prop_assert_eq!(derived.method() == Method::AsConfigured, ends, "{:?} in {:?}", node, effective);
        let on_a_boundary = node == effective || node.ends_with(&format!(".{effective}"));
        prop_assert_eq!(derived.has_code(Code::PRS005), ends && !on_a_boundary, "{:?} in {:?}", node, effective);
    }

    #[test]
    fn the_address_ends_with_the_domain_unless_the_node_is_an_address((node, domain) in case()) {
        let derived = presence_address(&node, domain.as_deref(), None);
        if derived.method() == Method::Ip {
            prop_assert_eq!(derived.address(), node.as_str());
        } else {
            let effective = derived.effective_domain();
            prop_assert!(derived.address().ends_with(effective), "{:?} from {:?}", derived.address(), node);
            prop_assert!(derived.address().starts_with(node.as_str()));
            let unset = domain.as_deref().is_none_or(str::is_empty);
            prop_assert_eq!(effective == PROXY_DOMAIN_NOT_SET, unset || domain.as_deref() == Some(PROXY_DOMAIN_NOT_SET));
        }
    }
}
