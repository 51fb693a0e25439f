//! A TLS handshake that completes whatever certificate the server shows, so the probe can judge
//! the certificate (names, validity, chain) instead of stopping at the first fault. Signatures
//! are still checked: the server must hold the key of the certificate it shows.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use crate::Context;
use crate::Outcome;
use crate::net::{Fault, connect as tcp, within};

/// A TLS session, and what was negotiated.
pub struct Session {
    /// The encrypted stream.
    pub stream: TlsStream<TcpStream>,
    /// The certificates the server showed, its own first.
    pub chain: Vec<CertificateDer<'static>>,
    /// The cipher suite (`TLS13_AES_256_GCM_SHA384`).
    pub suite: String,
    /// The protocol version (`TLSv1_3`).
    pub version: String,
    /// The key exchange group (`X25519`), when the protocol names one.
    pub group: Option<String>,
}

/// Connect to `address` and complete a TLS handshake, asking for `name` (SNI, unless `name` is
/// an address).
pub async fn connect(cx: &Context, address: SocketAddr, name: &str) -> Result<Session, Fault> {
    let stream = tcp(address, cx.request.timeout).await?;
    handshake(cx, stream, name).await
}

/// Complete a TLS handshake over `stream` (after STARTTLS, or at once).
pub async fn handshake(cx: &Context, stream: TcpStream, name: &str) -> Result<Session, Fault> {
    let server_name = server_name(name)?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| Fault::new(Outcome::TlsError, format!("cannot set up TLS: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(ShowAnyCertificate { provider }))
        .with_no_client_auth();
    let doing = format!("the TLS handshake with {name}");
    let stream = within(cx.request.timeout, &doing, async {
        TlsConnector::from(Arc::new(config))
            .connect(server_name, stream)
            .await
            .map_err(|e| handshake_fault(&doing, &e))
    })
    .await?;
    let connection = stream.get_ref().1;
    let chain = connection
        .peer_certificates()
        .map(|certs| certs.iter().map(|c| c.clone().into_owned()).collect())
        .unwrap_or_default();
    let suite = connection
        .negotiated_cipher_suite()
        .map(|s| format!("{:?}", s.suite()))
        .unwrap_or_default();
    let version = connection
        .protocol_version()
        .map(|v| format!("{v:?}"))
        .unwrap_or_default();
    let group = connection
        .negotiated_key_exchange_group()
        .map(|g| format!("{:?}", g.name()));
    Ok(Session {
        stream,
        chain,
        suite,
        version,
        group,
    })
}

/// A failed handshake as the outcome it means: bytes that are not TLS records (a plain-text
/// service on the port) are a protocol error; a TLS peer refusing the handshake is a TLS error.
fn handshake_fault(doing: &str, error: &std::io::Error) -> Fault {
    if error.kind() != std::io::ErrorKind::InvalidData {
        return Fault::io(doing, error);
    }
    match error.get_ref().and_then(|inner| inner.downcast_ref::<rustls::Error>()) {
        Some(rustls::Error::InvalidMessage(_)) => Fault::new(
            Outcome::ProtocolError,
            format!("{doing} failed: what answers does not speak TLS ({error})"),
        ),
        _ => Fault::new(Outcome::TlsError, format!("{doing} failed: {error}")),
    }
}

fn server_name(name: &str) -> Result<ServerName<'static>, Fault> {
    if let Ok(address) = name.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
        return Ok(ServerName::IpAddress(address.into()));
    }
    ServerName::try_from(name.trim_end_matches('.').to_owned())
        .map_err(|e| Fault::new(Outcome::Failed, format!("`{name}` cannot be asked for over TLS: {e}")))
}

/// Accepts every certificate chain (the probe judges it afterwards) but checks that the server
/// signs the handshake with the key of the certificate it shows.
#[derive(Debug)]
struct ShowAnyCertificate {
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for ShowAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider.signature_verification_algorithms.supported_schemes()
    }
}
