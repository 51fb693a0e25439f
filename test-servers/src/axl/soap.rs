//! The stand-in's SOAP: what a request asks (its operation and the text of its elements, by
//! path below the operation), and the envelopes of its answers.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::escape::{escape, unescape};
use quick_xml::events::Event;

/// AXL 10.5's namespace.
pub const NAMESPACE: &str = "http://www.cisco.com/AXL/API/10.5";

/// A request: `listUser`, and `{"skip": "0", "first": "3", "searchCriteria/userid": "%"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Asked {
    /// The operation (the body's element).
    pub operation: String,
    /// Text of each element below the operation, by path (`searchCriteria/userid`).
    pub fields: HashMap<String, String>,
}

impl Asked {
    /// The text at `path`.
    pub fn field(&self, path: &str) -> Option<&str> {
        self.fields.get(path).map(String::as_str)
    }
}

/// Read a request body; why not when it is not a SOAP request.
pub fn read(body: &str) -> Result<Asked, String> {
    let mut reader = Reader::from_str(body);
    let mut path: Vec<String> = Vec::new();
    let mut asked = Asked::default();
    let mut text = String::new();
    loop {
        match reader.read_event().map_err(|e| format!("not XML: {e}"))? {
            Event::Start(start) => {
                path.push(String::from_utf8_lossy(start.local_name().as_ref()).into_owned());
                text.clear();
                if path.len() == 3 && path[1] == "Body" {
                    asked.operation = path[2].clone();
                }
            }
            Event::Empty(start) if path.len() == 2 && path[1] == "Body" => {
                asked.operation = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
            }
            Event::Text(t) => text.push_str(&t.decode().map_err(|e| format!("bad text: {e}"))?),
            Event::GeneralRef(r) => {
                let written = format!("&{};", r.decode().map_err(|e| format!("bad reference: {e}"))?);
                text.push_str(&unescape(&written).map_err(|e| format!("bad reference: {e}"))?);
            }
            Event::CData(data) => text.push_str(&String::from_utf8_lossy(&data)),
            Event::End(_) => {
                if path.len() > 3 {
                    asked.fields.insert(path[3..].join("/"), text.trim().to_owned());
                }
                text.clear();
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if asked.operation.is_empty() {
        return Err("no operation in the SOAP body".to_owned());
    }
    Ok(asked)
}

/// `content` inside `<ns:{operation}Response>` in a SOAP envelope.
pub fn response(operation: &str, content: &str) -> String {
    envelope(&format!(
        "<ns:{operation}Response xmlns:ns=\"{NAMESPACE}\">{content}</ns:{operation}Response>"
    ))
}

/// A SOAP fault for `operation` with `message`, as CUCM words one (`axlError` detail).
pub fn fault(operation: &str, code: i32, message: &str) -> String {
    let message = escape(message);
    envelope(&format!(
        "<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>{message}</faultstring>\
         <detail><ns:axlError xmlns:ns=\"{NAMESPACE}\"><axlcode>{code}</axlcode><axlmessage>{message}</axlmessage>\
         <request>{}</request></ns:axlError></detail></soapenv:Fault>",
        escape(operation)
    ))
}

fn envelope(body: &str) -> String {
    format!(
        "<?xml version='1.0' encoding='UTF-8'?><soapenv:Envelope \
         xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>{body}</soapenv:Body>\
         </soapenv:Envelope>"
    )
}

/// `<name>text</name>`, escaped; nothing for `None`.
pub fn tag(name: &str, text: Option<&str>) -> String {
    text.map(|t| format!("<{name}>{}</{name}>", escape(t)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_reads_as_operation_and_fields() {
        let asked = read(
            "<s:Envelope xmlns:s='e' xmlns:ns='a'><s:Header/><s:Body><ns:listUser><searchCriteria>\
             <userid>%</userid></searchCriteria><returnedTags><userid/></returnedTags><skip>3</skip>\
             <first>3</first></ns:listUser></s:Body></s:Envelope>",
        )
        .unwrap();
        assert_eq!(asked.operation, "listUser");
        assert_eq!(asked.field("searchCriteria/userid"), Some("%"));
        assert_eq!((asked.field("skip"), asked.field("first")), (Some("3"), Some("3")));
        let empty =
            read("<s:Envelope xmlns:s='e'><s:Body><ns:getLdapSystem xmlns:ns='a'/></s:Body></s:Envelope>").unwrap();
        assert_eq!(empty.operation, "getLdapSystem");
        let sql =
            read("<E><Body><ns:executeSQLQuery><sql>SELECT a &lt; b</sql></ns:executeSQLQuery></Body></E>").unwrap();
        assert_eq!(sql.field("sql"), Some("SELECT a < b"));
        assert!(read("<E><Body></Body></E>").is_err());
    }
}
