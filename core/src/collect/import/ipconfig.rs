//! Windows `ipconfig /all` (English): the DNS suffix search list, the addresses and the DNS
//! servers of the connected adapters.
//!
//! The text is a header (`Windows IP Configuration`) with global fields, then one block per
//! adapter (`Ethernet adapter Ethernet0:`), each field `   Name . . . . : value` with list values
//! continued on deeper-indented lines. Fields are matched by their English names, so another
//! language is refused at its first field rather than read as an empty profile.

use std::net::IpAddr;

use super::ImportError;
use super::text::{address, end_line, ensure_text, lines, profile, push_suffix};
use crate::collect::{Collected, SourceKind};
use crate::model::ClientKind;

const HEADER: &str = "Windows IP Configuration";
const ENGLISH: &str = "is this `ipconfig /all` in English?";
const TRUNCATED: &str = "is the output truncated?";
const HOST_NAME: &str = "\"   Host Name . . . . : NAME\"";
const FIELD: &str = "a field such as \"   DNS Servers . . . . : ADDRESS\"";

/// Read `ipconfig /all` `text` (read from `origin`) into the client profile `client_id` of
/// `kind`: the search list Windows uses, the connected adapters' addresses and DNS servers.
///
/// The suffixes are the `DNS Suffix Search List` when shown (Windows shows the list it searches,
/// configured or built); else the primary DNS suffix, then each connected adapter's own suffix
/// and suffix search list. A machine's primary suffix is not the deployment's domain
/// (a partner's or a home laptop's would change it): it is not taken as `domain`. Link-local and
/// automatic private (169.254/16) addresses are left out: they never reach a SIP proxy's ACL.
pub fn ipconfig(text: &str, origin: &str, client_id: &str, kind: ClientKind) -> Result<Collected, ImportError> {
    let sections = sections(text)?;
    let mut client = profile(client_id, kind);
    let mut primary = String::new();
    let mut search_list = Vec::new();
    let mut adapter_suffixes = Vec::new();

    let (global, adapters) = sections
        .split_first()
        .ok_or_else(|| ImportError::end(end_line(text), HEADER))?;
    // `sections` saw to it that every block has a field.
    if let Some(first) = global.fields.first().filter(|first| first.name != "Host Name") {
        return Err(ImportError::at(first.line, first.text, HOST_NAME).hint(ENGLISH));
    }
    for field in &global.fields {
        match field.name {
            "Primary Dns Suffix" => primary = field.values.first().map_or("", |v| v.1).to_owned(),
            "DNS Suffix Search List" => field.values.iter().for_each(|v| push_suffix(&mut search_list, v.1)),
            _ => {}
        }
    }
    if adapters.is_empty() {
        return Err(
            ImportError::end(end_line(text), "an adapter such as \"Ethernet adapter Ethernet0:\"").hint(TRUNCATED),
        );
    }
    for adapter in adapters {
        read_adapter(
            adapter,
            &mut client.addresses,
            &mut client.dns_servers,
            &mut adapter_suffixes,
        )?;
    }

    if search_list.is_empty() {
        push_suffix(&mut client.dns_suffixes, &primary);
        for suffix in &adapter_suffixes {
            push_suffix(&mut client.dns_suffixes, suffix);
        }
    } else {
        client.dns_suffixes = search_list;
    }
    let mut collected = Collected::from(SourceKind::Ipconfig, origin);
    collected.clients.push(client);
    Ok(collected)
}

/// One field: its name (without the dot padding) and values, each with its line.
struct Field<'a> {
    line: usize,
    text: &'a str,
    name: &'a str,
    indent: usize,
    values: Vec<(usize, &'a str)>,
}

/// The global block (no header) or an adapter block.
struct Section<'a> {
    header: Option<(usize, &'a str)>,
    fields: Vec<Field<'a>>,
}

impl Section<'_> {
    /// What must come first in this block.
    fn first_field(&self) -> String {
        match self.header {
            Some((at, _)) => format!("the fields of the adapter on line {at}"),
            None => HOST_NAME.to_owned(),
        }
    }
}

/// Split `text` into the global block and the adapter blocks, refusing lines that are neither a
/// header, a field nor a field's continuation.
fn sections(text: &str) -> Result<Vec<Section<'_>>, ImportError> {
    ensure_text(text, &format!("\"{HEADER}\""))?;
    let mut sections: Vec<Section<'_>> = Vec::new();
    for (number, line) in lines(text) {
        if line.trim().is_empty() {
            continue;
        }
        let Some(section) = sections.last_mut() else {
            if line.trim() != HEADER {
                return Err(ImportError::at(number, line, format!("\"{HEADER}\"")).hint(ENGLISH));
            }
            sections.push(Section {
                header: None,
                fields: Vec::new(),
            });
            continue;
        };
        let indent = line.len() - line.trim_start().len();
        if indent == 0 {
            if !(line.ends_with(':') && line.contains(" adapter ")) {
                return Err(
                    ImportError::at(number, line, "an adapter such as \"Ethernet adapter Ethernet0:\"").hint(ENGLISH),
                );
            }
            if section.fields.is_empty() {
                return Err(ImportError::at(number, line, section.first_field()).hint(TRUNCATED));
            }
            sections.push(Section {
                header: Some((number, line)),
                fields: Vec::new(),
            });
            continue;
        }
        // `Name . . . : value`: names hold no colon and values no space before one (IPv6
        // addresses hold colons, never " :"), so the first " :" ends the name.
        if let Some(colon) = line.find(" :") {
            let name = line[..colon].trim().trim_end_matches(['.', ' ']);
            let value = line[colon + 2..].trim();
            section.fields.push(Field {
                line: number,
                text: line,
                name,
                indent,
                values: if value.is_empty() {
                    Vec::new()
                } else {
                    vec![(number, value)]
                },
            });
            continue;
        }
        match section.fields.last_mut() {
            Some(field) if indent > field.indent => field.values.push((number, line.trim())),
            _ => return Err(ImportError::at(number, line, FIELD).hint(TRUNCATED)),
        }
    }
    match sections.last() {
        None => Err(ImportError::end(end_line(text), format!("\"{HEADER}\""))),
        Some(last) if last.fields.is_empty() => {
            Err(ImportError::end(end_line(text), last.first_field()).hint(TRUNCATED))
        }
        Some(_) => Ok(sections),
    }
}

/// Add a connected adapter's addresses, DNS servers and suffixes; a disconnected one adds none.
fn read_adapter(
    adapter: &Section<'_>,
    addresses: &mut Vec<String>,
    servers: &mut Vec<IpAddr>,
    suffixes: &mut Vec<String>,
) -> Result<(), ImportError> {
    let first = adapter.fields.first();
    if let Some(first) = first.filter(|f| f.name != "Media State" && f.name != "Connection-specific DNS Suffix") {
        return Err(ImportError::at(
            first.line,
            first.text,
            "\"   Connection-specific DNS Suffix  . : SUFFIX\" or \"   Media State . . . : Media disconnected\"",
        )
        .hint(ENGLISH));
    }
    let disconnected = adapter
        .fields
        .iter()
        .any(|f| f.name == "Media State" && f.values.first().is_some_and(|v| v.1 == "Media disconnected"));
    if disconnected {
        return Ok(());
    }
    for field in &adapter.fields {
        match field.name {
            "Connection-specific DNS Suffix" | "Connection-specific DNS Suffix Search List" => {
                field.values.iter().for_each(|v| push_suffix(suffixes, v.1));
            }
            "IPv4 Address" | "IP Address" | "IPv6 Address" | "Temporary IPv6 Address" => {
                for &(line, value) in &field.values {
                    let ip = interface_address(line, value)?;
                    if !addresses.iter().any(|a| *a == ip.to_string()) {
                        addresses.push(ip.to_string());
                    }
                }
            }
            // Read to refuse a malformed one, but kept out: no ACL sees a link-local address.
            "Link-local IPv6 Address" | "Autoconfiguration IPv4 Address" => {
                for &(line, value) in &field.values {
                    interface_address(line, value)?;
                }
            }
            "DNS Servers" => {
                for &(line, value) in &field.values {
                    let ip = address(value)
                        .ok_or_else(|| ImportError::at(line, value, "a DNS server address such as 10.1.1.53"))?;
                    if !servers.contains(&ip) {
                        servers.push(ip);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// `10.1.2.3(Preferred)` or `fe80::1%12(Preferred)`: the address without its state or zone.
fn interface_address(line: usize, value: &str) -> Result<IpAddr, ImportError> {
    let bare = value.split('(').next().unwrap_or(value).trim();
    address(bare).ok_or_else(|| ImportError::at(line, value, "an address such as 10.1.2.3(Preferred)"))
}
