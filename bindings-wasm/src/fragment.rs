//! Imported client profiles and users as TOML a person would write in the deployment file.
//!
//! Written by hand rather than by a serializer: the workspace carries no TOML writer for the
//! browser (parsing only keeps the page's wasm small), and these two shapes need few lines.
//! Tests in `tests/api.rs` load every fragment back through core's loader.

use std::fmt::{Result, Write};

use uclint_core::model::{Client, User};

/// `text` as a TOML basic string, quoted: `"`, `\` and control characters escaped.
pub fn string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\t' => quoted.push_str("\\t"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            // TOML allows no other C0 control character, nor DEL, in a basic string.
            c if c < ' ' || c == '\u{7f}' => quoted.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// `items` as a one-line TOML array of strings.
fn array<T: ToString>(items: &[T]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| string(&item.to_string())).collect();
    format!("[{}]", quoted.join(", "))
}

/// One `[[clients]]` table. `note` is a comment for the reader (where it came from, what the
/// text could not say).
pub fn client(out: &mut impl Write, client: &Client, note: &str) -> Result {
    writeln!(out, "[[clients]]")?;
    writeln!(out, "# {note}")?;
    writeln!(out, "id = {}", string(&client.id))?;
    writeln!(out, "kind = {}", string(client.kind.as_str()))?;
    // Written even when empty: "no suffix" is what the machine said, and rules read it.
    writeln!(out, "dns_suffixes = {}", array(&client.dns_suffixes))?;
    if !client.dns_servers.is_empty() {
        writeln!(out, "dns_servers = {}", array(&client.dns_servers))?;
    }
    if !client.addresses.is_empty() {
        writeln!(out, "addresses = {}", array(&client.addresses))?;
    }
    if !client.on_corporate_network {
        writeln!(out, "on_corporate_network = false")?;
    }
    if !client.hosts.is_empty() {
        writeln!(out, "hosts = [")?;
        for line in &client.hosts {
            let address = line.address.to_string();
            writeln!(
                out,
                "  {{ name = {}, address = {} }},",
                string(&line.name),
                string(&address)
            )?;
        }
        writeln!(out, "]")?;
    }
    writeln!(out)
}

/// One `[[users]]` table, with only what the source said.
pub fn user(out: &mut impl Write, user: &User) -> Result {
    writeln!(out, "[[users]]")?;
    writeln!(out, "cucm_id = {}", string(&user.cucm_id))?;
    let fields = [
        ("ldap_id", user.ldap_id.as_deref()),
        ("first_name", user.first_name.as_deref()),
        ("last_name", user.last_name.as_deref()),
        ("telephone_number", user.telephone_number.as_deref()),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            writeln!(out, "{key} = {}", string(value))?;
        }
    }
    // Only whether a digest is set ever reaches the model; false is the default.
    if user.digest_credential {
        writeln!(out, "digest_credential = true")?;
    }
    writeln!(out)
}
