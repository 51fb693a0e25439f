//! Edits to a TOML document that keep what a person wrote: an item is found by its key and only
//! the fields the source knows are set, each keeping its comment; nothing else moves.

use std::collections::{HashMap, HashSet};

use toml_edit::{Array, ArrayOfTables, InlineTable, Item, Table, Value};

use super::render::one_per_line;

/// Why the existing document cannot take the collected sections.
pub type ShapeError = String;

/// Set `key` to `item` in `table`, keeping the comment and spacing of the value it replaces.
pub fn set(table: &mut Table, key: &str, item: Item) {
    match (table.get_mut(key), item) {
        (Some(Item::Value(old)), Item::Value(mut new)) => {
            *new.decor_mut() = old.decor().clone();
            *old = new;
        }
        (_, item) => {
            table.insert(key, item);
        }
    }
}

/// Set every field of `fields` in `table` (see [`set`]); fields `fields` lacks stay.
pub fn update(table: &mut Table, fields: Table) {
    for (key, item) in fields {
        set(table, &key, item);
    }
}

fn set_inline(table: &mut InlineTable, fields: InlineTable) {
    for (key, mut value) in fields {
        if let Some(old) = table.get_mut(&key) {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        } else {
            table.insert(&key, value);
        }
    }
}

/// The text of `field` in a table, as a key.
fn key_of(table: &Table, field: &str) -> Option<String> {
    table.get(field).and_then(Item::as_str).map(str::to_owned)
}

/// Merge `items` into the array of tables `section` of `root`, matching by `field` (a server by
/// `node_name`, a user by `cucm_id`); new items go at the end. Returns the index of the first
/// item touched, for the section's note.
pub fn tables(root: &mut Table, section: &str, field: &str, items: Vec<Table>) -> Result<Option<usize>, ShapeError> {
    if items.is_empty() {
        return Ok(None);
    }
    let entry = root
        .entry(section)
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
    let Item::ArrayOfTables(array) = entry else {
        return Err(format!(
            "`{section}` is not written as [[{section}]] tables; collect can only merge into that form"
        ));
    };
    let mut index: HashMap<String, usize> = HashMap::with_capacity(array.len() + items.len());
    for (i, table) in array.iter().enumerate() {
        if let Some(key) = key_of(table, field) {
            index.entry(key).or_insert(i);
        }
    }
    let mut first = None;
    for item in items {
        let at = match key_of(&item, field).and_then(|k| index.get(&k).copied()) {
            Some(i) => {
                if let Some(existing) = array.get_mut(i) {
                    update(existing, item);
                }
                i
            }
            None => {
                let i = array.len();
                if let Some(key) = key_of(&item, field) {
                    index.insert(key, i);
                }
                array.push(item);
                i
            }
        };
        first = Some(first.map_or(at, |f: usize| f.min(at)));
    }
    Ok(first)
}

/// Merge `fields` into the table `section` of `root` (created when absent).
pub fn table<'a>(root: &'a mut Table, section: &str, fields: Table) -> Result<&'a mut Table, ShapeError> {
    let entry = root.entry(section).or_insert_with(|| Item::Table(Table::new()));
    let Some(table) = entry.as_table_mut() else {
        return Err(format!(
            "`{section}` is not a table; collect can only merge into [{section}]"
        ));
    };
    update(table, fields);
    Ok(table)
}

/// The array `key` of `table`, created when absent.
fn array<'a>(table: &'a mut Table, key: &str, path: &str) -> Result<&'a mut Array, ShapeError> {
    let entry = table
        .entry(key)
        .or_insert_with(|| Item::Value(Value::Array(Array::new())));
    entry
        .as_array_mut()
        .ok_or_else(|| format!("`{path}` is not an array; collect can only merge into an array"))
}

/// Merge inline tables into the array `key` of `table`, matching by `field` (a static route by
/// `pattern`); new ones go at the end, one per line.
pub fn inline_tables(
    table: &mut Table,
    key: &str,
    path: &str,
    field: &str,
    items: Vec<InlineTable>,
) -> Result<(), ShapeError> {
    if items.is_empty() {
        return Ok(());
    }
    let array = array(table, key, path)?;
    let text = |t: &InlineTable| t.get(field).and_then(Value::as_str).map(str::to_owned);
    for item in items {
        let found = array.iter_mut().find_map(|v| match v {
            Value::InlineTable(existing) if text(existing).is_some() && text(existing) == text(&item) => Some(existing),
            _ => None,
        });
        match found {
            Some(existing) => set_inline(existing, item),
            None => array.push(item),
        }
    }
    one_per_line(array);
    Ok(())
}

/// Replace the DNS records of every name and type the source gave (its answer is the whole
/// truth for those), keep the others.
pub fn records(root: &mut Table, items: Vec<InlineTable>) -> Result<(), ShapeError> {
    if items.is_empty() {
        return Ok(());
    }
    let dns = table(root, "dns", Table::new())?;
    let array = array(dns, "records", "dns.records")?;
    let key = |t: &InlineTable| {
        let text = |f: &str| t.get(f).and_then(Value::as_str).unwrap_or_default().to_owned();
        (
            text("name").trim_end_matches('.').to_ascii_lowercase(),
            text("type").to_ascii_uppercase(),
        )
    };
    let given: HashSet<(String, String)> = items.iter().map(key).collect();
    array.retain(|v| !matches!(v, Value::InlineTable(t) if given.contains(&key(t))));
    for item in items {
        array.push(item);
    }
    one_per_line(array);
    Ok(())
}
