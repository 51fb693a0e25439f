//! The Wireshark recipe and the IMAP test: the Wireshark HTTPS decryption recipe and the IMAP voicemail test session
//! (`uclint derive wireshark`, `uclint derive imap-test`).

use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use uclint_core::derive::imap::{self as core_imap, MailStore, UnknownMailStore, read_capability};
use uclint_core::derive::wireshark::{self as core_wireshark, wireshark_recipe};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::error::{Failure, to_ts};

/// What the Wireshark recipe needs (the CLI's `derive wireshark` options, all given).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(deny_unknown_fields)]
pub struct WiresharkInput {
    /// The server's IP address (e.g. the Exchange server CUPS talks HTTPS to).
    pub server_ip: String,
    /// The TLS port (443).
    pub port: u16,
    /// The protocol Wireshark should decode the decrypted data as (`http`).
    pub protocol: String,
    /// Where the extracted private key file will be (`C:\privateKey.pem`).
    pub key_file: String,
    /// The exported certificate's name, without `.pfx`.
    pub pfx_name: String,
    /// The negotiated cipher suite, when known (forward secrecy needs a key log: TLS001).
    #[serde(default)]
    #[tsify(optional)]
    pub cipher_suite: Option<String>,
}

/// The Wireshark recipe answer, as `uclint derive wireshark --format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct WiresharkRecipe {
    /// The openssl command that extracts the private key from the PFX.
    pub openssl_command: String,
    /// The entry for Wireshark's RSA keys list (`IP,PORT,PROTOCOL,KEYFILE`).
    pub rsa_keys_entry: String,
    /// Where that list is in Wireshark's menus.
    pub menu_path: String,
    /// The whole recipe, step by step.
    pub steps: Vec<String>,
    /// TLS001 when the RSA key cannot decrypt the session.
    pub codes: Vec<String>,
}

/// The IMAP test answer, as `uclint derive imap-test --format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct ImapTest {
    /// The IMAP server.
    pub server: String,
    /// The mail store, as named (`Exchange 2007`, `Unity Connection`).
    pub store: String,
    /// The port to test (143 plain, 993 SSL).
    pub port: u16,
    /// Whether the port speaks TLS from the start.
    pub tls: bool,
    /// How to connect (`telnet` or `openssl s_client`).
    pub connect_command: String,
    /// The lines to type.
    pub session: Vec<String>,
    /// How to read the answers.
    pub reading: Vec<String>,
    /// Rule codes the test is about.
    pub codes: Vec<String>,
}

impl From<&core_wireshark::WiresharkRecipe> for WiresharkRecipe {
    fn from(recipe: &core_wireshark::WiresharkRecipe) -> Self {
        let core_wireshark::WiresharkRecipe {
            openssl_command,
            rsa_keys_entry,
            menu_path,
            steps,
            codes,
        } = recipe;
        Self {
            openssl_command: openssl_command.clone(),
            rsa_keys_entry: rsa_keys_entry.clone(),
            menu_path: menu_path.clone(),
            steps: steps.clone(),
            codes: codes.iter().map(ToString::to_string).collect(),
        }
    }
}

impl From<&core_imap::ImapTest> for ImapTest {
    fn from(test: &core_imap::ImapTest) -> Self {
        let core_imap::ImapTest {
            server,
            store,
            port,
            tls,
            connect_command,
            session,
            reading,
            codes,
        } = test;
        Self {
            server: server.clone(),
            store: store.clone(),
            port: *port,
            tls: *tls,
            connect_command: connect_command.clone(),
            session: session.clone(),
            reading: reading.clone(),
            codes: codes.iter().map(ToString::to_string).collect(),
        }
    }
}

impl WiresharkInput {
    /// Core's input, with the CLI's message for an address that does not parse.
    fn to_core(&self) -> Result<core_wireshark::WiresharkInput, Failure> {
        let server_ip: IpAddr = self.server_ip.trim().parse().map_err(|e| {
            Failure::usage(format!(
                "invalid server IP `{}`: {e} (expected an IPv4 or IPv6 address)",
                self.server_ip
            ))
        })?;
        Ok(core_wireshark::WiresharkInput {
            server_ip,
            port: self.port,
            protocol: self.protocol.clone(),
            key_file: self.key_file.clone(),
            pfx_name: self.pfx_name.clone(),
            cipher_suite: self.cipher_suite.clone().filter(|s| !s.trim().is_empty()),
        })
    }
}

/// The Wireshark recipe: how to decrypt HTTPS to a server in Wireshark with its RSA key (never reading the key).
#[wasm_bindgen]
pub fn wireshark(input: Ts<WiresharkInput>) -> Result<Ts<WiresharkRecipe>, JsValue> {
    let input = input
        .to_rust()
        .map_err(|e| Failure::usage(format!("invalid Wireshark input: {e}")))?;
    let recipe = wireshark_recipe(&input.to_core()?).map_err(|e| Failure::usage(e.to_string()))?;
    to_ts(&WiresharkRecipe::from(&recipe))
}

/// The IMAP test: the IMAP session to type to test voicemail login by hand. `store` is `2003`, `2007`,
/// `exchange-2010`... or `unity-connection`.
#[wasm_bindgen(js_name = imapTest)]
pub fn imap_test(server: &str, store: &str, user: &str) -> Result<Ts<ImapTest>, JsValue> {
    let store: MailStore = store
        .parse()
        .map_err(|e: UnknownMailStore| Failure::usage(e.to_string()))?;
    to_ts(&ImapTest::from(&core_imap::imap_test(server, store, user)))
}

/// VM006: the rule code a captured IMAP CAPABILITY line on `port` raises (`LOGINDISABLED` on a
/// plain-text port), or `undefined`.
#[wasm_bindgen(js_name = imapCapability)]
pub fn imap_capability(line: &str, port: u16) -> Option<String> {
    read_capability(line, port).map(|code| code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_core_does() {
        for store in ["2003", "2007", "unity-connection"] {
            let core = core_imap::imap_test("exch-1", store.parse().unwrap(), "jdoe");
            assert_eq!(
                serde_json::to_value(ImapTest::from(&core)).unwrap(),
                serde_json::to_value(&core).unwrap()
            );
        }
        let input = WiresharkInput {
            server_ip: "10.88.229.196".to_owned(),
            port: 443,
            protocol: "http".to_owned(),
            key_file: "C:\\privateKey.pem".to_owned(),
            pfx_name: "test".to_owned(),
            cipher_suite: Some("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256".to_owned()),
        };
        let core = wireshark_recipe(&input.to_core().unwrap()).unwrap();
        assert_eq!(core.codes.len(), 1);
        assert_eq!(
            serde_json::to_value(WiresharkRecipe::from(&core)).unwrap(),
            serde_json::to_value(&core).unwrap()
        );
    }

    #[test]
    fn bad_addresses_are_usage_errors() {
        let input = WiresharkInput {
            server_ip: "exch-1".to_owned(),
            port: 443,
            protocol: "http".to_owned(),
            key_file: "k.pem".to_owned(),
            pfx_name: "test".to_owned(),
            cipher_suite: None,
        };
        let failure = input.to_core().unwrap_err();
        assert_eq!(failure.code, crate::error::ErrorCode::Usage);
        assert!(
            failure.message.starts_with("invalid server IP `exch-1`"),
            "{}",
            failure.message
        );
    }
}
