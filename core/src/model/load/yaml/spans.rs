//! The tree of positions: from the value tree once the deserializer has read it (YAML), or
//! straight from saphyr's events when only positions are wanted (JSON, whose values serde_json
//! reads).

use saphyr_parser::{Event, Parser, Span};

use super::tree::{Kind, Node};
use super::walk::{MAX_DEPTH, pos};
use crate::model::source_map::{Children, SpanNode};

impl From<Node<'_>> for SpanNode {
    fn from(node: Node<'_>) -> Self {
        let children = match node.kind {
            Kind::Scalar(_) => Children::None,
            Kind::Seq(items) => Children::Array(items.into_iter().map(Self::from).collect()),
            Kind::Map(entries) => Children::Table(
                entries
                    .into_iter()
                    .map(|entry| {
                        let key = match entry.key.kind {
                            Kind::Scalar(key) => key.text.into_owned(),
                            _ => String::new(),
                        };
                        (key, entry.key.pos, Self::from(entry.value))
                    })
                    .collect(),
            ),
        };
        Self {
            pos: node.pos,
            end: node.end,
            children,
        }
    }
}

/// The tree of positions of YAML (or JSON) `text`, straight from saphyr's events; empty when
/// the text does not parse, since its parser has then already said why. For JSON, which
/// serde_json reads: it has no aliases or tags to honour, and skipping the value tree keeps
/// JSON's loading as fast as its positions allow.
pub fn positions(text: &str) -> SpanNode {
    // After an error the parser repeats it forever: stop at the first.
    let mut events = Parser::new_from_str(text).map_while(Result::ok);
    while let Some((event, _)) = events.next() {
        if matches!(event, Event::DocumentStart(_)) {
            return events
                .next()
                .and_then(|(event, span)| build(event, span, &mut events, 0))
                .unwrap_or_default();
        }
    }
    SpanNode::default()
}

/// The positions of the node that starts with `event`, inside `depth` collections; `None` at
/// the end of the events or nested too deep (serde_json refuses that much nesting anyway).
fn build<'a>(
    event: Event<'a>,
    span: Span,
    events: &mut impl Iterator<Item = (Event<'a>, Span)>,
    depth: usize,
) -> Option<SpanNode> {
    let (children, last) = match event {
        Event::MappingStart(..) if depth < MAX_DEPTH => {
            let mut entries = Vec::new();
            let end = loop {
                let (key_event, key_span) = events.next()?;
                let key = match key_event {
                    Event::MappingEnd => break key_span,
                    Event::Scalar(key, ..) => key.into_owned(),
                    // Complex keys are not part of the schema; keep the structure consistent.
                    other => {
                        build(other, key_span, events, depth + 1)?;
                        String::new()
                    }
                };
                let (value_event, value_span) = events.next()?;
                entries.push((
                    key,
                    pos(key_span.start),
                    build(value_event, value_span, events, depth + 1)?,
                ));
            };
            (Children::Table(entries), end)
        }
        Event::SequenceStart(..) if depth < MAX_DEPTH => {
            let mut items = Vec::new();
            let end = loop {
                let (item_event, item_span) = events.next()?;
                if matches!(item_event, Event::SequenceEnd) {
                    break item_span;
                }
                items.push(build(item_event, item_span, events, depth + 1)?);
            };
            (Children::Array(items), end)
        }
        Event::MappingStart(..) | Event::SequenceStart(..) => return None,
        _ => (Children::None, span),
    };
    // A flow collection ends with its `}` or `]`; a block one where the next token starts.
    Some(SpanNode {
        pos: pos(span.start),
        end: pos(last.end),
        children,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::yaml::walk;

    /// JSON's positions come straight from the events, YAML's from the value tree: the same
    /// text gives the same tree of positions both ways (aliases aside, which JSON has not).
    #[test]
    fn both_ways_to_the_positions_agree() {
        for text in [
            "servers:\n  - node_name: a\n    roles: [cups]\n  - roles: [cups]\n",
            "servers: [{node_name: ééé, roles: [cups, cüps]}]\n",
            "a: |\n  text\n  more\nb: >\n  folded\nc:\n  - x\n  -\n  - {a: b, c: }\n? [complex]\n: key\n",
            "{\n  \"servers\": [\n    {\"node_name\": \"a\", \"roles\": [\"cups\"]}\n  ],\n  \"n\": 1\n}\n",
        ] {
            let from_tree = SpanNode::from(walk::parse(text).unwrap());
            assert_eq!(positions(text), from_tree, "{text}");
        }
        assert_eq!(positions("a: [\n"), SpanNode::default());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(positions(&deep), SpanNode::default());
    }
}
