//! ldap3's errors as the outcomes the probe reports.

use std::io;

use ldap3::LdapError;

use crate::Outcome;
use crate::net::Fault;

/// `error`, met while `doing`, as a fault. Once the connection is open, a broken exchange (the
/// server closed it, cut an answer, or sent what is not LDAP) is a protocol error.
pub fn of(doing: &str, error: &LdapError) -> Fault {
    match error {
        LdapError::Io { source } => io(doing, source),
        LdapError::Timeout { .. } => Fault::new(Outcome::Timeout, format!("no answer in time while {doing}")),
        LdapError::ResultRecv { .. }
        | LdapError::EndOfStream
        | LdapError::OpSend { .. }
        | LdapError::IdScrubSend { .. } => Fault::new(
            Outcome::ProtocolError,
            format!(
                "the connection ended while {doing}: the server closed it, cut its answer, or answered with what is not LDAP"
            ),
        ),
        LdapError::Rustls { source } => Fault::new(Outcome::TlsError, format!("TLS failed while {doing}: {source}")),
        LdapError::DNSName { source } => Fault::new(
            Outcome::Failed,
            format!("{doing}: not a name TLS can ask for ({source})"),
        ),
        LdapError::LdapResult { result } => Fault::new(
            Outcome::Failed,
            format!(
                "{doing}: the server answered {}",
                super::codes::result(result.rc, &result.text)
            ),
        ),
        other => Fault::new(Outcome::Failed, format!("{doing}: {other}")),
    }
}

/// Whether `error` comes from TLS itself (the handshake was reached).
pub fn in_tls(error: &LdapError) -> bool {
    match error {
        LdapError::Rustls { .. } => true,
        LdapError::Io { source } => source
            .get_ref()
            .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some()),
        _ => false,
    }
}

fn io(doing: &str, error: &io::Error) -> Fault {
    if let Some(tls) = error.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>()) {
        return match tls {
            rustls::Error::InvalidMessage(_) => Fault::new(
                Outcome::ProtocolError,
                format!("{doing} failed: what answers does not speak TLS ({tls})"),
            ),
            _ => Fault::new(Outcome::TlsError, format!("{doing} failed: {tls}")),
        };
    }
    match error.kind() {
        io::ErrorKind::ConnectionRefused
        | io::ErrorKind::HostUnreachable
        | io::ErrorKind::NetworkUnreachable
        | io::ErrorKind::TimedOut => Fault::io(doing, error),
        // ldap3's codec says `decoding error` of bytes that are not LDAP, and tokio's framing
        // `bytes remaining on stream` of an answer cut by the end of the connection.
        _ => Fault::new(
            Outcome::ProtocolError,
            format!("the exchange broke while {doing}: {error}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_exchanges_are_protocol_errors() {
        let cut = LdapError::from(io::Error::other("bytes remaining on stream"));
        assert_eq!(of("binding", &cut).outcome, Outcome::ProtocolError);
        assert_eq!(of("binding", &LdapError::EndOfStream).outcome, Outcome::ProtocolError);
        let refused = LdapError::from(io::Error::from(io::ErrorKind::ConnectionRefused));
        assert_eq!(of("connecting", &refused).outcome, Outcome::Refused);
        let not_tls = io::Error::new(
            io::ErrorKind::InvalidData,
            rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType),
        );
        assert_eq!(
            of("the TLS handshake", &LdapError::from(not_tls)).outcome,
            Outcome::ProtocolError
        );
        let alert = io::Error::new(
            io::ErrorKind::InvalidData,
            rustls::Error::AlertReceived(rustls::AlertDescription::HandshakeFailure),
        );
        assert_eq!(
            of("the TLS handshake", &LdapError::from(alert)).outcome,
            Outcome::TlsError
        );
    }
}
