//! Hosts files, Windows (`C:\Windows\System32\drivers\etc\hosts`) and Unix (`/etc/hosts`).

use std::net::IpAddr;

use super::error::DnsError;
use crate::source::Location;

/// One name mapped to an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostsEntry {
    /// The name as written.
    pub name: String,
    /// The address.
    pub address: IpAddr,
    /// Where the entry was written, when known.
    pub location: Option<Location>,
}

/// A client's hosts table. Lookups ignore case and a trailing dot; the first entry wins, as on
/// both Windows and Unix.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HostsFile {
    entries: Vec<HostsEntry>,
}

impl HostsFile {
    /// Parse hosts file `text` (comments, CRLF and a UTF-8 byte order mark allowed).
    pub fn parse(text: &str, file: &str) -> Result<Self, DnsError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut entries = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let content = raw.split('#').next().unwrap_or("").trim_end_matches('\r');
            let mut fields = content.split_whitespace();
            let Some(first) = fields.next() else { continue };
            let column = u32::try_from(content[..content.find(first).unwrap_or(0)].chars().count() + 1).unwrap_or(1);
            let at = Location::new(file, line, column);
            // A scoped IPv6 address (`fe80::1%eth0`) names its interface after the `%`.
            let address: IpAddr = first.split('%').next().unwrap_or(first).parse().map_err(|_| {
                DnsError::new(
                    at.clone(),
                    format!("`{first}` is not an IP address: expected `ADDRESS NAME [ALIAS...]`"),
                )
            })?;
            let mut names = fields.peekable();
            if names.peek().is_none() {
                return Err(DnsError::new(
                    at,
                    format!("no name after `{first}`: expected `ADDRESS NAME [ALIAS...]`"),
                ));
            }
            entries.extend(names.map(|name| HostsEntry {
                name: name.to_owned(),
                address,
                location: Some(at.clone()),
            }));
        }
        Ok(Self { entries })
    }

    /// A hosts table of `(name, address, location)` entries.
    pub fn from_entries(entries: impl IntoIterator<Item = (String, IpAddr, Option<Location>)>) -> Self {
        Self {
            entries: entries
                .into_iter()
                .map(|(name, address, location)| HostsEntry {
                    name,
                    address,
                    location,
                })
                .collect(),
        }
    }

    /// Append another table's entries after this one's (earlier entries still win).
    pub fn extend(&mut self, other: HostsFile) {
        self.entries.extend(other.entries);
    }

    /// The first entry for `name`, ignoring case and a trailing dot.
    pub fn lookup(&self, name: &str) -> Option<&HostsEntry> {
        let name = name.strip_suffix('.').unwrap_or(name);
        self.entries
            .iter()
            .find(|e| e.name.strip_suffix('.').unwrap_or(&e.name).eq_ignore_ascii_case(name))
    }

    /// Every entry, in order.
    pub fn entries(&self) -> &[HostsEntry] {
        &self.entries
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_hosts_with_bom_crlf_and_comments() {
        let text = "\u{feff}# Copyright (c) 1993-2006 Microsoft Corp.\r\n#\r\n127.0.0.1       localhost\r\n10.1.1.20\tcups-1   # CUPS\r\n10.1.1.30 cups-1 other\r\n";
        let hosts = HostsFile::parse(text, "hosts").unwrap();
        let entry = hosts.lookup("CUPS-1.").unwrap();
        assert_eq!(entry.address.to_string(), "10.1.1.20");
        assert_eq!(entry.location.as_ref().unwrap().line, 4);
        assert_eq!(hosts.lookup("other").unwrap().address.to_string(), "10.1.1.30");
        assert!(hosts.lookup("cups-2").is_none());
    }

    #[test]
    fn unix_hosts_with_ipv6_and_aliases() {
        let text =
            "127.0.0.1 localhost\n::1 localhost ip6-localhost\nfd00::20 cups-1.acme.com cups-1\nfe80::1%eth0 router\n";
        let hosts = HostsFile::parse(text, "/etc/hosts").unwrap();
        assert_eq!(hosts.lookup("cups-1").unwrap().address.to_string(), "fd00::20");
        assert_eq!(hosts.lookup("ip6-localhost").unwrap().address.to_string(), "::1");
        assert_eq!(hosts.lookup("router").unwrap().address.to_string(), "fe80::1");
    }

    #[test]
    fn bad_lines_are_named() {
        let e = HostsFile::parse("127.0.0.1 localhost\n\n  cups-1 10.1.1.20\n", "hosts").unwrap_err();
        assert_eq!((e.location.line, e.location.column), (3, 3));
        let e = HostsFile::parse("10.1.1.20\n", "hosts").unwrap_err();
        assert!(e.message.contains("no name"), "{}", e.message);
    }
}
