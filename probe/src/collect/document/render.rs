//! Model values as a person writes them in the deployment file: nested tables inline, nothing
//! empty, one array element per line.

use serde::Serialize;
use toml_edit::{Array, InlineTable, Item, Table, Value};

/// `item` (a server, a user, the SIP proxy...) as a table, or why it cannot be written.
pub fn table<T: Serialize>(item: &T) -> Result<Table, String> {
    let document = toml_edit::ser::to_document(item).map_err(|e| e.to_string())?;
    let mut table = document.as_table().clone();
    tidy_table(&mut table);
    table.set_implicit(false);
    Ok(table)
}

/// The same item as an inline table (for arrays of inline tables: records, routes).
pub fn inline<T: Serialize>(item: &T) -> Result<InlineTable, String> {
    Ok(table(item)?.into_inline_table())
}

fn tidy_table(table: &mut Table) {
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    for key in keys {
        let Some(item) = table.get_mut(&key) else { continue };
        if let Item::Table(nested) = item {
            let mut inline = std::mem::take(nested).into_inline_table();
            tidy_inline(&mut inline);
            *item = Item::Value(Value::InlineTable(inline));
        }
        if let Item::Value(value) = item {
            tidy_value(value);
        }
        if is_empty(item) {
            table.remove(&key);
        }
    }
}

fn tidy_inline(table: &mut InlineTable) {
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    for key in keys {
        if let Some(value) = table.get_mut(&key) {
            tidy_value(value);
            if value_is_empty(value) {
                table.remove(&key);
            }
        }
    }
    table.fmt();
}

fn tidy_value(value: &mut Value) {
    match value {
        Value::InlineTable(inline) => tidy_inline(inline),
        Value::Array(array) => {
            for element in array.iter_mut() {
                tidy_value(element);
            }
            if array.iter().any(|v| matches!(v, Value::InlineTable(_))) {
                one_per_line(array);
            }
        }
        _ => {}
    }
}

/// Each element on its own line, indented, with a trailing comma: diffs stay one line each.
pub fn one_per_line(array: &mut Array) {
    for element in array.iter_mut() {
        element.decor_mut().set_prefix("\n  ");
        element.decor_mut().set_suffix("");
    }
    array.set_trailing_comma(true);
    array.set_trailing("\n");
}

fn is_empty(item: &Item) -> bool {
    match item {
        Item::None => true,
        Item::Value(value) => value_is_empty(value),
        Item::Table(table) => table.is_empty(),
        Item::ArrayOfTables(tables) => tables.is_empty(),
    }
}

fn value_is_empty(value: &Value) -> bool {
    match value {
        Value::Array(array) => array.is_empty(),
        Value::InlineTable(table) => table.is_empty(),
        _ => false,
    }
}
