//! The `SELECT`s the collector sends through `executeSQLQuery`, for what no AXL request of
//! schema 10.5 returns, and the rows they answer with. Each names its tables here, and
//! docs/collect/axl.md lists them.

use super::xml::Element;

/// End users with a digest credential set. CUCM keeps the End User page's Digest Credentials in
/// `credential`, typed by `typecredential`; the value itself is compared on the server and
/// never selected.
pub const DIGEST_USERS: &str = "SELECT eu.userid FROM enduser eu, credential c, typecredential tc \
     WHERE c.fkenduser = eu.pkid AND c.tkcredential = tc.enum AND tc.name = 'Digest Credentials' \
     AND c.credentials IS NOT NULL AND c.credentials != ''";

/// IM&P's SIP static routes (Presence > Routing > Static Routes), from IM&P's own database.
pub const STATIC_ROUTES: &str = "SELECT destinationpattern, routetype, nexthop, nexthopport, protocoltype, \
     priority, weight, inservice, blockroute, allowlessspecific FROM staticroute ORDER BY priority, destinationpattern";

/// IM&P's incoming ACL (Presence > Routing > Incoming ACL), from IM&P's own database.
pub const INCOMING_ACL: &str = "SELECT address FROM incomingacl ORDER BY address";

/// The rows of an `executeSQLQueryResponse`.
pub fn rows(response: &Element) -> Result<impl Iterator<Item = &Element>, String> {
    Ok(response.child("return").ok_or("no <return> element")?.all("row"))
}

/// Column `name` of `row`, required.
pub fn column<'a>(row: &'a Element, name: &str) -> Result<&'a str, String> {
    row.text_of(name).ok_or_else(|| format!("a row without `{name}`"))
}

/// An Informix boolean as AXL writes it (`t`/`f`, `true`/`false`, `1`/`0`).
pub fn boolean(text: &str) -> Result<bool, String> {
    match text {
        "t" | "true" | "1" => Ok(true),
        "f" | "false" | "0" => Ok(false),
        other => Err(format!("`{other}` is not a boolean")),
    }
}
