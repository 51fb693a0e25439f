//! TLS004: whether the chain the server sent leads to a trusted root. Checked at a time inside the
//! leaf's validity, so that an expired or not yet valid leaf is TLS003's business alone.

use std::time::Duration;

use rustls::client::verify_server_cert_signed_by_trust_anchor;
use rustls::pki_types::{CertificateDer, UnixTime};
use rustls::server::ParsedCertificate;
use rustls::{CertificateError, RootCertStore};

use super::leaf::Leaf;

/// Why TLS004 is raised for `chain` (the server's certificate first, then what it sent with it),
/// or `None` when it leads to one of `roots` (`trusted` says whose: `this system`). `now` is in seconds since
/// the Unix epoch.
pub fn check(
    chain: &[CertificateDer<'_>],
    leaf: &Leaf,
    roots: &RootCertStore,
    trusted: &str,
    now: i64,
) -> Option<String> {
    let (end_entity, intermediates) = chain.split_first()?;
    let parsed = match ParsedCertificate::try_from(end_entity) {
        Ok(parsed) => parsed,
        Err(e) => {
            return Some(format!(
                "the certificate cannot be checked against the roots of {trusted}: {e}"
            ));
        }
    };
    let inside = now.clamp(leaf.not_before, leaf.not_after).max(0);
    let at = UnixTime::since_unix_epoch(Duration::from_secs(inside.unsigned_abs()));
    let algorithms = rustls::crypto::ring::default_provider()
        .signature_verification_algorithms
        .all;
    let error = verify_server_cert_signed_by_trust_anchor(&parsed, roots, intermediates, at, algorithms).err()?;
    Some(match error {
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) if leaf.self_signed => format!(
            "the certificate is self-signed (`{}`) and not among the roots of {trusted}",
            leaf.subject
        ),
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => match intermediates.len() {
            0 => format!(
                "the certificate's issuer `{}` is unknown: it is not among the roots of {trusted}, and the server sent no issuer certificate with its own",
                leaf.issuer
            ),
            n => format!(
                "the certificate's issuer `{}` is unknown: neither it nor the {n} issuer certificate(s) the server sent lead to a root of {trusted}",
                leaf.issuer
            ),
        },
        other => format!("the chain does not verify against the roots of {trusted}: {other}"),
    })
}
