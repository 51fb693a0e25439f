//! The Wireshark recipe: the recipe to decrypt HTTPS (e.g. CUPS to Exchange) in Wireshark with the server's
//! RSA key. uclint only writes the recipe: it never reads, stores or prints a key.

use std::net::IpAddr;

use serde::Serialize;

use crate::catalogue::Code;

/// What the recipe is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WiresharkInput {
    /// The server's IP address.
    pub server_ip: IpAddr,
    /// The TLS port (443 for HTTPS).
    pub port: u16,
    /// The protocol to decode the decrypted data as (`http`).
    pub protocol: String,
    /// Where the extracted key file will be (`C:\privateKey.pem`).
    pub key_file: String,
    /// The exported PKCS #12 file's name, without `.pfx`.
    pub pfx_name: String,
    /// The negotiated cipher suite, when known.
    pub cipher_suite: Option<String>,
}

/// The recipe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WiresharkRecipe {
    /// Extracts the private key from the exported `.pfx`.
    pub openssl_command: String,
    /// The entry for Wireshark's RSA keys list: `IP,PORT,PROTOCOL,KEYFILE`.
    pub rsa_keys_entry: String,
    /// Where the RSA keys list is.
    pub menu_path: String,
    /// Every step, in order.
    pub steps: Vec<String>,
    /// TLS001 when the RSA key cannot decrypt the cipher suite.
    pub codes: Vec<Code>,
}

/// The input cannot make a safe recipe.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WiresharkError {
    /// The `.pfx` name would break the command.
    #[error("invalid PFX name `{0}`: expected a plain file name without path separators, quotes or spaces")]
    PfxName(String),
    /// The key file path is unusable.
    #[error("invalid key file `{0}`: expected a path without quotes, commas or line breaks")]
    KeyFile(String),
    /// The protocol name is unusable.
    #[error("invalid protocol `{0}`: expected a Wireshark dissector name such as `http`")]
    Protocol(String),
}

/// Whether a cipher suite negotiates keys with (EC)DHE or is TLS 1.3, so that the server's RSA
/// key cannot decrypt it (beyond the notes).
pub fn has_forward_secrecy(suite: &str) -> bool {
    let upper = suite.to_ascii_uppercase();
    upper.contains("DHE")
        || upper.starts_with("TLS_AES_")
        || upper.starts_with("TLS_CHACHA20_")
        || upper.starts_with("TLS13")
}

/// Write the Wireshark recipe for `input`.
pub fn wireshark_recipe(input: &WiresharkInput) -> Result<WiresharkRecipe, WiresharkError> {
    let pfx = input.pfx_name.strip_suffix(".pfx").unwrap_or(&input.pfx_name);
    if pfx.is_empty() || pfx.contains(['/', '\\', '"', '\'', ' ', '\n', '\r']) {
        return Err(WiresharkError::PfxName(input.pfx_name.clone()));
    }
    let key = input.key_file.trim();
    if key.is_empty() || key.contains(['"', '\'', ',', '\n', '\r']) {
        return Err(WiresharkError::KeyFile(input.key_file.clone()));
    }
    let protocol = input.protocol.trim();
    if protocol.is_empty()
        || !protocol
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    {
        return Err(WiresharkError::Protocol(input.protocol.clone()));
    }
    // openssl writes the file named in the command; Wireshark then reads it from `key`.
    let key_base = key.rsplit(['/', '\\']).next().unwrap_or(key);
    let openssl_command = format!("openssl pkcs12 -in {pfx}.pfx -nocerts -out {key_base} -nodes");
    let rsa_keys_entry = format!("{},{},{protocol},{key}", input.server_ip, input.port);
    let menu_path = "Edit > Preferences > Protocols > SSL (TLS in Wireshark 3.0 and later) > RSA keys list".to_owned();
    let mut codes = Vec::new();
    let mut steps = vec![
        format!(
            "On the server, export its certificate with the private key to `{pfx}.pfx` (IIS: Directory Security > View Certificate > Details > Copy to File > Yes, export the private key), protected by a password."
        ),
        format!(
            "Extract the key: `{openssl_command}` (openssl asks for that password; the key is written unencrypted, so delete it when done)."
        ),
        format!("In Wireshark, {menu_path}, add `{rsa_keys_entry}`."),
    ];
    match input.cipher_suite.as_deref() {
        Some(suite) if has_forward_secrecy(suite) => {
            codes.push(Code::TLS001);
            steps.push(format!("TLS001: `{suite}` uses (EC)DHE key exchange (or TLS 1.3), so the RSA key cannot decrypt it. Capture with a key log instead: set SSLKEYLOGFILE on the client and give that file to Wireshark (Protocols > TLS > (Pre)-Master-Secret log filename)."));
        }
        Some(suite) => steps.push(format!("`{suite}` uses RSA key exchange, so the server's RSA key decrypts it.")),
        None => steps.push("This works only for RSA key exchange; if the session negotiated an (EC)DHE or TLS 1.3 suite, use an SSLKEYLOGFILE key log instead (TLS001).".to_owned()),
    }
    Ok(WiresharkRecipe {
        openssl_command,
        rsa_keys_entry,
        menu_path,
        steps,
        codes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> WiresharkInput {
        WiresharkInput {
            server_ip: "10.88.229.196".parse().unwrap(),
            port: 443,
            protocol: "http".into(),
            key_file: "C:\\privateKey.pem".into(),
            pfx_name: "test".into(),
            cipher_suite: None,
        }
    }

    #[test]
    fn the_recipe_from_the_notes() {
        let r = wireshark_recipe(&input()).unwrap();
        assert_eq!(
            r.openssl_command,
            "openssl pkcs12 -in test.pfx -nocerts -out privateKey.pem -nodes"
        );
        assert_eq!(r.rsa_keys_entry, "10.88.229.196,443,http,C:\\privateKey.pem");
        assert!(r.codes.is_empty());
    }

    #[test]
    fn forward_secrecy_raises_tls001() {
        for suite in [
            "ECDHE-RSA-AES128-GCM-SHA256",
            "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_AES_128_GCM_SHA256",
        ] {
            let r = wireshark_recipe(&WiresharkInput {
                cipher_suite: Some(suite.into()),
                ..input()
            })
            .unwrap();
            assert_eq!(r.codes, [Code::TLS001], "{suite}");
            assert!(r.steps.iter().any(|s| s.contains("SSLKEYLOGFILE")));
        }
        let r = wireshark_recipe(&WiresharkInput {
            cipher_suite: Some("TLS_RSA_WITH_AES_128_CBC_SHA".into()),
            ..input()
        })
        .unwrap();
        assert!(r.codes.is_empty());
    }

    #[test]
    fn unsafe_names_are_refused() {
        assert!(
            wireshark_recipe(&WiresharkInput {
                pfx_name: "../x".into(),
                ..input()
            })
            .is_err()
        );
        assert!(
            wireshark_recipe(&WiresharkInput {
                pfx_name: "a b".into(),
                ..input()
            })
            .is_err()
        );
        assert!(
            wireshark_recipe(&WiresharkInput {
                key_file: "".into(),
                ..input()
            })
            .is_err()
        );
        assert!(
            wireshark_recipe(&WiresharkInput {
                key_file: "a,b".into(),
                ..input()
            })
            .is_err()
        );
        assert!(
            wireshark_recipe(&WiresharkInput {
                protocol: "http;rm".into(),
                ..input()
            })
            .is_err()
        );
    }
}
