//! An AXL answer as a small tree of elements, read with quick-xml: local names only (AXL's
//! children are unqualified, and the envelope's prefix is the server's choice), text unescaped.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The deepest nesting read; AXL answers are a handful of levels deep.
const MAX_DEPTH: usize = 64;

/// One element: its local name, attributes, text and children.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    /// The local name (`processNode`, `Body`).
    pub name: String,
    /// Attributes by local name.
    pub attributes: Vec<(String, String)>,
    /// The text directly inside it, trimmed.
    pub text: String,
    /// Child elements, in order.
    pub children: Vec<Element>,
}

impl Element {
    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child named `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The text of child `name`, when it is there and not empty.
    pub fn text_of(&self, name: &str) -> Option<&str> {
        self.child(name).map(|c| c.text.as_str()).filter(|t| !t.is_empty())
    }

    /// The element at `path` below this one (`["return", "ldapSystem"]`).
    pub fn path(&self, path: &[&str]) -> Option<&Element> {
        path.iter().try_fold(self, |at, name| at.child(name))
    }
}

/// The document's root element, or why the bytes are not XML.
pub fn parse(bytes: &[u8]) -> Result<Element, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text: {e}"))?;
    let mut reader = Reader::from_str(text);
    let mut open: Vec<Element> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("not XML at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(start) => {
                if open.len() >= MAX_DEPTH {
                    return Err(format!("XML nested deeper than {MAX_DEPTH} elements"));
                }
                open.push(element(&start)?);
            }
            Event::Empty(start) => {
                let done = element(&start)?;
                if let Some(root) = close(&mut open, done) {
                    return Ok(root);
                }
            }
            Event::End(_) => {
                let done = open.pop().ok_or("an end tag without its start")?;
                if let Some(root) = close(&mut open, done) {
                    return Ok(root);
                }
            }
            Event::Text(text) => {
                if let Some(current) = open.last_mut() {
                    let text = text.decode().map_err(|e| format!("undecodable text: {e}"))?;
                    let text = quick_xml::escape::unescape(&text).map_err(|e| format!("bad XML escape: {e}"))?;
                    current.text.push_str(&text);
                }
            }
            Event::CData(data) => {
                if let Some(current) = open.last_mut() {
                    current.text.push_str(&String::from_utf8_lossy(&data));
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(current) = open.last_mut() {
                    let name = reference.decode().map_err(|e| format!("undecodable reference: {e}"))?;
                    let written = format!("&{name};");
                    let text = quick_xml::escape::unescape(&written).map_err(|e| format!("bad XML escape: {e}"))?;
                    current.text.push_str(&text);
                }
            }
            Event::Eof => return Err("the XML ends before its root element closes".to_owned()),
            _ => {}
        }
    }
}

/// Attach `done` (its text trimmed) to its parent; the root when there is none.
fn close(open: &mut [Element], mut done: Element) -> Option<Element> {
    let trimmed = done.text.trim();
    if trimmed.len() != done.text.len() {
        done.text = trimmed.to_owned();
    }
    match open.last_mut() {
        Some(parent) => {
            parent.children.push(done);
            None
        }
        None => Some(done),
    }
}

fn element(start: &BytesStart<'_>) -> Result<Element, String> {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| format!("bad attribute in <{name}>: {e}"))?;
        let key = String::from_utf8_lossy(attribute.key.local_name().as_ref()).into_owned();
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| format!("bad attribute value in <{name}>: {e}"))?
            .into_owned();
        attributes.push((key, value));
    }
    Ok(Element {
        name,
        attributes,
        ..Element::default()
    })
}

/// `text` safe inside an XML element.
pub fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_keep_local_names_text_and_order() {
        let root = parse(
            b"<s:Envelope xmlns:s='x'><s:Body><ns:r xmlns:ns='y'><a uuid='{1}'>one &amp; two</a><a/><b><![CDATA[<c>]]></b></ns:r></s:Body></s:Envelope>",
        )
        .unwrap();
        let r = root.path(&["Body", "r"]).unwrap();
        let texts: Vec<&str> = r.all("a").map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["one & two", ""]);
        assert_eq!(
            r.child("a").unwrap().attributes,
            [("uuid".to_owned(), "{1}".to_owned())]
        );
        assert_eq!(r.text_of("b"), Some("<c>"));
        assert_eq!(r.text_of("missing"), None);
    }

    #[test]
    fn what_is_not_xml_says_so() {
        assert!(
            parse(b"<html><body>Service Unavailable")
                .unwrap_err()
                .contains("ends before")
        );
        assert!(parse(b"\xff\xfe").unwrap_err().contains("UTF-8"));
        assert!(parse(b"<a></b>").is_err());
        assert_eq!(escape("a<b & 'c'"), "a&lt;b &amp; &apos;c&apos;");
    }
}
