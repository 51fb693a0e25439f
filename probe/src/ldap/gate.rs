//! Whether the directory may be sent a password over TLS: the certificate it shows must lead to
//! a trusted root and name the server, as any verifying client requires. The handshake completes
//! either way (so the probe can say what it saw); the verdict only decides whether a bind is
//! tried. No certificate code is raised here: judging certificates is the TLS probe's business.

use std::sync::{Arc, Mutex};

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};

/// What the handshake showed: the name the certificate was found to carry, or why the password
/// is not sent.
pub type Verdict = Result<String, String>;

/// Where the verifier leaves its verdict once the server has shown its certificate.
#[derive(Debug, Clone, Default)]
pub struct VerdictSlot(Arc<Mutex<Option<Verdict>>>);

impl VerdictSlot {
    /// The verdict, once a certificate was shown.
    pub fn take(&self) -> Option<Verdict> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }

    fn put(&self, verdict: Verdict) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(verdict);
        }
    }
}

/// A TLS configuration whose verifier records whether the certificate is trusted and names one
/// of `names`, judged against `roots` (`trusted` says whose they are, in words).
pub fn config(
    roots: Arc<RootCertStore>,
    trusted: &str,
    names: &[String],
) -> Result<(Arc<ClientConfig>, VerdictSlot), String> {
    let (gate, slot) = gate(roots, trusted, names);
    let config = ClientConfig::builder_with_provider(Arc::clone(&gate.provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("cannot set up TLS: {e}"))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(gate))
        .with_no_client_auth();
    Ok((Arc::new(config), slot))
}

fn gate(roots: Arc<RootCertStore>, trusted: &str, names: &[String]) -> (Gate, VerdictSlot) {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    // No root at all (a system without a CA store) is a verdict on every certificate, not a
    // setup failure: the handshake still shows what the server has.
    let webpki = WebPkiServerVerifier::builder_with_provider(roots, Arc::clone(&provider))
        .build()
        .map_err(|e| format!("there is no root certificate to trust it by ({e})"));
    let slot = VerdictSlot::default();
    let gate = Gate {
        webpki,
        names: names.iter().filter_map(|n| server_name(n)).collect(),
        trusted: trusted.to_owned(),
        provider,
        slot: slot.clone(),
    };
    (gate, slot)
}

/// `name` as TLS asks for it: an address, or a DNS name without its final dot.
pub fn server_name(name: &str) -> Option<ServerName<'static>> {
    let bare = name.trim_start_matches('[').trim_end_matches(']');
    if let Ok(address) = bare.parse::<std::net::IpAddr>() {
        return Some(ServerName::IpAddress(address.into()));
    }
    ServerName::try_from(name.trim_end_matches('.').to_owned()).ok()
}

#[derive(Debug)]
struct Gate {
    webpki: Result<Arc<WebPkiServerVerifier>, String>,
    names: Vec<ServerName<'static>>,
    trusted: String,
    provider: Arc<CryptoProvider>,
    slot: VerdictSlot,
}

impl Gate {
    fn judge(&self, end_entity: &CertificateDer<'_>, intermediates: &[CertificateDer<'_>], now: UnixTime) -> Verdict {
        let webpki = self.webpki.as_ref().map_err(Clone::clone)?;
        let mut presented = Vec::new();
        for name in &self.names {
            match webpki.verify_server_cert(end_entity, intermediates, name, &[], now) {
                Ok(_) => return Ok(name.to_str().into_owned()),
                Err(rustls::Error::InvalidCertificate(CertificateError::NotValidForNameContext {
                    presented: names,
                    ..
                })) => presented = names,
                Err(rustls::Error::InvalidCertificate(CertificateError::NotValidForName)) => {}
                Err(other) => return Err(self.words(&other)),
            }
        }
        let asked: Vec<String> = self.names.iter().map(|n| format!("`{}`", n.to_str())).collect();
        let carries = if presented.is_empty() {
            String::new()
        } else {
            format!(" (it carries {})", presented.join(", "))
        };
        Err(format!("it names none of {}{carries}", asked.join(", ")))
    }

    fn words(&self, error: &rustls::Error) -> String {
        match error {
            rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
                format!("its issuer is not among the roots of {}", self.trusted)
            }
            rustls::Error::InvalidCertificate(CertificateError::Expired | CertificateError::ExpiredContext { .. }) => {
                "it has expired".to_owned()
            }
            rustls::Error::InvalidCertificate(
                CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. },
            ) => "it is not valid yet".to_owned(),
            other => format!("it does not verify against the roots of {}: {other}", self.trusted),
        }
    }
}

impl ServerCertVerifier for Gate {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.slot.put(self.judge(end_entity, intermediates, now));
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

#[cfg(test)]
mod tests {
    use rustls::pki_types::pem::PemObject;
    use uclint_test_servers::Certs;

    use super::*;

    fn roots(certs: &Certs) -> Arc<RootCertStore> {
        let mut store = RootCertStore::empty();
        store.add(CertificateDer::from(certs.ca_der.clone())).unwrap();
        Arc::new(store)
    }

    fn verdict(certs: &Certs, files: &uclint_test_servers::CertFiles, names: &[&str]) -> Verdict {
        let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        let (gate, slot) = gate(roots(certs), "the test CA", &names);
        let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&files.chain)
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let (leaf, rest) = chain.split_first().unwrap();
        let asked = server_name("anything.example").unwrap();
        let shown = gate.verify_server_cert(leaf, rest, &asked, &[], UnixTime::now());
        assert!(shown.is_ok(), "the handshake always completes");
        slot.take().unwrap()
    }

    #[test]
    fn a_trusted_certificate_naming_one_of_the_names_passes() {
        let certs = Certs::new();
        assert_eq!(
            verdict(&certs, &certs.good, &["dc", "localhost"]),
            Ok("localhost".to_owned())
        );
        assert_eq!(verdict(&certs, &certs.good, &["127.0.0.1"]), Ok("127.0.0.1".to_owned()));
    }

    #[test]
    fn untrusted_or_misnamed_certificates_say_why() {
        let certs = Certs::new();
        let untrusted = verdict(&certs, &certs.untrusted, &["localhost"]).unwrap_err();
        assert!(
            untrusted.contains("issuer is not among the roots of the test CA"),
            "{untrusted}"
        );
        let wrong = verdict(&certs, &certs.wrong_name, &["dc", "localhost"]).unwrap_err();
        assert!(
            wrong.contains("names none of `dc`, `localhost`") && wrong.contains("wrong.example"),
            "{wrong}"
        );
        let expired = verdict(&certs, &certs.expired, &["localhost"]).unwrap_err();
        assert_eq!(expired, "it has expired");
        assert!(config(Arc::new(RootCertStore::empty()), "this system", &[]).is_ok());
        let (gate, slot) = gate(
            Arc::new(RootCertStore::empty()),
            "this system",
            &["localhost".to_owned()],
        );
        let leaf = CertificateDer::from(certs.good.chain_der[0].clone());
        let asked = server_name("localhost").unwrap();
        assert!(
            gate.verify_server_cert(&leaf, &[], &asked, &[], UnixTime::now())
                .is_ok()
        );
        let why = slot.take().unwrap().unwrap_err();
        assert!(why.contains("no root certificate"), "{why}");
    }
}
