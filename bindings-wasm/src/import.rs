//! What people's systems print, as parts of a deployment (`uclint collect --from KIND=FILE`):
//! each importer's client profile or users as a TOML fragment for the page's deployment, with
//! what it holds. A text the importer does not read is thrown with its line.

use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use uclint_core::collect::Collected;
use uclint_core::collect::import::{self, ImportError};
use uclint_core::model::{Client, ClientKind};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::error::{Failure, to_ts};
use crate::fragment;

/// What locations in imported items name: the page has no file name for pasted text.
const ORIGIN: &str = "pasted text";

/// What one import gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Imported {
    /// The items as TOML `[[clients]]` or `[[users]]` tables, to append to a TOML deployment.
    pub toml: String,
    /// The client profile read (ipconfig, resolv, scutil, hosts); none for users.
    pub client: Option<ImportedClient>,
    /// How many users were read (LDIF, BAT).
    pub users: usize,
    /// Directory entries without a user id (OUs, groups), left out (LDIF).
    pub skipped: usize,
}

/// The client profile an import read, for a summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct ImportedClient {
    /// Its id, as given.
    pub id: String,
    /// Its kind, as given.
    #[tsify(
        type = "\"cupc\" | \"ip-phone\" | \"attendant-console\" | \"moc\" | \"jabber-windows\" | \"jabber-mac\" | \"jabber-mobile\" | \"webex-app\" | \"other\""
    )]
    pub kind: &'static str,
    /// The DNS suffix search list, in order.
    pub dns_suffixes: Vec<String>,
    /// The DNS servers, in order.
    pub dns_servers: Vec<String>,
    /// Its addresses.
    pub addresses: Vec<String>,
    /// How many hosts lines.
    pub hosts: usize,
}

impl From<&Client> for ImportedClient {
    fn from(client: &Client) -> Self {
        Self {
            id: client.id.clone(),
            kind: client.kind.as_str(),
            dns_suffixes: client.dns_suffixes.clone(),
            dns_servers: client.dns_servers.iter().map(ToString::to_string).collect(),
            addresses: client.addresses.clone(),
            hosts: client.hosts.len(),
        }
    }
}

impl From<ImportError> for Failure {
    fn from(error: ImportError) -> Self {
        let mut failure = Self::new(crate::error::ErrorCode::Parse, error.to_string());
        failure.import = Some(Box::new(error));
        failure
    }
}

/// `collected` as what the page needs; `source` names it in the fragment's comment.
fn imported(collected: &Collected, skipped: usize, source: &str) -> Result<Ts<Imported>, JsValue> {
    let mut toml = String::new();
    // Writing to a String cannot fail.
    for client in &collected.clients {
        let note =
            format!("from {source}; off site or on a VPN? add on_corporate_network = false (the text cannot say)");
        let _ = fragment::client(&mut toml, client, &note);
    }
    for user in &collected.users {
        let _ = fragment::user(&mut toml, user);
    }
    to_ts(&Imported {
        toml,
        client: collected.clients.first().map(ImportedClient::from),
        users: collected.users.len(),
        skipped,
    })
}

/// The client profile id and kind, or the usage error the CLI gives.
fn profile(client_id: &str, kind: &str) -> Result<(String, ClientKind), Failure> {
    let id = client_id.trim();
    if id.is_empty() {
        return Err(Failure::usage(
            "a client profile id is needed: the name other sections refer to this profile by (e.g. `hq-pc`)",
        ));
    }
    let deserializer = serde::de::value::StrDeserializer::<serde::de::value::Error>::new(kind);
    let kind = ClientKind::deserialize(deserializer).map_err(|_| {
        Failure::usage(format!(
            "`{kind}` is not a client kind: expected cupc, ip-phone, attendant-console, moc, jabber-windows, jabber-mac, jabber-mobile, webex-app or other"
        ))
    })?;
    Ok((id.to_owned(), kind))
}

/// A client-profile importer run on `text`.
type ClientImporter = fn(&str, &str, &str, ClientKind) -> Result<Collected, ImportError>;

fn client_import(
    importer: ClientImporter,
    source: &str,
    text: &str,
    client_id: &str,
    kind: &str,
) -> Result<Ts<Imported>, JsValue> {
    let (id, kind) = profile(client_id, kind)?;
    let collected = importer(text, ORIGIN, &id, kind).map_err(Failure::from)?;
    imported(&collected, 0, source)
}

/// Windows `ipconfig /all` (in English) as the client profile `clientId` of `kind`: its DNS
/// suffix search list, addresses and DNS servers.
#[wasm_bindgen(js_name = importIpconfig)]
pub fn import_ipconfig(
    text: &str,
    #[wasm_bindgen(js_name = clientId)] client_id: &str,
    #[wasm_bindgen(
        unchecked_param_type = "\"cupc\" | \"ip-phone\" | \"attendant-console\" | \"moc\" | \"jabber-windows\" | \"jabber-mac\" | \"jabber-mobile\" | \"webex-app\" | \"other\""
    )]
    kind: &str,
) -> Result<Ts<Imported>, JsValue> {
    client_import(import::ipconfig, "ipconfig /all", text, client_id, kind)
}

/// A Unix `/etc/resolv.conf` as the client profile `clientId` of `kind`.
#[wasm_bindgen(js_name = importResolv)]
pub fn import_resolv(
    text: &str,
    #[wasm_bindgen(js_name = clientId)] client_id: &str,
    #[wasm_bindgen(
        unchecked_param_type = "\"cupc\" | \"ip-phone\" | \"attendant-console\" | \"moc\" | \"jabber-windows\" | \"jabber-mac\" | \"jabber-mobile\" | \"webex-app\" | \"other\""
    )]
    kind: &str,
) -> Result<Ts<Imported>, JsValue> {
    client_import(import::resolv, "resolv.conf", text, client_id, kind)
}

/// macOS `scutil --dns` (its resolver #1) as the client profile `clientId` of `kind`.
#[wasm_bindgen(js_name = importScutil)]
pub fn import_scutil(
    text: &str,
    #[wasm_bindgen(js_name = clientId)] client_id: &str,
    #[wasm_bindgen(
        unchecked_param_type = "\"cupc\" | \"ip-phone\" | \"attendant-console\" | \"moc\" | \"jabber-windows\" | \"jabber-mac\" | \"jabber-mobile\" | \"webex-app\" | \"other\""
    )]
    kind: &str,
) -> Result<Ts<Imported>, JsValue> {
    client_import(import::scutil, "scutil --dns", text, client_id, kind)
}

/// A hosts file (Windows or Unix) as the hosts lines of the client profile `clientId` of `kind`.
#[wasm_bindgen(js_name = importHosts)]
pub fn import_hosts(
    text: &str,
    #[wasm_bindgen(js_name = clientId)] client_id: &str,
    #[wasm_bindgen(
        unchecked_param_type = "\"cupc\" | \"ip-phone\" | \"attendant-console\" | \"moc\" | \"jabber-windows\" | \"jabber-mac\" | \"jabber-mobile\" | \"webex-app\" | \"other\""
    )]
    kind: &str,
) -> Result<Ts<Imported>, JsValue> {
    client_import(import::hosts, "a hosts file", text, client_id, kind)
}

/// An LDIF export of the directory as users; entries without a user id are counted in `skipped`.
#[wasm_bindgen(js_name = importLdif)]
pub fn import_ldif(text: &str) -> Result<Ts<Imported>, JsValue> {
    let read = import::ldif(text, ORIGIN).map_err(Failure::from)?;
    imported(&read.collected, read.skipped, "LDIF")
}

/// A CUCM BAT "Export Users" CSV as users (of the digest credential, only whether it is set).
#[wasm_bindgen(js_name = importBat)]
pub fn import_bat(text: &str) -> Result<Ts<Imported>, JsValue> {
    let collected = import::bat(text, ORIGIN).map_err(Failure::from)?;
    imported(&collected, 0, "a BAT export")
}

/// The bytes of a dropped or opened file as text: UTF-8 (with or without a byte order mark) or
/// UTF-16 with one, as Windows PowerShell writes `ipconfig /all > file`. (Not `decodeText`:
/// wasm-bindgen's glue declares a function of that name in the same module.)
#[wasm_bindgen(js_name = textOfBytes)]
pub fn text_of_bytes(bytes: &[u8]) -> Result<String, JsValue> {
    Ok(import::decode(bytes).map_err(Failure::from)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn kinds_and_ids_are_checked_like_the_cli() {
        assert_eq!(
            profile(" vpn ", "ip-phone"),
            Ok(("vpn".to_owned(), ClientKind::IpPhone))
        );
        let bad = profile("vpn", "phone").unwrap_err();
        assert_eq!(bad.code, ErrorCode::Usage);
        assert!(bad.message.contains("`phone` is not a client kind"), "{}", bad.message);
        assert_eq!(profile("  ", "cupc").unwrap_err().code, ErrorCode::Usage);
    }

    #[test]
    fn the_typescript_kinds_are_the_model_s() {
        let declared = ImportedClient::DECL;
        let kinds: Vec<&str> = declared.split('"').skip(1).step_by(2).collect();
        assert_eq!(kinds.len(), 9, "{declared}");
        for kind in kinds {
            assert_eq!(profile("x", kind).map(|(_, k)| k.as_str()), Ok(kind));
        }
    }
}
