//! serde over the tree: each node deserializes itself, and an error is placed at the innermost
//! node it arose in, with that node's path.
//!
//! Plain scalars resolve by YAML 1.2's core schema where the type is open (`deserialize_any`,
//! numbers, booleans); where a string is expected, any scalar but a null gives its text, so
//! `version: 7.0` and `telephone_number: 0123` read as written; a key or an enum's name is any
//! scalar's text. TOML's values come typed (see `Scalar::typed`): there a number is no string. A null reads as an empty mapping or sequence where one is expected (`servers:`
//! then `-` alone is a server with no keys), as `None` for an option, and is refused elsewhere.

use serde::de::{self, Expected, Unexpected, Visitor};
use serde::forward_to_deserialize_any;

use super::access::{MapVariant, UnitVariant, visit_map, visit_seq};
use super::error::{Error, Link};
use super::scalar::{self, Int, Tag, Value};
use super::tree::{Kind, Node, Scalar};

/// A node to deserialize, and where it is in the document.
#[derive(Debug, Clone, Copy)]
pub struct NodeDe<'de, 'p> {
    node: &'de Node<'de>,
    link: Link<'p>,
}

impl<'de, 'p> NodeDe<'de, 'p> {
    /// The deserializer of `node`, reached by `link`.
    pub fn new(node: &'de Node<'de>, link: Link<'p>) -> Self {
        Self { node, link }
    }

    /// Run `read` on the node and place its error, if any, here.
    fn placed<T>(self, read: impl FnOnce(&'de Node<'de>, &Link<'_>) -> Result<T, Error>) -> Result<T, Error> {
        read(self.node, &self.link).map_err(|e| e.place(self.node.pos, &self.link))
    }

    fn null(&self) -> bool {
        self.node.scalar().is_some_and(Scalar::is_null)
    }
}

/// What a scalar means: the core schema for a plain untagged one, its type for a tagged one.
fn value<'de>(scalar: &'de Scalar<'de>) -> Result<Value<'de>, Error> {
    let text: &'de str = &scalar.text;
    let (value, expected) = match scalar.tag {
        None if scalar.plain => return Ok(scalar::resolve_plain(text)),
        None | Some(Tag::Str) => return Ok(Value::Str(text)),
        Some(Tag::Null) => (scalar::is_null(text).then_some(Value::Null), "null"),
        Some(Tag::Bool) => (scalar::parse_bool(text).map(Value::Bool), "a boolean"),
        Some(Tag::Int) => (scalar::parse_int(text).map(Value::Int), "an integer"),
        Some(Tag::Float) => (scalar::parse_float(text).map(Value::Float), "a float"),
        // The tree keeps collection tags off scalars.
        Some(Tag::Seq | Tag::Map) => (None, "a scalar"),
    };
    value.ok_or_else(|| de::Error::invalid_value(Unexpected::Str(text), &expected))
}

/// The error refusing `node` where `expected` was: serde's "invalid type: ..., expected ...".
/// Not generic: refusing costs no code per visitor, which keeps the browser build small.
fn refuse(node: &Node<'_>, expected: &dyn Expected) -> Error {
    let unexpected = match &node.kind {
        Kind::Seq(_) => Unexpected::Seq,
        Kind::Map(_) => Unexpected::Map,
        Kind::Scalar(scalar) => match value(scalar) {
            Ok(value) => unexpected(value),
            Err(_) => Unexpected::Str(&scalar.text),
        },
    };
    de::Error::invalid_type(unexpected, expected)
}

fn unexpected(value: Value<'_>) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(boolean) => Unexpected::Bool(boolean),
        Value::Int(Int::U64(n)) => Unexpected::Unsigned(n),
        Value::Int(Int::I64(n)) => Unexpected::Signed(n),
        Value::Int(Int::U128(_) | Int::I128(_)) => Unexpected::Other("a 128-bit integer"),
        Value::Float(n) => Unexpected::Float(n),
        Value::Str(text) => Unexpected::Str(text),
    }
}

/// The node as its own kind says: scalars by the core schema, collections as they are.
fn any<'de, V: Visitor<'de>>(node: &'de Node<'de>, link: &Link<'_>, visitor: V) -> Result<V::Value, Error> {
    match &node.kind {
        Kind::Scalar(scalar) => match value(scalar)? {
            Value::Null => visitor.visit_unit(),
            Value::Bool(boolean) => visitor.visit_bool(boolean),
            Value::Int(Int::U64(n)) => visitor.visit_u64(n),
            Value::Int(Int::I64(n)) => visitor.visit_i64(n),
            Value::Int(Int::U128(n)) => visitor.visit_u128(n),
            Value::Int(Int::I128(n)) => visitor.visit_i128(n),
            Value::Float(n) => visitor.visit_f64(n),
            Value::Str(text) => visitor.visit_borrowed_str(text),
        },
        Kind::Seq(items) => visit_seq(items, link, visitor),
        Kind::Map(entries) => visit_map(entries, link, visitor),
    }
}

impl<'de> de::Deserializer<'de> for NodeDe<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.placed(|node, link| any(node, link, visitor))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.placed(|node, _| match node.scalar().map(value).transpose()? {
            Some(Value::Bool(boolean)) => visitor.visit_bool(boolean),
            _ => Err(refuse(node, &visitor)),
        })
    }

    /// Every integer: serde's visitors check the range.
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.placed(|node, _| match node.scalar().map(value).transpose()? {
            Some(Value::Int(Int::U64(n))) => visitor.visit_u64(n),
            Some(Value::Int(Int::I64(n))) => visitor.visit_i64(n),
            Some(Value::Int(Int::U128(n))) => visitor.visit_u128(n),
            Some(Value::Int(Int::I128(n))) => visitor.visit_i128(n),
            _ => Err(refuse(node, &visitor)),
        })
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }

    /// A float, or an integer read as one.
    #[allow(clippy::cast_precision_loss)]
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.placed(|node, _| match node.scalar().map(value).transpose()? {
            Some(Value::Float(n)) => visitor.visit_f64(n),
            Some(Value::Int(Int::U64(n))) => visitor.visit_f64(n as f64),
            Some(Value::Int(Int::I64(n))) => visitor.visit_f64(n as f64),
            Some(Value::Int(Int::U128(n))) => visitor.visit_f64(n as f64),
            Some(Value::Int(Int::I128(n))) => visitor.visit_f64(n as f64),
            _ => Err(refuse(node, &visitor)),
        })
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.placed(|node, _| match node.scalar() {
            Some(scalar) if scalar.is_text() => visitor.visit_borrowed_str(&scalar.text),
            _ => Err(refuse(node, &visitor)),
        })
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    /// A key or a variant's name: the text of any scalar, a null's too.
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.placed(|node, _| match node.scalar() {
            Some(scalar) => visitor.visit_borrowed_str(&scalar.text),
            None => Err(refuse(node, &visitor)),
        })
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let null = self.null();
        self.placed(|node, _| {
            if null {
                visitor.visit_unit()
            } else {
                Err(refuse(node, &visitor))
            }
        })
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let null = self.null();
        self.placed(|node, link| match &node.kind {
            Kind::Seq(items) => visit_seq(items, link, visitor),
            _ if null => visit_seq(&[], link, visitor),
            _ => Err(refuse(node, &visitor)),
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let null = self.null();
        self.placed(|node, link| match &node.kind {
            Kind::Map(entries) => visit_map(entries, link, visitor),
            _ if null => visit_map(&[], link, visitor),
            _ => Err(refuse(node, &visitor)),
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    /// A unit variant is a scalar naming it; any variant may be a mapping of one key, its name,
    /// to its content.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.placed(|node, link| match &node.kind {
            Kind::Scalar(scalar) if scalar.typed && !scalar.is_text() => Err(refuse(node, &visitor)),
            Kind::Scalar(_) => visitor.visit_enum(UnitVariant(NodeDe::new(node, *link))),
            Kind::Map(entries) if entries.len() == 1 => visitor.visit_enum(MapVariant {
                entry: &entries[0],
                parent: *link,
            }),
            _ => Err(refuse(node, &visitor)),
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bytes byte_buf
    }
}

/// `text` read as `T`, or the error as `line:column: path: message` (for the tests).
#[cfg(test)]
pub fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let root = super::walk::parse(text).map_err(|e| e.message)?;
    T::deserialize(NodeDe::new(&root, Link::Root)).map_err(|e| match e.location() {
        Some((pos, path)) => format!("{}:{}: {path}: {}", pos.line, pos.column, e.message()),
        None => e.message().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;
    use serde_json::{Value as Json, json};

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Server {
        name: String,
        #[serde(default)]
        port: Option<u16>,
        #[serde(default)]
        roles: Vec<Role>,
        #[serde(default)]
        up: bool,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "kebab-case")]
    enum Role {
        Cups,
        Weight(u8),
        Route { to: String },
    }

    #[test]
    fn open_types_read_plain_scalars_by_the_core_schema_and_quoted_ones_as_text() {
        let value: Json =
            read("[~, '', true, 5, -5, 0x10, 1.5, x, '5', \"true\", !!int '7', !!str 8, !!float 2]").unwrap();
        assert_eq!(
            value,
            json!([null, "", true, 5, -5, 16, 1.5, "x", "5", "true", 7, "8", 2.0])
        );
        let mapping: Json = read("a: {b: [1]}\n").unwrap();
        assert_eq!(mapping, json!({"a": {"b": [1]}}));
    }

    #[test]
    fn a_string_takes_any_scalar_as_written_but_a_null() {
        for (text, name) in [
            ("name: 123", "123"),
            ("name: 7.0", "7.0"),
            ("name: true", "true"),
            ("name: '~'", "~"),
        ] {
            assert_eq!(read::<Server>(text).map(|s| s.name), Ok(name.to_owned()), "{text}");
        }
        // An empty value is where saphyr puts it: at its `:`.
        for (text, column) in [("name:", 5), ("name: ~", 7), ("name: null", 7)] {
            assert_eq!(
                read::<Server>(text),
                Err(format!("1:{column}: name: invalid type: null, expected a string")),
                "{text}"
            );
        }
        assert_eq!(
            read::<Server>("name: [a]"),
            Err("1:7: name: invalid type: sequence, expected a string".to_owned())
        );
    }

    #[test]
    fn numbers_and_booleans_in_core_spellings_only() {
        assert_eq!(
            read::<Server>("name: a\nport: 0x13C4\nup: True").map(|s| (s.port, s.up)),
            Ok((Some(5060), true))
        );
        for (text, error) in [
            (
                "name: a\nport: '5060'",
                "2:7: port: invalid type: string \"5060\", expected u16",
            ),
            (
                "name: a\nport: 70000",
                "2:7: port: invalid value: integer `70000`, expected u16",
            ),
            (
                "name: a\nport: -1",
                "2:7: port: invalid value: integer `-1`, expected u16",
            ),
            (
                "name: a\nport: !!int x",
                "2:7: port: invalid value: string \"x\", expected an integer",
            ),
            (
                "name: a\nup: yes",
                "2:5: up: invalid type: string \"yes\", expected a boolean",
            ),
        ] {
            assert_eq!(read::<Server>(text), Err(error.to_owned()), "{text}");
        }
        // A null is no value for an option, and an empty list or mapping where one is expected.
        assert_eq!(
            read::<Server>("name: a\nport: ~\nroles:").map(|s| (s.port, s.roles)),
            Ok((None, vec![]))
        );
        assert_eq!(read::<BTreeMap<String, u8>>("~"), Ok(BTreeMap::new()));
    }

    #[test]
    fn enums_are_a_name_or_a_mapping_of_one_name() {
        let roles = read::<Server>("name: a\nroles: [cups, {weight: 3}, {route: {to: b}}]").map(|s| s.roles);
        assert_eq!(
            roles,
            Ok(vec![Role::Cups, Role::Weight(3), Role::Route { to: "b".to_owned() }])
        );
        for (text, error) in [
            (
                "name: a\nroles: [cupz]",
                "2:9: roles[0]: unknown variant `cupz`, expected one of",
            ),
            (
                "name: a\nroles: [{cups: 1, weight: 2}]",
                "2:9: roles[0]: invalid type: map, expected enum Role",
            ),
            (
                "name: a\nroles: [[cups]]",
                "2:9: roles[0]: invalid type: sequence, expected enum Role",
            ),
            (
                "name: a\nroles: [{weight: x}]",
                "2:18: roles[0].weight: invalid type: string \"x\", expected u8",
            ),
            (
                "name: a\nroles: [weight]",
                "2:9: roles[0]: invalid type: unit variant, expected newtype variant",
            ),
        ] {
            let got = read::<Server>(text).unwrap_err();
            assert!(got.starts_with(error), "{text}:\n{got}\nexpected {error}");
        }
    }

    #[test]
    fn errors_are_placed_at_the_node_they_are_about() {
        // A key the struct does not know: the key itself.
        let got = read::<Server>("name: a\n\nrolez: []\n").unwrap_err();
        assert!(got.starts_with("3:1: rolez: unknown field `rolez`"), "{got}");
        for (text, error) in [
            // A missing key: the mapping, where its first key starts (or `{`).
            ("- name: a\n- port: 1\n", "2:3: [1]: missing field `name`"),
            ("[{name: a}, {port: 1}]", "1:13: [1]: missing field `name`"),
            ("[{name: a}, ~]", "1:13: [1]: missing field `name`"),
            // A value: the value, down to the list item.
            (
                "- name: a\n  roles: [cups, [3]]\n",
                "2:17: [0].roles[1]: invalid type: sequence, expected enum Role",
            ),
            (
                "- name: a\n  port: [1]\n",
                "2:9: [0].port: invalid type: sequence, expected u16",
            ),
        ] {
            let got = read::<Vec<Server>>(text).unwrap_err();
            assert!(got.starts_with(error), "{text:?}:\n{got}\nexpected {error}");
        }
    }

    #[test]
    fn an_error_inside_an_alias_names_where_it_is_used_and_points_where_it_is_written() {
        let text = "good: &g {name: a}\nbad: &b {name: a, port: x}\nservers: [*g, *b]\n";
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Doc {
            good: Server,
            bad: Json,
            servers: Vec<Server>,
        }
        assert_eq!(
            read::<Doc>(text).unwrap_err(),
            "2:25: servers[1].port: invalid type: string \"x\", expected u16"
        );
    }
}
