//! NSD serves the zones the test wrote, several at once, with AXFR where allowed.

use std::net::Ipv4Addr;

use uclint_test_servers::{Nsd, Zone};

use crate::dns::{self, A, AXFR, SOA};

/// A zone for example.com whose `cups` host has `address`.
fn example(address: &str) -> String {
    format!(
        "$ORIGIN example.com.\n$TTL 300\n\
         @ IN SOA ns1.example.com. hostmaster.example.com. 1 3600 600 86400 300\n\
         @ IN NS ns1.example.com.\nns1 IN A 127.0.0.1\ncups IN A {address}\n"
    )
}

#[test]
fn two_views_of_one_domain_answer_each_their_own() {
    let internal = Nsd::start(&[Zone::text("example.com", &example("10.0.0.5"))]);
    let public = Nsd::start(&[Zone::text("example.com.", &example("192.0.2.5"))]);
    assert_ne!(internal.address, public.address);
    let answer = dns::udp(internal.address, "cups.example.com", A);
    assert_eq!((dns::rcode(&answer), dns::answers(&answer)), (0, 1));
    assert!(dns::has_address(&answer, Ipv4Addr::new(10, 0, 0, 5)));
    let answer = dns::tcp(public.address, "cups.example.com", A);
    assert!(dns::has_address(&answer, Ipv4Addr::new(192, 0, 2, 5)));
    // A name it does not serve is refused, one missing in its zone is NXDOMAIN.
    assert_eq!(dns::rcode(&dns::udp(public.address, "cups.other.test", A)), 5);
    assert_eq!(dns::rcode(&dns::udp(public.address, "nope.example.com", A)), 3);
}

#[test]
fn axfr_only_where_the_zone_provides_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("example.zone");
    std::fs::write(&file, example("10.0.0.5")).unwrap();
    let open = Nsd::start(&[Zone::file("example.com", &file).with_axfr()]);
    let transfer = dns::tcp(open.address, "example.com", AXFR);
    assert_eq!(dns::rcode(&transfer), 0);
    assert_eq!(dns::answers(&transfer), 5, "SOA, NS, two A, SOA again");
    assert!(dns::has_address(&transfer, Ipv4Addr::new(10, 0, 0, 5)));

    let closed = Nsd::start(&[Zone::file("example.com", &file)]);
    assert_eq!(dns::rcode(&dns::udp(closed.address, "example.com", SOA)), 0);
    let refused = dns::tcp(closed.address, "example.com", AXFR);
    assert!(
        [5, 9].contains(&dns::rcode(&refused)),
        "REFUSED or NOTAUTH: {refused:?}"
    );
    assert_eq!(dns::answers(&refused), 0);
}

#[test]
#[should_panic(expected = "NSD exited")]
fn a_bad_configuration_panics_with_the_log() {
    Nsd::start(&[Zone::text("bad\"name", &example("10.0.0.5"))]);
}
