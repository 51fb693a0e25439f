//! Users, the one section that runs to 100,000 items: merged across the sources as model values
//! first (a later source's field wins, a field a source cannot know never overwrites), then
//! either written straight out as text (a new section: one user's table at a time, so memory
//! stays that of the users themselves) or merged into the existing file's tables.

use std::collections::HashMap;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};
use uclint_core::collect::{Collected, SourceKind};
use uclint_core::model::User;

/// A user as the sources gave it, and which of its flags a source actually knew.
pub struct Merged {
    user: User,
    knows_flags: bool,
}

/// Whether a source knows a user's digest credential and desk-phone control: the directory
/// says nothing of either.
fn knows_flags(kind: SourceKind) -> bool {
    !matches!(kind, SourceKind::Ldap | SourceKind::Ldif)
}

/// Every source's users, merged by CUCM id in order of first appearance.
pub fn merge(collected: &[Collected]) -> Vec<Merged> {
    let mut out: Vec<Merged> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for part in collected {
        let knows = knows_flags(part.source.kind);
        for user in &part.users {
            match index.get(user.cucm_id.as_str()) {
                Some(&i) => update(&mut out[i], user, knows),
                None => {
                    index.insert(user.cucm_id.to_string(), out.len());
                    out.push(Merged {
                        user: User {
                            location: None,
                            ..user.clone()
                        },
                        knows_flags: knows,
                    });
                }
            }
        }
    }
    out
}

/// What `from` gives overwrites `into`: a value it has, a flag it knows.
fn update(into: &mut Merged, from: &User, knows: bool) {
    let user = &mut into.user;
    some(&mut user.ldap_id, &from.ldap_id);
    some(&mut user.first_name, &from.first_name);
    some(&mut user.last_name, &from.last_name);
    some(&mut user.telephone_number, &from.telephone_number);
    some(&mut user.home_node, &from.home_node);
    some(&mut user.presence_node, &from.presence_node);
    if !from.clients.is_empty() {
        user.clients.clone_from(&from.clients);
    }
    if knows {
        user.digest_credential = from.digest_credential;
        user.desk_phone_control = from.desk_phone_control;
        into.knows_flags = true;
    }
}

/// `from`'s value, when it has one, replaces `to`'s.
fn some<T: Clone>(to: &mut Option<T>, from: &Option<T>) {
    if from.is_some() {
        to.clone_from(from);
    }
}

/// One merged user as a table of the fields known.
pub fn table(merged: &Merged) -> Result<Table, String> {
    let mut table = super::render::table(&merged.user)?;
    if !merged.knows_flags {
        table.remove("digest_credential");
        table.remove("desk_phone_control");
    }
    Ok(table)
}

/// The users as `[[users]]` tables of text, the first under `notes`, for a file without users.
pub fn text(users: &[Merged], notes: &[String]) -> Result<String, String> {
    let mut out = String::with_capacity(users.len() * 128);
    for (i, merged) in users.iter().enumerate() {
        let mut table = table(merged)?;
        if i == 0 {
            let mut prefix = String::from("\n");
            for note in notes {
                prefix.push_str(note);
                prefix.push('\n');
            }
            table.decor_mut().set_prefix(prefix);
        }
        let mut one = ArrayOfTables::new();
        one.push(table);
        let mut doc = DocumentMut::new();
        doc.insert("users", Item::ArrayOfTables(one));
        let text = doc.to_string();
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&text);
    }
    Ok(out)
}
