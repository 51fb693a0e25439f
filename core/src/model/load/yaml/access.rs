//! How serde walks a sequence, a mapping and an enum of the tree: each item, key and value
//! deserialized by its own node, with its link in the path; a repeated key refused where it
//! repeats.

use std::collections::hash_map::Entry as Slot;
use std::fmt;

use rustc_hash::FxHashMap;
use serde::de::{self, DeserializeSeed, Expected, Unexpected, Visitor};

use super::de::NodeDe;
use super::error::{Error, Link};
use super::tree::{Entry, Node};
use crate::model::source_map::Pos;

/// Mappings with more keys than this find repeated keys by hashing rather than by scanning.
const SCAN_KEYS: usize = 16;

/// `visitor` over the sequence of `items`, at `link`.
pub fn visit_seq<'de, V: Visitor<'de>>(
    items: &'de [Node<'de>],
    link: &Link<'_>,
    visitor: V,
) -> Result<V::Value, Error> {
    let mut access = SeqAccess {
        items,
        index: 0,
        parent: link,
    };
    let value = visitor.visit_seq(&mut access)?;
    access.finish()?;
    Ok(value)
}

/// `visitor` over the mapping of `entries`, at `link`.
pub fn visit_map<'de, V: Visitor<'de>>(
    entries: &'de [Entry<'de>],
    link: &Link<'_>,
    visitor: V,
) -> Result<V::Value, Error> {
    let mut access = MapAccess {
        entries,
        index: 0,
        parent: link,
        seen: FxHashMap::default(),
    };
    let value = visitor.visit_map(&mut access)?;
    access.finish()?;
    Ok(value)
}

/// A visitor that stopped early refuses the rest: the length it took is not the one written.
fn finish(len: usize, taken: usize, what: &'static str) -> Result<(), Error> {
    if taken < len {
        return Err(de::Error::invalid_length(len, &Fewer(taken, what)));
    }
    Ok(())
}

/// What a visitor that stopped early took: `n` items or entries.
struct Fewer(usize, &'static str);

impl Expected for Fewer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0, self.1)
    }
}

/// The link to a mapping's value: its key when the key is a scalar.
fn key_link<'q>(parent: &'q Link<'q>, key: &'q Node<'q>) -> Link<'q> {
    match key.scalar() {
        Some(key) => Link::Key(parent, &key.text),
        None => *parent,
    }
}

struct SeqAccess<'de, 'q> {
    items: &'de [Node<'de>],
    index: usize,
    parent: &'q Link<'q>,
}

impl<'de> de::SeqAccess<'de> for SeqAccess<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        let Some(item) = self.items.get(self.index) else {
            return Ok(None);
        };
        let link = Link::Index(self.parent, self.index);
        self.index += 1;
        seed.deserialize(NodeDe::new(item, link)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.index)
    }
}

impl SeqAccess<'_, '_> {
    fn finish(&self) -> Result<(), Error> {
        finish(self.items.len(), self.index, "items")
    }
}

struct MapAccess<'de, 'q> {
    entries: &'de [Entry<'de>],
    /// The next entry's key.
    index: usize,
    parent: &'q Link<'q>,
    /// The keys read so far and where, in a mapping too large to scan.
    seen: FxHashMap<&'de str, Pos>,
}

impl<'de> MapAccess<'de, '_> {
    fn finish(&self) -> Result<(), Error> {
        finish(self.entries.len(), self.index, "entries")
    }

    /// Where the key of the entry at `index` was written before, if it was.
    fn earlier(&mut self, index: usize) -> Option<Pos> {
        let key = self.entries.get(index)?.key.scalar()?;
        if self.entries.len() <= SCAN_KEYS {
            let earlier = self.entries.get(..index)?.iter();
            return earlier
                .filter(|e| e.key.scalar().is_some_and(|k| k.text == key.text))
                .map(|e| e.key.pos)
                .next();
        }
        let pos = self.entries.get(index)?.key.pos;
        match self.seen.entry(&key.text) {
            Slot::Occupied(first) => Some(*first.get()),
            Slot::Vacant(slot) => {
                slot.insert(pos);
                None
            }
        }
    }
}

impl<'de> de::MapAccess<'de> for MapAccess<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let index = self.index;
        let Some(entry) = self.entries.get(index) else {
            return Ok(None);
        };
        if let Some(first) = self.earlier(index) {
            let key = entry.key.scalar().map(|k| &*k.text).unwrap_or_default();
            return Err(Error::at(
                format!("duplicate key `{key}` (first written at line {})", first.line),
                entry.key.pos,
                self.parent,
            ));
        }
        self.index += 1;
        seed.deserialize(NodeDe::new(&entry.key, key_link(self.parent, &entry.key)))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let entry = self
            .index
            .checked_sub(1)
            .and_then(|i| self.entries.get(i))
            .ok_or_else(|| <Error as de::Error>::custom("a mapping's value was read before its key"))?;
        seed.deserialize(NodeDe::new(&entry.value, key_link(self.parent, &entry.key)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len() - self.index)
    }
}

/// An enum written as a scalar: the variant's name, with no content.
pub struct UnitVariant<'de, 'p>(pub NodeDe<'de, 'p>);

impl<'de, 'p> de::EnumAccess<'de> for UnitVariant<'de, 'p> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        Ok((seed.deserialize(self.0)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value, Error> {
        Err(de::Error::invalid_type(Unexpected::UnitVariant, &"newtype variant"))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value, Error> {
        Err(de::Error::invalid_type(Unexpected::UnitVariant, &"tuple variant"))
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], _visitor: V) -> Result<V::Value, Error> {
        Err(de::Error::invalid_type(Unexpected::UnitVariant, &"struct variant"))
    }
}

/// An enum written as a mapping of one key: the variant's name, then its content.
pub struct MapVariant<'de, 'p> {
    /// The one entry: the variant's name and its content.
    pub entry: &'de Entry<'de>,
    /// Where the mapping is.
    pub parent: Link<'p>,
}

impl<'de, 'p> de::EnumAccess<'de> for MapVariant<'de, 'p> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let key = NodeDe::new(&self.entry.key, key_link(&self.parent, &self.entry.key));
        Ok((seed.deserialize(key)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for MapVariant<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        let content = NodeDe::new(&self.entry.value, key_link(&self.parent, &self.entry.key));
        de::Deserialize::deserialize(content)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(NodeDe::new(&self.entry.value, key_link(&self.parent, &self.entry.key)))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        let content = NodeDe::new(&self.entry.value, key_link(&self.parent, &self.entry.key));
        de::Deserializer::deserialize_seq(content, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        let content = NodeDe::new(&self.entry.value, key_link(&self.parent, &self.entry.key));
        de::Deserializer::deserialize_struct(content, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use crate::model::load::yaml::de::read;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Server {
        name: String,
        #[serde(default)]
        up: bool,
    }

    #[test]
    fn a_repeated_key_is_refused_where_it_repeats() {
        assert_eq!(
            read::<Vec<Server>>("- name: a\n  up: true\n  name: b\n"),
            Err("3:3: [0]: duplicate key `name` (first written at line 1)".to_owned())
        );
        assert_eq!(
            read::<BTreeMap<String, u8>>("{a: 1, 'a': 2}"),
            Err("1:8: : duplicate key `a` (first written at line 1)".to_owned())
        );
        // Past a few keys, they are hashed rather than scanned: the same answer.
        let mut text: String = (0..40).map(|i| format!("k{i}: {i}\n")).collect();
        assert_eq!(read::<BTreeMap<String, u8>>(&text).map(|m| m.len()), Ok(40));
        text.push_str("k7: 0\n");
        assert_eq!(
            read::<BTreeMap<String, u8>>(&text),
            Err("41:1: : duplicate key `k7` (first written at line 8)".to_owned())
        );
    }
}
