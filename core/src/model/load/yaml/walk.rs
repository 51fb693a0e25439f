//! One walk over saphyr's events builds the value tree the deserializer reads.
//!
//! An alias is expanded into a copy of its anchor's node, under a budget: a few lines of aliases
//! of aliases (the "billion laughs") would otherwise grow into billions of nodes. Nesting is
//! bounded too, since reading the tree recurses. A deployment file is one document.

use std::borrow::Cow;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError, Span, StrInput, Tag as ParsedTag};

use super::scalar::{self, Tag};
use super::tree::{Entry, Kind, Node, Scalar};
use crate::model::load::error::ProblemKind;
use crate::model::source_map::Pos;

/// The most collections one may nest in another, counting aliases' contents.
pub const MAX_DEPTH: usize = 128;

/// Aliases may always add this many nodes to the document...
pub const ALIAS_NODES: usize = 100_000;

/// ...or this many per node written in the file, when that is more.
pub const ALIAS_NODES_PER_WRITTEN: usize = 10;

/// Why the text gave no tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    /// Syntax for what saphyr refuses and the limits; Type for a tag uclint cannot read.
    pub kind: ProblemKind,
    /// What is wrong, saying what to do.
    pub message: String,
    /// Where.
    pub pos: Pos,
    /// How to fix it, when the message cannot say it plainly.
    pub help: Option<&'static str>,
}

/// The walk's results: the error boxed, so that the results it moves around stay small.
type Walked<T> = Result<T, Box<WalkError>>;

impl WalkError {
    fn syntax(pos: Pos, message: impl Into<String>) -> Box<Self> {
        Box::new(Self {
            kind: ProblemKind::Syntax,
            message: message.into(),
            pos,
            help: None,
        })
    }
}

/// The tree of YAML `text`'s one document: a null at the start when the text holds none.
pub fn parse(text: &str) -> Result<Node<'_>, WalkError> {
    if let Some(at) = lone_carriage_return(text) {
        return Err(*WalkError::syntax(
            at,
            "a carriage return without a line feed: uclint reads line breaks as LF or CRLF \
             (as TOML does); save the file with either",
        ));
    }
    let mut walker = Walker {
        text,
        parser: Parser::new_from_str(text),
        anchors: Vec::new(),
        written: 0,
        expanded: 0,
    };
    walker.document().map_err(|e| *e)
}

/// An anchored node, with what each alias to it costs.
struct Anchor<'a> {
    node: Node<'a>,
    /// Its nodes, itself included.
    size: usize,
    /// The collections nested in it, itself included.
    height: usize,
}

struct Walker<'a> {
    text: &'a str,
    parser: Parser<'a, StrInput<'a>>,
    /// The anchored nodes built so far, by saphyr's anchor id (ids count from 1).
    anchors: Vec<Option<Anchor<'a>>>,
    /// Nodes read from the text.
    written: usize,
    /// Nodes copied in by aliases.
    expanded: usize,
}

impl<'a> Walker<'a> {
    #[inline]
    fn next(&mut self) -> Walked<(Event<'a>, Span)> {
        match self.parser.next_event() {
            Some(Ok(event)) => Ok(event),
            Some(Err(error)) => Err(syntax_error(&error, self.text)),
            // saphyr ends every stream with StreamEnd, after which nothing is asked.
            None => Err(WalkError::syntax(Pos::default(), "invalid YAML: the text ended early")),
        }
    }

    fn document(&mut self) -> Walked<Node<'a>> {
        let mut root = None;
        loop {
            let (event, span) = self.next()?;
            match event {
                Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
                Event::DocumentStart(_) if root.is_some() => {
                    return Err(WalkError::syntax(
                        pos(span.start),
                        "a second YAML document: a deployment file holds one (remove this `---` and what follows, or merge the two)",
                    ));
                }
                Event::DocumentStart(_) => {
                    let (event, span) = self.next()?;
                    root = Some(self.node(event, span, 0)?);
                }
                Event::StreamEnd => {
                    let start = Pos { line: 1, column: 1 };
                    let null = || {
                        let null = Scalar {
                            text: Cow::Borrowed(""),
                            plain: true,
                            tag: None,
                            typed: false,
                        };
                        Node {
                            pos: start,
                            end: start,
                            kind: Kind::Scalar(null),
                        }
                    };
                    return Ok(root.unwrap_or_else(null));
                }
                // A node outside a document cannot come from saphyr.
                _ => {
                    return Err(WalkError::syntax(
                        pos(span.start),
                        "invalid YAML: a node outside any document",
                    ));
                }
            }
        }
    }

    /// The node that starts with `event`, inside `depth` collections.
    fn node(&mut self, event: Event<'a>, span: Span, depth: usize) -> Walked<Node<'a>> {
        let start = pos(span.start);
        let (anchor, node) = match event {
            Event::Alias(id) => return self.alias(id, span, depth),
            Event::Scalar(text, style, anchor, tag) => {
                let tag = self.tag(tag.as_deref(), start, Tag::is_scalar)?;
                self.written += 1;
                let scalar = Scalar {
                    text,
                    plain: style == ScalarStyle::Plain,
                    tag,
                    typed: false,
                };
                let node = Node {
                    pos: start,
                    end: pos(span.end),
                    kind: Kind::Scalar(scalar),
                };
                (anchor, node)
            }
            Event::SequenceStart(anchor, tag) => {
                self.tag(tag.as_deref(), start, |t| t == Tag::Seq)?;
                self.open(start, depth)?;
                (anchor, self.sequence(start, depth)?)
            }
            Event::MappingStart(anchor, tag) => {
                self.tag(tag.as_deref(), start, |t| t == Tag::Map)?;
                self.open(start, depth)?;
                (anchor, self.mapping(start, depth)?)
            }
            _ => return Err(WalkError::syntax(start, "invalid YAML: expected a node here")),
        };
        if anchor > 0 {
            let (size, height) = node.measure();
            self.anchors.resize_with(self.anchors.len().max(anchor + 1), || None);
            self.anchors[anchor] = Some(Anchor {
                node: node.clone(),
                size,
                height,
            });
        }
        Ok(node)
    }

    /// Start a collection, refusing one nested too deep. (Its anchor, if any, is stored once it
    /// is built: an alias inside it finds none and is refused as recursive.)
    fn open(&mut self, start: Pos, depth: usize) -> Walked<()> {
        if depth >= MAX_DEPTH {
            return Err(too_deep(start));
        }
        self.written += 1;
        Ok(())
    }

    fn sequence(&mut self, start: Pos, depth: usize) -> Walked<Node<'a>> {
        let mut items = Vec::new();
        let end = loop {
            let (event, span) = self.next()?;
            if matches!(event, Event::SequenceEnd) {
                break span;
            }
            items.push(self.node(event, span, depth + 1)?);
        };
        Ok(Node {
            pos: start,
            end: pos(end.end),
            kind: Kind::Seq(items),
        })
    }

    fn mapping(&mut self, start: Pos, depth: usize) -> Walked<Node<'a>> {
        let mut entries = Vec::new();
        let end = loop {
            let (event, span) = self.next()?;
            if matches!(event, Event::MappingEnd) {
                break span;
            }
            let key = self.node(event, span, depth + 1)?;
            let (event, span) = self.next()?;
            let value = self.node(event, span, depth + 1)?;
            entries.push(Entry { key, value });
        };
        Ok(Node {
            pos: start,
            end: pos(end.end),
            kind: Kind::Map(entries),
        })
    }

    /// A copy of the node alias `id` names, placed at the alias, if the budget allows.
    fn alias(&mut self, id: usize, span: Span, depth: usize) -> Walked<Node<'a>> {
        let at = pos(span.start);
        // Only an error names the alias: finding its text counts characters from the start.
        let name = || chars(self.text, span.start, span.end);
        let Some(Some(anchor)) = self.anchors.get(id) else {
            return Err(WalkError::syntax(
                at,
                format!(
                    "the alias `{}` is inside the node it names: a recursive alias cannot be read",
                    name()
                ),
            ));
        };
        if depth + anchor.height > MAX_DEPTH {
            return Err(too_deep(at));
        }
        let budget = ALIAS_NODES.max(self.written.saturating_mul(ALIAS_NODES_PER_WRITTEN));
        let expanded = self.expanded.saturating_add(anchor.size);
        if expanded > budget {
            return Err(WalkError::syntax(
                at,
                format!(
                    "the alias `{}` would make aliases copy more than {budget} nodes (the most allowed: \
                     {ALIAS_NODES}, or {ALIAS_NODES_PER_WRITTEN} per node written): refusing what reads like an alias bomb",
                    name()
                ),
            ));
        }
        self.expanded = expanded;
        let mut node = anchor.node.clone();
        node.pos = at;
        node.end = pos(span.end);
        Ok(node)
    }

    /// The core tag `tag` names, if `fits` the node; any other tag is refused.
    fn tag(&self, tag: Option<&ParsedTag>, at: Pos, fits: fn(Tag) -> bool) -> Walked<Option<Tag>> {
        let Some(tag) = tag else { return Ok(None) };
        match Tag::of(tag) {
            Some(core) if fits(core) => Ok(Some(core)),
            _ => Err(Box::new(WalkError {
                kind: ProblemKind::Type,
                message: format!(
                    "the YAML tag `{}` cannot be read here: uclint reads the core schema's tags only \
                     (!!str, !!int, !!float, !!bool, !!null on scalars; !!seq, !!map on collections)",
                    scalar::written(tag)
                ),
                pos: at,
                help: None,
            })),
        }
    }
}

/// Where the first carriage return not followed by a line feed is, if any. YAML 1.2 reads one as
/// a line break; every other line count in uclint (the other formats, the source lines shown
/// under a finding, an editor's LF or CRLF file) does not, so a position past one would point
/// at the wrong line.
fn lone_carriage_return(text: &str) -> Option<Pos> {
    let bytes = text.as_bytes();
    let at = (0..bytes.len()).find(|&i| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))?;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    Some(Pos {
        line: to_u32(text[..at].matches('\n').count() + 1),
        column: to_u32(text[line_start..at].chars().count() + 1),
    })
}

/// saphyr's syntax error, in its words. It refuses a tab alone between `:` or `-` and what
/// follows on the line, which YAML 1.2 allows and libyaml took: say how to write it instead.
fn syntax_error(error: &ScanError, text: &str) -> Box<WalkError> {
    let mark = *error.marker();
    let mut problem = WalkError::syntax(pos(mark), format!("invalid YAML: {}", error.info()));
    let before = chars(text, Marker::new(mark.index().saturating_sub(1), 0, 0), mark);
    if error.info().ends_with("must be followed by a valid YAML whitespace") && before == "\t" {
        problem.help = Some("put a space after the `:` or `-`: uclint's YAML parser takes no tab alone there");
    }
    problem
}

fn too_deep(at: Pos) -> Box<WalkError> {
    WalkError::syntax(
        at,
        format!("the YAML nests collections more than {MAX_DEPTH} deep: a deployment needs a handful of levels"),
    )
}

/// saphyr's position, as the tree of positions counts: lines and columns from 1, in characters.
pub fn pos(mark: Marker) -> Pos {
    Pos {
        line: to_u32(mark.line()),
        column: to_u32(mark.col() + 1),
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The text from `start` to `end` (saphyr counts characters, not bytes).
fn chars(text: &str, start: Marker, end: Marker) -> &str {
    let byte = |index: usize| text.char_indices().nth(index).map_or(text.len(), |(i, _)| i);
    text.get(byte(start.index())..byte(end.index())).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> WalkError {
        parse(text).unwrap_err()
    }

    fn at(error: &WalkError) -> (u32, u32) {
        (error.pos.line, error.pos.column)
    }

    #[test]
    fn a_lone_carriage_return_is_refused_where_it_is() {
        // Found by the deployment_yaml fuzz target: saphyr counted the CRs as lines, past the
        // text's last line as everything else counts them.
        let e = error("servers:\r\r  - node_name: a\n");
        assert_eq!(at(&e), (1, 9));
        assert!(
            e.message.contains("carriage return without a line feed"),
            "{}",
            e.message
        );
        let e = error("domain: acme.com\r\nservers:\n  - node_name: a\rb\n");
        assert_eq!(at(&e), (3, 17));
        // CRLF is a line break like LF.
        assert!(parse("servers:\r\n  - node_name: a\r\n").is_ok());
    }

    #[test]
    fn nodes_know_where_they_start_and_end() {
        let root = parse("servers:\n  - node_name: a\n    roles: [cups]\n").unwrap();
        let Kind::Map(entries) = &root.kind else {
            panic!("{root:?}")
        };
        let Kind::Seq(servers) = &entries[0].value.kind else {
            panic!()
        };
        assert_eq!((servers[0].pos.line, servers[0].pos.column), (2, 5));
        let Kind::Map(server) = &servers[0].kind else { panic!() };
        let roles = &server[1].value;
        assert_eq!(
            ((roles.pos.line, roles.pos.column), (roles.end.line, roles.end.column)),
            ((3, 12), (3, 18))
        );
        let name = server[0].value.scalar().unwrap();
        assert_eq!((&*name.text, name.plain, name.tag), ("a", true, None));
    }

    #[test]
    fn an_empty_value_is_a_null_where_it_would_be() {
        let root = parse("servers:\n  -\n").unwrap();
        let Kind::Map(entries) = &root.kind else { panic!() };
        let Kind::Seq(items) = &entries[0].value.kind else {
            panic!()
        };
        assert!(items[0].scalar().unwrap().is_null());
        assert_eq!((items[0].pos.line, items[0].pos.column), (2, 4));
        let empty = parse("# nothing\n...\n").unwrap();
        assert!(empty.scalar().is_some_and(Scalar::is_null));
    }

    #[test]
    fn an_alias_is_a_copy_of_its_anchor_placed_at_the_alias() {
        let root = parse("a: &x [1, {b: 2}]\nc: *x\n").unwrap();
        let Kind::Map(entries) = &root.kind else { panic!() };
        assert_eq!(entries[1].value.kind, entries[0].value.kind);
        assert_eq!((entries[1].value.pos.line, entries[1].value.pos.column), (2, 4));
        let e = error("a: &x [1, *x]\n");
        assert_eq!(at(&e), (1, 11));
        assert!(e.message.contains("`*x` is inside the node it names"), "{}", e.message);
    }

    #[test]
    fn an_alias_bomb_is_refused_at_the_alias_that_breaks_the_budget() {
        // Nine levels of nine aliases each would be 9^9 (387 million) nodes.
        let mut text = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for level in 1..9 {
            let previous = format!("*a{}", level - 1);
            let items = [previous.as_str(); 9].join(", ");
            text.push_str(&format!("a{level}: &a{level} [{items}]\n"));
        }
        let e = error(&text);
        assert_eq!(e.kind, ProblemKind::Syntax);
        assert!(e.message.contains("alias bomb"), "{}", e.message);
        assert!(
            e.message
                .starts_with("the alias `*a4` would make aliases copy more than 100000 nodes"),
            "{}",
            e.message
        );
        assert_eq!(e.pos.line, 6);
        // A file that writes many nodes may copy proportionally many.
        let mut big = String::from("x: &x [a, b, c, d, e, f, g, h, i]\nys:\n");
        for _ in 0..12_000 {
            big.push_str("  - [*x, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n");
        }
        assert!(parse(&big).is_ok());
    }

    #[test]
    fn nesting_is_bounded_even_through_aliases() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&deep).is_ok());
        let deeper = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let e = error(&deeper);
        assert_eq!(at(&e), (1, 129));
        assert!(e.message.contains("more than 128 deep"), "{}", e.message);
        let half = MAX_DEPTH / 2 + 1;
        let via_alias = format!(
            "a: &x {}{}\nb: {}*x{}\n",
            "[".repeat(half),
            "]".repeat(half),
            "[".repeat(half),
            "]".repeat(half)
        );
        assert_eq!(error(&via_alias).pos.line, 2);
    }

    #[test]
    fn core_tags_are_kept_and_others_refused() {
        let root = parse("a: !!str 5\nb: !!int '7'\nc: !!map {}\n").unwrap();
        let Kind::Map(entries) = &root.kind else { panic!() };
        assert_eq!(entries[0].value.scalar().unwrap().tag, Some(Tag::Str));
        assert_eq!(entries[1].value.scalar().unwrap().tag, Some(Tag::Int));
        for (text, tag, column) in [
            ("a: !!binary aGk=\n", "!!binary", 4),
            ("a: !Role cups\n", "!Role", 4),
            ("a: !!str [x]\n", "!!str", 4),
            ("a: !!seq x\n", "!!seq", 4),
        ] {
            let e = error(text);
            assert_eq!(e.kind, ProblemKind::Type);
            assert!(
                e.message
                    .starts_with(&format!("the YAML tag `{tag}` cannot be read here")),
                "{}",
                e.message
            );
            assert_eq!(at(&e), (1, column), "{text:?}");
        }
    }

    #[test]
    fn one_document_only() {
        assert!(parse("---\na: 1\n...\n").is_ok());
        let e = error("a: 1\n---\nb: 2\n");
        assert_eq!(at(&e), (2, 1));
        assert!(e.message.starts_with("a second YAML document"), "{}", e.message);
    }

    #[test]
    fn saphyr_words_syntax_errors_and_places_them() {
        let e = error("servers: [\n");
        assert_eq!(e.kind, ProblemKind::Syntax);
        assert!(e.message.starts_with("invalid YAML: "), "{}", e.message);
    }
}
