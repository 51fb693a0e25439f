//! TLS001 observed: the calendar's Exchange server, on its HTTPS port, negotiates a forward-secret
//! cipher suite, which the Wireshark recipe (the server's RSA key) cannot decrypt.

use uclint_core::derive::wireshark::has_forward_secrecy;
use uclint_core::model::{Deployment, Listener, Server};

/// What the evidence says of the client's offer: rustls never offers RSA key exchange.
pub const OUR_OFFER: &str = "uclint's TLS client (rustls) offers only forward-secret cipher suites ((EC)DHE, TLS 1.3): \
what CUPS negotiates with this server may differ, if CUPS offers RSA key exchange and the server accepts it";

/// Whether `port` of `server` is the HTTPS port CUPS reaches the calendar's Exchange server on.
pub fn is_calendar_exchange(deployment: &Deployment, server: &Server, port: u16) -> bool {
    deployment.calendar.as_ref().is_some_and(|calendar| {
        calendar.exchange == server.node_name
            && calendar.protocol.eq_ignore_ascii_case("https")
            && server.port(Listener::Https) == Some(port)
    })
}

/// The TLS001 message when `suite` (negotiated in `version`) keeps the RSA key from decrypting.
pub fn check(suite: &str, version: &str) -> Option<String> {
    let tls13 = version.contains("1_3") || version.contains("1.3");
    (tls13 || has_forward_secrecy(suite)).then(|| {
        let why = if tls13 {
            "TLS 1.3 always negotiates keys with (EC)DHE"
        } else {
            "it negotiates keys with (EC)DHE"
        };
        format!(
            "this Exchange server negotiated `{suite}` ({version}) with uclint: {why}, so the Wireshark recipe with the server's RSA key cannot decrypt what it negotiates; capture with a key log (SSLKEYLOGFILE) instead"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls13_and_ecdhe_keep_the_rsa_key_out() {
        assert!(
            check("TLS13_AES_256_GCM_SHA384", "TLSv1_3")
                .unwrap()
                .contains("TLS 1.3")
        );
        assert!(check("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLSv1_2").is_some());
        assert_eq!(check("TLS_RSA_WITH_AES_128_CBC_SHA", "TLSv1_2"), None);
    }
}
