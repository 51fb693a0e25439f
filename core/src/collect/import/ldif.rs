//! LDIF (RFC 2849) exports of the directory: the users CUCM would synchronize.
//!
//! Read in one pass over the text without copying it: a logical line is borrowed unless it was
//! folded, and only the five attributes a user needs are decoded, so a 100,000-entry export of
//! Active Directory (with its base64 GUIDs and SIDs) costs little more than reading it.

use std::borrow::Cow;
use std::sync::Arc;

use base64::Engine as _;
use compact_str::CompactString;

use super::ImportError;
use super::text::{end_line, ensure_text};
use crate::collect::{Collected, SourceKind};
use crate::model::User;
use crate::source::Location;

const DN: &str = "\"dn: DISTINGUISHED NAME\"";
const ATTRIBUTE: &str = "\"ATTRIBUTE: VALUE\"";

/// What an LDIF export gave: the users, and how many entries were not users.
#[derive(Debug, Clone, PartialEq)]
pub struct LdifImport {
    /// The users, in file order.
    pub collected: Collected,
    /// Entries without a user id (`sAMAccountName` or `uid`): groups, OUs, computers' parents.
    pub skipped: usize,
}

/// Read LDIF `text` (read from `origin`): one user per entry with `sAMAccountName` (else
/// `uid`), which gives both the CUCM and the LDAP id; `sn`, `givenName` and `telephoneNumber`
/// give the last name, first name and number. The first value of each attribute counts.
///
/// Accepted: a `version: 1` line, comments, folded lines, `attr:: base64` values, `changetype:
/// add`, and the `search:`/`result:` and `ref:` records `ldapsearch` adds. Refused: values by
/// URL (`attr:< file://...`) and change records other than `add`.
pub fn ldif(text: &str, origin: &str) -> Result<LdifImport, ImportError> {
    ensure_text(text, DN)?;
    let mut reader = Reader {
        file: origin.into(),
        entry: Entry::default(),
        users: Vec::new(),
        skipped: 0,
        records: 0,
        started: false,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut pending: Option<(usize, Cow<'_, str>)> = None;
    let mut in_comment = false;
    for (index, line) in text.split('\n').enumerate() {
        let number = index + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(rest) = line.strip_prefix(' ') {
            match &mut pending {
                _ if in_comment => {}
                Some((_, logical)) => logical.to_mut().push_str(rest),
                None => {
                    return Err(ImportError::at(number, line, ATTRIBUTE)
                        .hint("a line starting with one space continues the line before it, and there is none"));
                }
            }
            continue;
        }
        if let Some((at, logical)) = pending.take() {
            reader.line(at, &logical)?;
        }
        in_comment = line.starts_with('#');
        if line.is_empty() {
            reader.end_record();
        } else if !in_comment {
            pending = Some((number, Cow::Borrowed(line)));
        }
    }
    if let Some((at, logical)) = pending.take() {
        reader.line(at, &logical)?;
    }
    reader.end_record();
    if reader.records == 0 {
        return Err(ImportError::end(end_line(text), DN).hint("the export holds no entry"));
    }
    let mut collected = Collected::from(SourceKind::Ldif, origin);
    collected.users = reader.users;
    Ok(LdifImport {
        collected,
        skipped: reader.skipped,
    })
}

/// The record being read.
#[derive(Default)]
enum Entry {
    /// Between records.
    #[default]
    None,
    /// A record `ldapsearch` adds (`search:`/`result:`, `ref:`).
    Other,
    /// An entry from its `dn:` line.
    Open(Box<Attributes>),
}

/// The attributes of an entry a user needs (first values).
#[derive(Default)]
struct Attributes {
    line: usize,
    account: Option<CompactString>,
    uid: Option<CompactString>,
    last_name: Option<String>,
    first_name: Option<String>,
    telephone: Option<CompactString>,
}

struct Reader {
    file: Arc<str>,
    entry: Entry,
    users: Vec<User>,
    skipped: usize,
    /// Entries read, users or not.
    records: usize,
    /// Whether a record began (a `version:` line may come only before).
    started: bool,
}

impl Reader {
    /// Read one logical (unfolded) line, at line `number`.
    fn line(&mut self, number: usize, line: &str) -> Result<(), ImportError> {
        let (name, value) = match attribute(number, line) {
            Ok(split) => split,
            Err(_) if matches!(self.entry, Entry::None) => {
                return Err(ImportError::at(number, line, DN).hint("is this an LDIF export?"));
            }
            Err(e) => return Err(e),
        };
        let first = !std::mem::replace(&mut self.started, true);
        match &mut self.entry {
            Entry::None if name.eq_ignore_ascii_case("dn") => {
                self.entry = Entry::Open(Box::new(Attributes {
                    line: number,
                    ..Attributes::default()
                }));
            }
            // The version line stands alone before the first record (RFC 2849 lets a `dn:`
            // follow it on the next line).
            Entry::None if first && name.eq_ignore_ascii_case("version") => {
                if value.text() != Some("1") {
                    return Err(ImportError::at(number, line, "\"version: 1\""));
                }
            }
            Entry::None if ["search", "ref"].iter().any(|n| name.eq_ignore_ascii_case(n)) => self.entry = Entry::Other,
            Entry::None => return Err(ImportError::at(number, line, DN).hint("is this an LDIF export?")),
            Entry::Other => {}
            Entry::Open(entry) => {
                if name.eq_ignore_ascii_case("changetype")
                    && !value.text().is_some_and(|v| v.eq_ignore_ascii_case("add"))
                {
                    return Err(
                        ImportError::at(number, line, "entries (no changetype, or \"changetype: add\")")
                            .hint("only entries are imported, not changes to them"),
                    );
                }
                let slot = match name.len() {
                    3 if name.eq_ignore_ascii_case("uid") => Slot::Uid,
                    2 if name.eq_ignore_ascii_case("sn") => Slot::LastName,
                    9 if name.eq_ignore_ascii_case("givenName") => Slot::FirstName,
                    14 if name.eq_ignore_ascii_case("sAMAccountName") => Slot::Account,
                    15 if name.eq_ignore_ascii_case("telephoneNumber") => Slot::Telephone,
                    _ => return Ok(()),
                };
                let value = value.decode(number, line)?;
                let value = value.trim();
                if value.is_empty() {
                    return Ok(());
                }
                match slot {
                    Slot::Account => entry.account.get_or_insert_with(|| value.into()),
                    Slot::Uid => entry.uid.get_or_insert_with(|| value.into()),
                    Slot::Telephone => entry.telephone.get_or_insert_with(|| value.into()),
                    Slot::LastName => {
                        entry.last_name.get_or_insert_with(|| value.to_owned());
                        return Ok(());
                    }
                    Slot::FirstName => {
                        entry.first_name.get_or_insert_with(|| value.to_owned());
                        return Ok(());
                    }
                };
            }
        }
        Ok(())
    }

    /// A blank line (or the end): the open record is complete.
    fn end_record(&mut self) {
        match std::mem::take(&mut self.entry) {
            Entry::None | Entry::Other => {}
            Entry::Open(entry) => {
                self.records += 1;
                let Attributes {
                    line,
                    account,
                    uid,
                    last_name,
                    first_name,
                    telephone,
                } = *entry;
                match account.or(uid) {
                    Some(id) => self.users.push(User {
                        ldap_id: Some(id.clone()),
                        first_name,
                        last_name,
                        telephone_number: telephone,
                        location: Some(Location::new(
                            self.file.clone(),
                            u32::try_from(line).unwrap_or(u32::MAX),
                            1,
                        )),
                        ..User::new(id)
                    }),
                    None => self.skipped += 1,
                }
            }
        }
    }
}

/// Where a wanted attribute's value goes.
enum Slot {
    Account,
    Uid,
    LastName,
    FirstName,
    Telephone,
}

/// A value as written: plain text, or base64 (`attr:: ...`).
enum Value<'a> {
    Text(&'a str),
    Base64(&'a str),
}

impl<'a> Value<'a> {
    /// The plain text, when not base64.
    fn text(&self) -> Option<&'a str> {
        match self {
            Self::Text(text) => Some(text),
            Self::Base64(_) => None,
        }
    }

    /// The value as text, decoding base64.
    fn decode(self, number: usize, line: &str) -> Result<Cow<'a, str>, ImportError> {
        match self {
            Self::Text(text) => Ok(Cow::Borrowed(text)),
            Self::Base64(encoded) => {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(encoded.trim())
                    .map_err(|e| {
                        ImportError::at(number, line, "\"ATTRIBUTE:: BASE64\"").hint(format!("invalid base64: {e}"))
                    })?;
                String::from_utf8(bytes)
                    .map(Cow::Owned)
                    .map_err(|_| ImportError::at(number, line, "a base64 value that decodes to UTF-8 text"))
            }
        }
    }
}

/// Split `name[;options]: value` (or `::` base64), refusing values given by URL (`:<`).
fn attribute(number: usize, line: &str) -> Result<(&str, Value<'_>), ImportError> {
    let Some((description, rest)) = line.split_once(':') else {
        return Err(ImportError::at(number, line, ATTRIBUTE));
    };
    let name = description.split(';').next().unwrap_or(description);
    let valid = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'.';
    if name.is_empty() || !name.bytes().all(valid) {
        return Err(ImportError::at(number, line, ATTRIBUTE).hint(format!("`{description}` is not an attribute name")));
    }
    let value = if let Some(encoded) = rest.strip_prefix(':') {
        Value::Base64(encoded)
    } else if rest.starts_with('<') {
        return Err(ImportError::at(
            number,
            line,
            "a value written inline (\"ATTRIBUTE: VALUE\" or \"ATTRIBUTE:: BASE64\")",
        )
        .hint("values by URL (`:<`) are not read: export with the values inline"));
    } else {
        Value::Text(rest.trim_start_matches(' '))
    };
    Ok((name, value))
}
