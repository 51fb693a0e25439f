//! The certificates are what they claim: checked by rustls's verifier over a real handshake.

use uclint_test_servers::{Certs, TlsServer};

use crate::common::tls_connect;

/// The verifier's complaint about `cert`, or "ok".
fn verdict(certs: &Certs, cert: &uclint_test_servers::CertFiles, name: &str) -> String {
    let server = TlsServer::start(cert);
    match tls_connect(server.address, &certs.ca_der, name) {
        Ok(_) => "ok".to_owned(),
        Err(e) => format!("{e:?}"),
    }
}

#[test]
fn each_certificate_fails_verification_its_own_way() {
    let certs = Certs::new();
    assert_eq!(verdict(&certs, &certs.good, "127.0.0.1"), "ok");
    assert_eq!(verdict(&certs, &certs.good, "localhost"), "ok");
    assert_eq!(verdict(&certs, &certs.good, "127.0.0.2"), "ok");
    let wrong = verdict(&certs, &certs.wrong_name, "127.0.0.1");
    assert!(wrong.contains("NotValidForName"), "{wrong}");
    let expired = verdict(&certs, &certs.expired, "127.0.0.1");
    assert!(expired.contains("Expired"), "{expired}");
    let untrusted = verdict(&certs, &certs.untrusted, "127.0.0.1");
    assert!(untrusted.contains("UnknownIssuer"), "{untrusted}");
    let self_signed = verdict(&certs, &certs.self_signed, "127.0.0.1");
    assert!(self_signed.contains("UnknownIssuer"), "{self_signed}");
}

#[test]
fn the_files_are_pem_in_a_folder_of_their_own() {
    let certs = Certs::new();
    for files in [
        &certs.good,
        &certs.wrong_name,
        &certs.expired,
        &certs.untrusted,
        &certs.self_signed,
    ] {
        for path in [&files.cert, &files.key, &files.chain, &files.ca] {
            assert!(path.starts_with(certs.dir()), "{}", path.display());
            let text = std::fs::read_to_string(path).unwrap();
            assert!(text.starts_with("-----BEGIN "), "{}: {text}", path.display());
        }
        assert!(std::fs::read_to_string(&files.key).unwrap().contains("PRIVATE KEY"));
    }
    assert_eq!(certs.good.chain_der.len(), 2, "leaf and CA");
    assert_eq!(certs.good.chain_der[1], certs.ca_der);
    assert_eq!(certs.self_signed.chain_der.len(), 1);
    assert_eq!(
        std::fs::read(&certs.good.ca).unwrap(),
        std::fs::read(&certs.ca).unwrap()
    );
    let dir = certs.dir().to_path_buf();
    drop(certs);
    assert!(!dir.exists(), "removed on drop");
}
