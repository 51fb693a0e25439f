//! Checks an AXL SOAP document against the excerpt of Cisco's published AXL 10.5 schema beside
//! this file (`schema/AXLSoap-excerpt.xsd`, inside `schema/soap-envelope.xsd`), with libxml2's
//! validator (`xmllint --schema`, Debian package libxml2-utils).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use tempfile::TempDir;

use crate::binary::require_binary;
use crate::fail::OrPanic;

/// The excerpt of Cisco's AXL 10.5 schema.
const AXL_EXCERPT: &str = include_str!("schema/AXLSoap-excerpt.xsd");
/// The SOAP 1.1 envelope around it.
const ENVELOPE: &str = include_str!("schema/soap-envelope.xsd");
/// Where Debian's libxml2-utils puts the validator.
const XMLLINT: &str = "/usr/bin/xmllint";

/// The schema files on disk and the validator; files deleted on drop.
pub struct Schema {
    xmllint: PathBuf,
    envelope: PathBuf,
    _dir: TempDir,
}

impl Schema {
    /// Write the schema files to a temporary folder; panics when xmllint is missing.
    pub fn new() -> Self {
        let xmllint = require_binary(XMLLINT, "libxml2-utils");
        let dir = tempfile::tempdir().or_panic("AXL schema: create a temporary folder");
        std::fs::write(dir.path().join("AXLSoap-excerpt.xsd"), AXL_EXCERPT).or_panic("AXL schema: write the excerpt");
        let envelope = dir.path().join("soap-envelope.xsd");
        std::fs::write(&envelope, ENVELOPE).or_panic("AXL schema: write the envelope schema");
        Self {
            xmllint,
            envelope,
            _dir: dir,
        }
    }

    /// Whether `document` is a SOAP envelope whose body the schema allows; why not otherwise.
    pub fn check(&self, document: &str) -> Result<(), String> {
        let mut child = Command::new(&self.xmllint)
            .arg("--noout")
            .arg("--nonet")
            .arg("--schema")
            .arg(&self.envelope)
            .arg("-")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", self.xmllint.display()))?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(document.as_bytes())
                .map_err(|e| format!("cannot feed xmllint: {e}"))?;
        }
        let output = child
            .wait_with_output()
            .map_err(|e| format!("xmllint did not finish: {e}"))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" \
                        xmlns:ns=\"http://www.cisco.com/AXL/API/10.5\"><soapenv:Body>";
    const TAIL: &str = "</soapenv:Body></soapenv:Envelope>";

    #[test]
    fn the_schema_takes_axl_and_refuses_what_is_not() {
        let schema = Schema::new();
        let good = format!(
            "{HEAD}<ns:listUser><searchCriteria><userid>%</userid></searchCriteria><returnedTags><userid/>\
             </returnedTags><skip>0</skip><first>5</first></ns:listUser>{TAIL}"
        );
        assert_eq!(schema.check(&good), Ok(()));
        // `first` before `skip`: the schema's sequence says otherwise.
        let order = good.replace("<skip>0</skip><first>5</first>", "<first>5</first><skip>0</skip>");
        assert!(schema.check(&order).unwrap_err().contains("skip"), "{order}");
        let unknown = format!("{HEAD}<ns:listPhones/>{TAIL}");
        assert!(schema.check(&unknown).is_err());
        let role = format!(
            "{HEAD}<ns:listProcessNodeResponse><return><processNode uuid=\"not-a-uuid\"><name>a</name>\
             </processNode></return></ns:listProcessNodeResponse>{TAIL}"
        );
        assert!(schema.check(&role).unwrap_err().contains("uuid"));
        assert!(schema.check("not xml").is_err());
    }
}
