//! Unix `/etc/resolv.conf` (resolv.conf(5)): the search list and the name servers.

use super::ImportError;
use super::text::{address, end_line, ensure_text, lines, profile, push_suffix};
use crate::collect::{Collected, SourceKind};
use crate::model::ClientKind;

const LINE: &str = "a line such as \"nameserver 10.1.1.53\", \"search acme.com\" or \"domain acme.com\"";

/// The resolver asks at most this many name servers (glibc and the BSDs' `MAXNS`); later
/// `nameserver` lines are ignored, so the profile leaves them out too.
const MAX_NAMESERVERS: usize = 3;

/// Read resolv.conf `text` (read from `origin`) into the client profile `client_id` of `kind`.
///
/// `search` and `domain` both set the search list and the last of them wins, as resolv.conf(5)
/// says. A client's own domain is not the deployment's: `domain` is left to the sources that know it. `nameserver` lines give the DNS servers,
/// the first three as the resolver uses them. `options`, `sortlist` and comments (`#`, `;`)
/// are skipped; any other keyword is refused, so that another file is not read as an empty
/// profile.
pub fn resolv(text: &str, origin: &str, client_id: &str, kind: ClientKind) -> Result<Collected, ImportError> {
    ensure_text(text, LINE)?;
    let mut client = profile(client_id, kind);
    let mut saw_setting = false;
    for (number, raw) in lines(text) {
        let line = raw.split(['#', ';']).next().unwrap_or("");
        let mut words = line.split_whitespace();
        let Some(keyword) = words.next() else { continue };
        match keyword {
            "nameserver" => {
                let value = words.next().unwrap_or("");
                let ip = address(value).ok_or_else(|| {
                    ImportError::at(number, raw, "\"nameserver ADDRESS\" with an IPv4 or IPv6 address")
                })?;
                if client.dns_servers.len() < MAX_NAMESERVERS && !client.dns_servers.contains(&ip) {
                    client.dns_servers.push(ip);
                }
            }
            "search" | "domain" => {
                let names: Vec<&str> = words.collect();
                if names.is_empty() || (keyword == "domain" && names.len() > 1) {
                    return Err(ImportError::at(
                        number,
                        raw,
                        format!("\"{keyword} DOMAIN{}\"", if keyword == "search" { " ..." } else { "" }),
                    ));
                }
                client.dns_suffixes.clear();
                names
                    .iter()
                    .for_each(|name| push_suffix(&mut client.dns_suffixes, name));
            }
            "options" | "sortlist" => {}
            _ => return Err(ImportError::at(number, raw, LINE)),
        }
        saw_setting = true;
    }
    if !saw_setting {
        return Err(ImportError::end(end_line(text), LINE).hint("the file holds only comments"));
    }
    let mut collected = Collected::from(SourceKind::Resolv, origin);
    collected.clients.push(client);
    Ok(collected)
}
