//! The deployment file `uclint collect` writes: a new one, or the sources' sections merged into an
//! existing one (`--into`) editing the TOML document rather than regenerating it, so a person's
//! comments and hand-written sections stay. The file opens with where each source's part came
//! from and when; each section it touched carries a note saying the same.

mod header;
mod merge;
mod render;
mod save;
mod users;
mod write;

use toml_edit::{DocumentMut, Item, Table};
use uclint_core::collect::{Collected, SourceKind};

pub use save::{Save, SaveError};
pub use write::{WriteError, write_atomically};

use header::Header;

/// Why no document was written.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The existing file is not TOML.
    #[error("{file}: not a TOML document: {message}")]
    NotToml {
        /// The existing file's name.
        file: String,
        /// What the parser said (with the line and column).
        message: String,
    },
    /// The existing file writes a section in a form collect cannot merge into.
    #[error("{file}: {message}")]
    Shape {
        /// The existing file's name.
        file: String,
        /// Which section, and what form it expects.
        message: String,
    },
    /// A collected item could not be written as TOML.
    #[error("{kind} {origin}: cannot write {section}: {message}")]
    Render {
        /// The source's kind.
        kind: SourceKind,
        /// What was read.
        origin: String,
        /// The section.
        section: &'static str,
        /// What went wrong.
        message: String,
    },
}

/// The document with `collected` merged in, in order (a later source's field wins), stamped
/// `at` (RFC 3339). `existing` is the text and name of the file to merge into, if any.
pub fn document(existing: Option<(&str, &str)>, collected: &[Collected], at: &str) -> Result<String, DocumentError> {
    let (mut header, body, file) = match existing {
        Some((text, file)) => {
            let (header, body) = Header::split(text);
            (header, body.to_owned(), file.to_owned())
        }
        None => (Header::default(), String::new(), String::new()),
    };
    let mut doc: DocumentMut = body.parse().map_err(|e: toml_edit::TomlError| DocumentError::NotToml {
        file: file.clone(),
        message: e.to_string().trim_end().to_owned(),
    })?;
    for part in collected {
        merge_part(doc.as_table_mut(), part, at).map_err(|e| match e {
            PartError::Shape(message) => DocumentError::Shape {
                file: file.clone(),
                message,
            },
            PartError::Render(section, message) => DocumentError::Render {
                kind: part.source.kind,
                origin: part.source.origin.clone(),
                section,
                message,
            },
        })?;
        header.record(part, at);
    }
    let users_text = merge_users(doc.as_table_mut(), collected, at).map_err(|e| match e {
        PartError::Shape(message) => DocumentError::Shape { file, message },
        PartError::Render(section, message) => {
            let source = collected.iter().find(|c| !c.users.is_empty()).map(|c| &c.source);
            DocumentError::Render {
                kind: source.map_or(SourceKind::Ldap, |s| s.kind),
                origin: source.map(|s| s.origin.clone()).unwrap_or_default(),
                section,
                message,
            }
        }
    })?;
    let mut body = doc.to_string();
    if let Some(users) = users_text {
        if !body.is_empty() && !body.ends_with('\n') {
            body.push('\n');
        }
        body.push_str(&users);
    }
    Ok(format!("{}{}", header.render(), body.trim_start_matches('\n')))
}

/// Merge every source's users: into the file's `[[users]]` when it has some, else as text to
/// append (returned), which never holds all users as TOML tables at once.
fn merge_users(root: &mut Table, collected: &[Collected], at: &str) -> Result<Option<String>, PartError> {
    let merged = users::merge(collected);
    if merged.is_empty() {
        return Ok(None);
    }
    let notes: Vec<String> = collected
        .iter()
        .filter(|c| !c.users.is_empty())
        .map(|c| format!("# users: {} {} ({at})", c.source.kind, c.source.origin))
        .collect();
    if !root.contains_key("users") {
        return users::text(&merged, &notes)
            .map(Some)
            .map_err(|e| PartError::Render("users", e));
    }
    let tables = merged
        .iter()
        .map(|m| users::table(m).map_err(|e| PartError::Render("users", e)))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(first) = merge::tables(root, "users", "cucm_id", tables).map_err(PartError::Shape)? {
        for note in &notes {
            note_table(root, "users", first, note);
        }
    }
    Ok(None)
}

enum PartError {
    Shape(String),
    Render(&'static str, String),
}

fn rendered<T: serde::Serialize>(section: &'static str, item: &T, drop: &[&str]) -> Result<Table, PartError> {
    let mut table = render::table(item).map_err(|e| PartError::Render(section, e))?;
    for field in drop {
        table.remove(field);
    }
    Ok(table)
}

/// Merge one source's sections into `root`.
fn merge_part(root: &mut Table, part: &Collected, at: &str) -> Result<(), PartError> {
    let kind = part.source.kind;
    let note = |section: &str| format!("# {section}: {} {} ({at})", kind, part.source.origin);
    if let Some(domain) = &part.domain {
        merge::set(root, "domain", toml_edit::value(domain.as_str()));
    }
    let servers = part
        .servers
        .iter()
        .map(|s| rendered("servers", s, &[]))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(first) = merge::tables(root, "servers", "node_name", servers).map_err(PartError::Shape)? {
        note_table(root, "servers", first, &note("servers"));
    }
    if let Some(proxy) = &part.sip_proxy {
        let mut fields = rendered("sip_proxy", proxy, &[])?;
        let routes = match fields.remove("static_routes") {
            Some(Item::Value(toml_edit::Value::Array(routes))) => routes
                .into_iter()
                .filter_map(|v| v.as_inline_table().cloned())
                .collect(),
            _ => Vec::new(),
        };
        let table = merge::table(root, "sip_proxy", fields).map_err(PartError::Shape)?;
        merge::inline_tables(table, "static_routes", "sip_proxy.static_routes", "pattern", routes)
            .map_err(PartError::Shape)?;
        header::note(table.decor_mut(), &note("sip_proxy"));
    }
    let records = part
        .records
        .iter()
        .map(|r| render::inline(r).map_err(|e| PartError::Render("dns.records", e)))
        .collect::<Result<Vec<_>, _>>()?;
    if !records.is_empty() {
        merge::records(root, records).map_err(PartError::Shape)?;
        if let Some(dns) = root.get_mut("dns").and_then(Item::as_table_mut) {
            header::note(dns.decor_mut(), &note("dns.records"));
        }
    }
    let clients = part
        .clients
        .iter()
        .map(|c| rendered("clients", c, client_fields_unknown(kind)))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(first) = merge::tables(root, "clients", "id", clients).map_err(PartError::Shape)? {
        note_table(root, "clients", first, &note("clients"));
    }
    if let Some(ldap) = &part.ldap {
        let fields = rendered("ldap", ldap, &[])?;
        let table = merge::table(root, "ldap", fields).map_err(PartError::Shape)?;
        header::note(table.decor_mut(), &note("ldap"));
    }
    // Users are merged across every source at once: see `users`.
    Ok(())
}

/// Fields of a client profile a source cannot know: a hosts file gives only the hosts lines;
/// resolver settings say nothing of the hosts file or the network the machine is on.
fn client_fields_unknown(kind: SourceKind) -> &'static [&'static str] {
    match kind {
        SourceKind::Hosts => &[
            "kind",
            "version",
            "dns_suffixes",
            "dns_servers",
            "addresses",
            "on_corporate_network",
        ],
        SourceKind::Ipconfig | SourceKind::Resolv | SourceKind::Scutil => {
            &["hosts", "hosts_file", "on_corporate_network"]
        }
        _ => &[],
    }
}

fn note_table(root: &mut Table, section: &str, index: usize, note: &str) {
    if let Some(Item::ArrayOfTables(array)) = root.get_mut(section) {
        if let Some(table) = array.get_mut(index) {
            header::note(table.decor_mut(), note);
        }
    }
}

#[cfg(test)]
mod tests;
