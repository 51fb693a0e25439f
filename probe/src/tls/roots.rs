//! The certificates a probe trusts: a CA bundle the user gives, or the system's roots.

use std::path::Path;

use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use crate::RequestError;

/// The roots from the PEM bundle at `ca`, or the system's when none is given.
pub fn roots(ca: Option<&Path>) -> Result<RootCertStore, RequestError> {
    let mut store = RootCertStore::empty();
    match ca {
        Some(path) => {
            let fail = |why: String| RequestError::Ca {
                path: path.to_owned(),
                why,
            };
            let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
                .map_err(|e| fail(e.to_string()))?
                .collect::<Result<_, _>>()
                .map_err(|e| fail(e.to_string()))?;
            let (added, _) = store.add_parsable_certificates(certs);
            if added == 0 {
                return Err(fail("it holds no certificate".to_owned()));
            }
        }
        None => {
            // A system without roots trusts nothing: every chain is then reported untrusted.
            let found = rustls_native_certs::load_native_certs();
            store.add_parsable_certificates(found.certs);
        }
    }
    Ok(store)
}
