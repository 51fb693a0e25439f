//! Hosts files (Windows `drivers\etc\hosts`, Unix `/etc/hosts`) as a client profile's hosts lines.

use super::ImportError;
use super::text::{ensure_text, lines, profile};
use crate::collect::{Collected, SourceKind};
use crate::dns::hosts::HostsFile;
use crate::model::{ClientKind, HostsLine};

const LINE: &str = "\"ADDRESS NAME [ALIAS...]\"";

/// Read hosts file `text` (read from `origin`) into the client profile `client_id` of `kind`,
/// one hosts line per name (aliases included), in file order: the first entry for a name wins,
/// as on Windows and Unix. A file of comments only (Windows ships one) gives a profile without
/// hosts lines; an empty input is refused.
pub fn hosts(text: &str, origin: &str, client_id: &str, kind: ClientKind) -> Result<Collected, ImportError> {
    ensure_text(text, LINE)?;
    let table = HostsFile::parse(text, origin).map_err(|e| {
        let number = usize::try_from(e.location.line).unwrap_or(usize::MAX);
        let line = lines(text).nth(number.saturating_sub(1)).map_or("", |(_, line)| line);
        let why = e.message.split(": expected").next().unwrap_or(&e.message);
        ImportError::at(number, line, LINE).hint(why.to_owned())
    })?;
    let mut client = profile(client_id, kind);
    client.hosts = table
        .entries()
        .iter()
        .map(|entry| HostsLine {
            name: entry.name.clone(),
            address: entry.address,
        })
        .collect();
    client.hosts_table = table;
    let mut collected = Collected::from(SourceKind::Hosts, origin);
    collected.clients.push(client);
    Ok(collected)
}
