//! macOS `scutil --dns`: the default resolver's search list and name servers.
//!
//! Only resolver #1 of the "DNS configuration" section is read: it is the one macOS asks for
//! any name no other resolver claims. Ignored, on purpose: the other resolvers of that section
//! (per-domain ones: `local` for mDNS, reverse zones, split-DNS domains a VPN adds), whose
//! `domain` is a match rule rather than a suffix to append, and the whole "DNS configuration
//! (for scoped queries)" section, which only applications bound to one interface use.

use super::ImportError;
use super::text::{address, end_line, ensure_text, lines, profile, push_suffix};
use crate::collect::{Collected, SourceKind};
use crate::model::ClientKind;

const HEADER: &str = "DNS configuration";
const RESOLVER: &str = "resolver #1";
const TRUNCATED: &str = "is the output truncated?";

/// Read `scutil --dns` `text` (read from `origin`) into the client profile `client_id` of
/// `kind`: resolver #1's `search domain[N]` (else its `domain`) and `nameserver[N]`, in index
/// order. A client's own domain is not the deployment's: it is not
/// taken as `domain`.
pub fn scutil(text: &str, origin: &str, client_id: &str, kind: ClientKind) -> Result<Collected, ImportError> {
    ensure_text(text, &format!("\"{HEADER}\""))?;
    let mut numbered = lines(text).filter(|(_, line)| !line.trim().is_empty());
    match numbered.next() {
        Some((_, line)) if line.trim() == HEADER => {}
        Some((number, line)) => return Err(ImportError::at(number, line, format!("\"{HEADER}\""))),
        None => return Err(ImportError::end(end_line(text), format!("\"{HEADER}\""))),
    }
    match numbered.next() {
        Some((_, line)) if line.trim() == RESOLVER => {}
        Some((number, line)) => return Err(ImportError::at(number, line, format!("\"{RESOLVER}\""))),
        None => return Err(ImportError::end(end_line(text), format!("\"{RESOLVER}\"")).hint(TRUNCATED)),
    }

    let mut search = Vec::new();
    let mut servers = Vec::new();
    let mut domain = None;
    let mut fields = 0;
    for (number, line) in numbered {
        let trimmed = line.trim();
        if trimmed.starts_with("resolver #") || trimmed.starts_with(HEADER) {
            break;
        }
        // `key : value`; a value may be empty, and IPv6 values hold colons but never " :".
        let Some((key, value)) = trimmed.split_once(" :") else {
            return Err(ImportError::at(
                number,
                line,
                "a field such as \"  nameserver[0] : 10.1.1.53\"",
            ));
        };
        let (key, value) = (key.trim(), value.trim());
        fields += 1;
        if let Some(index) = indexed(key, "search domain") {
            search.push((index, number, value));
        } else if let Some(index) = indexed(key, "nameserver") {
            let ip = address(value).ok_or_else(|| ImportError::at(number, line, "\"  nameserver[N] : ADDRESS\""))?;
            servers.push((index, ip));
        } else if key == "domain" {
            domain = Some(value.trim_end_matches('.').to_owned());
        }
    }
    if fields == 0 {
        return Err(ImportError::end(end_line(text), "the fields of resolver #1").hint(TRUNCATED));
    }

    let mut client = profile(client_id, kind);
    search.sort_by_key(|&(index, number, _)| (index, number));
    search
        .iter()
        .for_each(|&(_, _, name)| push_suffix(&mut client.dns_suffixes, name));
    if client.dns_suffixes.is_empty() {
        // Without a search list the resolver completes names with its domain.
        domain.iter().for_each(|d| push_suffix(&mut client.dns_suffixes, d));
    }
    servers.sort_by_key(|&(index, _)| index);
    for (_, ip) in servers {
        if !client.dns_servers.contains(&ip) {
            client.dns_servers.push(ip);
        }
    }
    let mut collected = Collected::from(SourceKind::Scutil, origin);
    collected.clients.push(client);
    Ok(collected)
}

/// `N` of a key written `name[N]`.
fn indexed(key: &str, name: &str) -> Option<usize> {
    key.strip_prefix(name)?
        .strip_prefix('[')?
        .strip_suffix(']')?
        .parse()
        .ok()
}
