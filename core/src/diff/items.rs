//! Item-by-item changes: each section's items matched by their key (a server by node name, a user
//! by CUCM id...), compared field by field as the deployment file writes them.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::Deployment;

/// The part of the deployment file a change is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// The top-level settings (`name`, `domain`, `users_csv`).
    Deployment,
    /// `[[servers]]`, by node name.
    Servers,
    /// `[sip_proxy]`'s settings besides routes and ACL.
    SipProxy,
    /// `sip_proxy.static_routes`, by pattern.
    Routes,
    /// `sip_proxy.incoming_acl`, entry by entry.
    IncomingAcl,
    /// `dns.records`, by name and type.
    DnsRecords,
    /// `dns.zone_files`, by path.
    ZoneFiles,
    /// `dns.public.records`, by name and type: what the Internet sees.
    PublicDnsRecords,
    /// `[[clients]]`, by id.
    Clients,
    /// `[ldap]`.
    Ldap,
    /// `[[users]]` (and the users CSV), by CUCM id.
    Users,
    /// `[voicemail]`.
    Voicemail,
    /// `[calendar]`.
    Calendar,
    /// `[[reachability]]`.
    Reachability,
    /// `[[plugins]]`.
    Plugins,
}

impl Section {
    /// How the deployment file names it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Deployment => "deployment",
            Self::Servers => "servers",
            Self::SipProxy => "sip_proxy",
            Self::Routes => "sip_proxy.static_routes",
            Self::IncomingAcl => "sip_proxy.incoming_acl",
            Self::DnsRecords => "dns.records",
            Self::ZoneFiles => "dns.zone_files",
            Self::PublicDnsRecords => "dns.public.records",
            Self::Clients => "clients",
            Self::Ldap => "ldap",
            Self::Users => "users",
            Self::Voicemail => "voicemail",
            Self::Calendar => "calendar",
            Self::Reachability => "reachability",
            Self::Plugins => "plugins",
        }
    }
}

/// Whether an item came, went or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only in the new deployment.
    Added,
    /// Only in the old deployment.
    Removed,
    /// In both, with different fields.
    Changed,
}

/// One item that differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Where it is.
    pub section: Section,
    /// Which item (`cups-1`, `alice`, `acme.com. A`); empty for a section that is one table.
    pub key: String,
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// For a changed item, each field that differs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// For an added or removed item, the item itself as the file writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<Value>,
}

/// One field of a changed item: its value before and after (`null` when absent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field's name.
    pub field: String,
    /// Before.
    pub old: Value,
    /// After.
    pub new: Value,
}

/// Every changed item between `old` and `new`, section by section, keys in order.
pub fn changes(old: &Deployment, new: &Deployment) -> Vec<Change> {
    let (old, new) = (as_object(old), as_object(new));
    let mut out = Vec::new();
    let top = ["name", "domain", "users_csv"];
    table(&mut out, Section::Deployment, pick(&old, &top), pick(&new, &top));
    keyed(&mut out, Section::Servers, &old, &new, "servers", &["node_name"]);
    let (old_sip, new_sip) = (child(&old, "sip_proxy"), child(&new, "sip_proxy"));
    let routes_and_acl = ["static_routes", "incoming_acl"];
    table(
        &mut out,
        Section::SipProxy,
        without(&old_sip, &routes_and_acl),
        without(&new_sip, &routes_and_acl),
    );
    keyed(
        &mut out,
        Section::Routes,
        &old_sip,
        &new_sip,
        "static_routes",
        &["pattern"],
    );
    set(&mut out, Section::IncomingAcl, &old_sip, &new_sip, "incoming_acl");
    let (old_dns, new_dns) = (child(&old, "dns"), child(&new, "dns"));
    records(&mut out, Section::DnsRecords, &old_dns, &new_dns);
    let (old_public, new_public) = (child(&old_dns, "public"), child(&new_dns, "public"));
    records(&mut out, Section::PublicDnsRecords, &old_public, &new_public);
    keyed(
        &mut out,
        Section::ZoneFiles,
        &old_dns,
        &new_dns,
        "zone_files",
        &["path"],
    );
    keyed(&mut out, Section::Clients, &old, &new, "clients", &["id"]);
    table(&mut out, Section::Ldap, child(&old, "ldap"), child(&new, "ldap"));
    keyed(&mut out, Section::Users, &old, &new, "users", &["cucm_id"]);
    table(
        &mut out,
        Section::Voicemail,
        child(&old, "voicemail"),
        child(&new, "voicemail"),
    );
    table(
        &mut out,
        Section::Calendar,
        child(&old, "calendar"),
        child(&new, "calendar"),
    );
    set(&mut out, Section::Reachability, &old, &new, "reachability");
    set(&mut out, Section::Plugins, &old, &new, "plugins");
    out
}

fn as_object(deployment: &Deployment) -> Map<String, Value> {
    match serde_json::to_value(deployment) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

fn child(object: &Map<String, Value>, key: &str) -> Map<String, Value> {
    match object.get(key) {
        Some(Value::Object(map)) => map.clone(),
        _ => Map::new(),
    }
}

fn pick(object: &Map<String, Value>, keys: &[&str]) -> Map<String, Value> {
    keys.iter()
        .filter_map(|k| object.get(*k).map(|v| ((*k).to_owned(), v.clone())))
        .collect()
}

fn without(object: &Map<String, Value>, keys: &[&str]) -> Map<String, Value> {
    object
        .iter()
        .filter(|(k, _)| !keys.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn array<'a>(object: &'a Map<String, Value>, key: &str) -> &'a [Value] {
    match object.get(key) {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

/// A section that is one table: one `changed` item (key empty) listing the fields that differ.
fn table(out: &mut Vec<Change>, section: Section, old: Map<String, Value>, new: Map<String, Value>) {
    let fields = field_changes(&old, &new);
    if !fields.is_empty() {
        out.push(Change {
            section,
            key: String::new(),
            kind: ChangeKind::Changed,
            fields,
            item: None,
        });
    }
}

/// The fields that differ between two tables; an absent field and `null` are the same.
fn field_changes(old: &Map<String, Value>, new: &Map<String, Value>) -> Vec<FieldChange> {
    let mut names: Vec<&String> = old.keys().chain(new.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter_map(|name| {
            let (a, b) = (
                old.get(name).cloned().unwrap_or(Value::Null),
                new.get(name).cloned().unwrap_or(Value::Null),
            );
            (a != b && !(is_empty(&a) && is_empty(&b))).then(|| FieldChange {
                field: name.clone(),
                old: a,
                new: b,
            })
        })
        .collect()
}

/// Null, `[]` and `{}` all say "nothing here".
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

/// Items of an array matched by `key_fields`; a repeated key is told apart by its rank (`#2`).
fn keyed(
    out: &mut Vec<Change>,
    section: Section,
    old: &Map<String, Value>,
    new: &Map<String, Value>,
    key: &str,
    key_fields: &[&str],
) {
    let (old, new) = (index(array(old, key), key_fields), index(array(new, key), key_fields));
    compare(out, section, &old, &new);
}

fn index(items: &[Value], key_fields: &[&str]) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for item in items {
        let base = key_fields
            .iter()
            .map(|f| match item.get(*f) {
                Some(Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
                None => String::new(),
            })
            .collect::<Vec<_>>()
            .join(" ");
        let mut key = base.clone();
        let mut rank = 1;
        while out.contains_key(&key) {
            rank += 1;
            key = format!("{base} #{rank}");
        }
        out.insert(key, item.clone());
    }
    out
}

fn compare(out: &mut Vec<Change>, section: Section, old: &BTreeMap<String, Value>, new: &BTreeMap<String, Value>) {
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let change = match (old.get(key), new.get(key)) {
            (Some(a), Some(b)) if a == b => continue,
            (Some(Value::Object(a)), Some(Value::Object(b))) => {
                let fields = field_changes(a, b);
                if fields.is_empty() {
                    continue;
                }
                Change {
                    section,
                    key: key.clone(),
                    kind: ChangeKind::Changed,
                    fields,
                    item: None,
                }
            }
            (Some(a), Some(b)) => Change {
                section,
                key: key.clone(),
                kind: ChangeKind::Changed,
                fields: vec![FieldChange {
                    field: String::new(),
                    old: a.clone(),
                    new: b.clone(),
                }],
                item: None,
            },
            (None, Some(b)) => Change {
                section,
                key: key.clone(),
                kind: ChangeKind::Added,
                fields: Vec::new(),
                item: Some(b.clone()),
            },
            (Some(a), None) => Change {
                section,
                key: key.clone(),
                kind: ChangeKind::Removed,
                fields: Vec::new(),
                item: Some(a.clone()),
            },
            (None, None) => continue,
        };
        out.push(change);
    }
}

/// An array whose items have no name of their own: each item is its own key (added or removed).
fn set(out: &mut Vec<Change>, section: Section, old: &Map<String, Value>, new: &Map<String, Value>, key: &str) {
    let by_text = |items: &[Value]| -> BTreeMap<String, Value> {
        items
            .iter()
            .map(|v| {
                let text = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (text, v.clone())
            })
            .collect()
    };
    compare(out, section, &by_text(array(old, key)), &by_text(array(new, key)));
}

/// DNS records grouped by name and type (names compared without case or final dot): a changed
/// address is one change of `value`, not a removal and an addition.
fn records(out: &mut Vec<Change>, section: Section, old: &Map<String, Value>, new: &Map<String, Value>) {
    let group = |items: &[Value]| -> BTreeMap<String, Value> {
        let mut groups: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for item in items {
            let text = |f: &str| item.get(f).and_then(Value::as_str).unwrap_or_default().to_owned();
            let name = text("name").trim_end_matches('.').to_ascii_lowercase();
            let rtype = text("type").to_ascii_uppercase();
            groups
                .entry(format!("{name} {rtype}"))
                .or_default()
                .push(item.get("value").cloned().unwrap_or(Value::Null));
        }
        groups
            .into_iter()
            .map(|(k, mut values)| {
                values.sort_by_key(Value::to_string);
                let mut map = Map::new();
                map.insert("value".to_owned(), one_or_many(values));
                (k, Value::Object(map))
            })
            .collect()
    };
    compare(
        out,
        section,
        &group(array(old, "records")),
        &group(array(new, "records")),
    );
}

fn one_or_many(mut values: Vec<Value>) -> Value {
    if values.len() == 1 {
        values.remove(0)
    } else {
        Value::Array(values)
    }
}
