//! Certificates made by the test with rcgen: a test CA and leaves that are right, wrongly named,
//! expired, or from an issuer nobody trusts. ECDSA P-256 keys (rcgen's default), which rustls,
//! OpenSSL (Dovecot, Apache, Kamailio) and GnuTLS (Debian's slapd) all accept.

use std::path::{Path, PathBuf};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair, KeyUsagePurpose,
    date_time_ymd,
};
use tempfile::TempDir;

use crate::fail::OrPanic;

/// The names a right certificate is for: every loopback address the servers listen on.
const LOOPBACK_NAMES: &[&str] = &["localhost", "127.0.0.1", "127.0.0.2", "::1"];

/// One certificate with its key, as PEM files and as DER.
#[derive(Clone, Debug)]
pub struct CertFiles {
    /// The certificate alone (PEM).
    pub cert: PathBuf,
    /// Its private key (PKCS#8 PEM).
    pub key: PathBuf,
    /// The certificate then its issuer's (PEM): what a server presents.
    pub chain: PathBuf,
    /// The issuer's certificate (PEM); the certificate itself when self-signed.
    pub ca: PathBuf,
    /// The chain as DER, the certificate first.
    pub chain_der: Vec<Vec<u8>>,
    /// The private key as PKCS#8 DER.
    pub key_der: Vec<u8>,
}

/// A test CA and certificates for every TLS failure a probe must tell apart; files deleted on drop.
pub struct Certs {
    /// The test CA's certificate (PEM): the one root a client should trust.
    pub ca: PathBuf,
    /// The test CA's certificate as DER.
    pub ca_der: Vec<u8>,
    /// For localhost, 127.0.0.1, 127.0.0.2 and ::1, signed by the test CA: verifies.
    pub good: CertFiles,
    /// Only for `wrong.example`, signed by the test CA: a name mismatch.
    pub wrong_name: CertFiles,
    /// The right names, signed by the test CA, valid only in 2020: expired.
    pub expired: CertFiles,
    /// The right names, signed by another CA the client does not trust: unknown issuer.
    pub untrusted: CertFiles,
    /// The right names, signed by its own key: self-signed.
    pub self_signed: CertFiles,
    /// The test CA, to issue more certificates (`issue`).
    issuer: Issuer<'static, KeyPair>,
    ca_pem: String,
    dir: TempDir,
}

impl Certs {
    /// Make every certificate and write it under a new temporary folder.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().or_panic("certs: create a temporary folder");
        let (ca_params, ca_key) = ca("uclint test CA");
        let ca_cert = ca_params.self_signed(&ca_key).or_panic("certs: sign the test CA");
        let ca_pem = ca_cert.pem();
        let ca_path = write(dir.path(), "ca.pem", &ca_pem);
        let ca_issuer: Issuer<'static, KeyPair> = Issuer::new(ca_params, ca_key);
        let (other_params, other_key) = ca("uclint untrusted CA");
        let other_pem = other_params
            .self_signed(&other_key)
            .or_panic("certs: sign the other CA")
            .pem();
        let other_issuer = Issuer::new(other_params, other_key);

        let signed = |name: &str, params: CertificateParams, issuer: &Issuer<'_, KeyPair>, issuer_pem: &str| {
            let key = KeyPair::generate().or_panic("certs: generate a key");
            let cert = params
                .signed_by(&key, issuer)
                .or_panic(format_args!("certs: sign {name}"));
            files(dir.path(), name, &cert.pem(), &key, issuer_pem)
        };
        let good = signed("good", leaf("localhost", LOOPBACK_NAMES), &ca_issuer, &ca_pem);
        let wrong_name = signed(
            "wrong-name",
            leaf("wrong.example", &["wrong.example"]),
            &ca_issuer,
            &ca_pem,
        );
        let mut old = leaf("localhost", LOOPBACK_NAMES);
        old.not_before = date_time_ymd(2020, 1, 1);
        old.not_after = date_time_ymd(2021, 1, 1);
        let expired = signed("expired", old, &ca_issuer, &ca_pem);
        let untrusted = signed(
            "untrusted",
            leaf("localhost", LOOPBACK_NAMES),
            &other_issuer,
            &other_pem,
        );
        let own_key = KeyPair::generate().or_panic("certs: generate a key");
        let own = leaf("localhost", LOOPBACK_NAMES)
            .self_signed(&own_key)
            .or_panic("certs: self-sign");
        let self_signed = files(dir.path(), "self-signed", &own.pem(), &own_key, &own.pem());

        Self {
            ca: ca_path,
            ca_der: ca_cert.der().to_vec(),
            good,
            wrong_name,
            expired,
            untrusted,
            self_signed,
            issuer: ca_issuer,
            ca_pem,
            dir,
        }
    }

    /// A certificate for `names` (DNS names or addresses), signed by the test CA, written as
    /// `file_name`.pem and its key: for servers named as a deployment names them.
    pub fn issue(&self, file_name: &str, names: &[&str]) -> CertFiles {
        let key = KeyPair::generate().or_panic("certs: generate a key");
        let common = names.first().copied().unwrap_or("localhost");
        let cert = leaf(common, names)
            .signed_by(&key, &self.issuer)
            .or_panic(format_args!("certs: sign {file_name}"));
        files(self.dir.path(), file_name, &cert.pem(), &key, &self.ca_pem)
    }

    /// The folder holding every file.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Default for Certs {
    fn default() -> Self {
        Self::new()
    }
}

/// Parameters and key of a CA named `name`.
fn ca(name: &str) -> (CertificateParams, KeyPair) {
    let mut params = CertificateParams::default();
    params.distinguished_name.push(DnType::CommonName, name);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    (params, KeyPair::generate().or_panic("certs: generate a CA key"))
}

/// Parameters of a server certificate for `names`.
fn leaf(common_name: &str, names: &[&str]) -> CertificateParams {
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    let mut params = CertificateParams::new(names).or_panic("certs: subject names");
    params.distinguished_name.push(DnType::CommonName, common_name);
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    params.use_authority_key_identifier_extension = true;
    params
}

/// Write `NAME.pem`, `NAME.key`, `NAME-chain.pem` and `NAME-ca.pem`.
fn files(dir: &Path, name: &str, cert_pem: &str, key: &KeyPair, issuer_pem: &str) -> CertFiles {
    let self_signed = cert_pem == issuer_pem;
    let chain_pem = if self_signed {
        cert_pem.to_owned()
    } else {
        format!("{cert_pem}{issuer_pem}")
    };
    let chain_der = pem_blocks(&chain_pem);
    CertFiles {
        cert: write(dir, &format!("{name}.pem"), cert_pem),
        key: write(dir, &format!("{name}.key"), &key.serialize_pem()),
        chain: write(dir, &format!("{name}-chain.pem"), &chain_pem),
        ca: write(dir, &format!("{name}-ca.pem"), issuer_pem),
        chain_der,
        key_der: key.serialize_der(),
    }
}

/// The DER of each certificate in `pem`.
fn pem_blocks(pem: &str) -> Vec<Vec<u8>> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    CertificateDer::pem_slice_iter(pem.as_bytes())
        .map(|der| der.or_panic("certs: read back a PEM certificate").to_vec())
        .collect()
}

/// Write `text` to `dir/name`.
fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).or_panic(format_args!("certs: write {}", path.display()));
    path
}
