//! Kamailio answers OPTIONS over UDP, TCP and TLS, and lets REGISTER through or challenges it.

use uclint_test_servers::{Certs, Kamailio};

use crate::common::{connect, tls_over};
use crate::sip;

/// The status line of a SIP reply.
fn status(reply: &str) -> &str {
    reply.lines().next().unwrap_or_default()
}

#[test]
fn options_gets_200_over_udp_tcp_and_tls() {
    let certs = Certs::new();
    let kamailio = Kamailio::challenging(Some(&certs.good));
    assert_eq!(status(&sip::over_udp("OPTIONS", kamailio.udp)), "SIP/2.0 200 OK");
    let mut tcp = connect(kamailio.tcp);
    let local = tcp.local_addr().unwrap();
    let reply = sip::over_stream(&mut tcp, "TCP", "OPTIONS", kamailio.tcp, local);
    assert_eq!(status(&reply), "SIP/2.0 200 OK", "{reply}");
    let address = kamailio.tls.unwrap();
    let stream = connect(address);
    let local = stream.local_addr().unwrap();
    let mut tls = tls_over(stream, &certs.ca_der, "127.0.0.1").unwrap();
    let reply = sip::over_stream(&mut tls, "TLS", "OPTIONS", address, local);
    assert_eq!(status(&reply), "SIP/2.0 200 OK", "{reply}");
    // The reply went back to where it came from, which rport asked for.
    assert!(reply.contains(&format!("rport={}", local.port())), "{reply}");
}

#[test]
fn register_is_challenged_unless_it_comes_from_the_trusted_address() {
    let challenging = Kamailio::challenging(None);
    assert!(challenging.tls.is_none());
    let reply = sip::over_udp("REGISTER", challenging.udp);
    assert_eq!(status(&reply), "SIP/2.0 401 Unauthorized", "{reply}");
    let challenge = reply
        .lines()
        .find(|l| l.starts_with("WWW-Authenticate: "))
        .unwrap_or_else(|| panic!("no challenge in {reply}"));
    assert!(challenge.contains("Digest realm=\"127.0.0.1\""), "{challenge}");
    assert!(challenge.contains("nonce=\""), "{challenge}");
    let mut tcp = connect(challenging.tcp);
    let local = tcp.local_addr().unwrap();
    let reply = sip::over_stream(&mut tcp, "TCP", "REGISTER", challenging.tcp, local);
    assert_eq!(status(&reply), "SIP/2.0 401 Unauthorized", "{reply}");

    let letting_through = Kamailio::letting_through(None);
    let reply = sip::over_udp("REGISTER", letting_through.udp);
    assert_eq!(status(&reply), "SIP/2.0 200 OK", "{reply}");
}
