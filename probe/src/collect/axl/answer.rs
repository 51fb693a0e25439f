//! What an AXL answer's body says: the operation's response element, or a SOAP fault.

use super::xml::{self, Element};

/// A SOAP fault: its `faultstring`, and the AXL code and message of its `axlError` detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// The fault string.
    pub string: String,
    /// `axlcode`, when the detail has one.
    pub code: Option<String>,
}

/// What an answer's body held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The response element (`listUserResponse`).
    Response(Element),
    /// A SOAP fault.
    Fault(Fault),
}

/// The response element or the fault in `body`, or why `body` is not a SOAP answer.
pub fn read(body: &[u8], operation: &str) -> Result<Answer, String> {
    let root = xml::parse(body)?;
    if root.name != "Envelope" {
        return Err(format!("the XML is not a SOAP envelope (its root is <{}>)", root.name));
    }
    let content = root
        .child("Body")
        .and_then(|b| b.children.first())
        .ok_or("the SOAP envelope has an empty body")?;
    if content.name == "Fault" {
        let string = content.text_of("faultstring").unwrap_or("(no faultstring)").to_owned();
        let code = content
            .path(&["detail", "axlError"])
            .and_then(|e| e.text_of("axlcode"))
            .map(str::to_owned);
        return Ok(Answer::Fault(Fault { string, code }));
    }
    let expected = format!("{operation}Response");
    if content.name != expected {
        return Err(format!("the answer holds <{}> instead of <{expected}>", content.name));
    }
    Ok(Answer::Response(content.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str =
        "xmlns:soapenv='http://schemas.xmlsoap.org/soap/envelope/' xmlns:ns='http://www.cisco.com/AXL/API/10.5'";

    #[test]
    fn a_response_a_fault_and_the_rest() {
        let ok = format!(
            "<soapenv:Envelope {NS}><soapenv:Body><ns:listUserResponse><return/></ns:listUserResponse></soapenv:Body></soapenv:Envelope>"
        );
        let Answer::Response(response) = read(ok.as_bytes(), "listUser").unwrap() else {
            panic!("not a response")
        };
        assert!(response.child("return").is_some());
        assert!(
            read(ok.as_bytes(), "listProcessNode")
                .unwrap_err()
                .contains("instead of <listProcessNodeResponse>")
        );
        let fault = format!(
            "<soapenv:Envelope {NS}><soapenv:Body><soapenv:Fault><faultcode>soapenv:Client</faultcode>\
             <faultstring>Item not valid</faultstring><detail><ns:axlError><axlcode>5007</axlcode>\
             <axlmessage>Item not valid</axlmessage><request>listUser</request></ns:axlError></detail>\
             </soapenv:Fault></soapenv:Body></soapenv:Envelope>"
        );
        assert_eq!(
            read(fault.as_bytes(), "listUser").unwrap(),
            Answer::Fault(Fault {
                string: "Item not valid".to_owned(),
                code: Some("5007".to_owned())
            })
        );
        assert!(
            read(b"<html/>", "listUser")
                .unwrap_err()
                .contains("not a SOAP envelope")
        );
    }
}
