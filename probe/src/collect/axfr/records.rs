//! Transferred records as the deployment file's inline records: the types the core reads
//! (A, AAAA, CNAME, SRV, NAPTR: addresses, aliases, and RFC 3263's SIP server selection),
//! written as zone-file text with absolute names, and each read back with the core's own parser
//! to the same data before it is kept. Every other type (the SOA, NS, MX, TXT, PTR...) is
//! counted, not kept.

use std::collections::BTreeMap;

use hickory_proto::rr::{Name, RData, Record};
use uclint_core::dns::zone::parse_inline_record;
use uclint_core::model::InlineRecord;
use uclint_core::source::Location;

/// The record types the core's DNS view and rules use.
pub const USED: [&str; 5] = ["A", "AAAA", "CNAME", "SRV", "NAPTR"];

/// Inline records, and how many of each type were left out (`SOA` 1, `MX` 2...), with
/// `unreadable` for records of a used type the core's parser would not read back the same.
#[derive(Debug, Default)]
pub struct Converted {
    /// The records kept, in the transfer's order.
    pub records: Vec<InlineRecord>,
    /// Records left out, by type.
    pub skipped: BTreeMap<String, usize>,
}

/// Convert `records`, transferred from `origin`.
pub fn convert(records: &[Record], origin: &str) -> Converted {
    let mut converted = Converted::default();
    for record in records {
        let rtype = record.record_type().to_string();
        match inline(record) {
            Some(inline) if reads_back(&inline, record, origin) => converted.records.push(inline),
            Some(_) => {
                *converted
                    .skipped
                    .entry(format!("{rtype} (not readable as zone text)"))
                    .or_default() += 1
            }
            None => *converted.skipped.entry(rtype).or_default() += 1,
        }
    }
    converted
}

/// `record` as an inline record, when the core uses its type.
fn inline(record: &Record) -> Option<InlineRecord> {
    let value = match &record.data {
        RData::A(a) => a.0.to_string(),
        RData::AAAA(aaaa) => aaaa.0.to_string(),
        RData::CNAME(cname) => name(&cname.0),
        RData::SRV(srv) => format!("{} {} {} {}", srv.priority, srv.weight, srv.port, name(&srv.target)),
        RData::NAPTR(naptr) => format!(
            "{} {} {} {} {} {}",
            naptr.order,
            naptr.preference,
            quoted(&naptr.flags),
            quoted(&naptr.services),
            quoted(&naptr.regexp),
            name(&naptr.replacement)
        ),
        _ => return None,
    };
    Some(InlineRecord {
        name: name(&record.name),
        rtype: record.record_type().to_string(),
        value,
        ttl: Some(record.ttl),
    })
}

/// Whether the core reads `inline` back as `record` (same owner, type and data).
fn reads_back(inline: &InlineRecord, record: &Record, origin: &str) -> bool {
    let at = Location::new(format!("AXFR of {origin}"), 1, 1);
    parse_inline_record(&inline.name, &inline.rtype, &inline.value, inline.ttl, None, at)
        .is_ok_and(|parsed| parsed.name == record.name && parsed.data == record.data && parsed.ttl == record.ttl)
}

/// An absolute name in ASCII (IDNs as their `xn--` form), with its final dot.
fn name(name: &Name) -> String {
    let mut text = name.to_ascii();
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// A character string as zone text: in quotes, with quotes and backslashes escaped and bytes
/// outside printable ASCII as `\DDD`.
fn quoted(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + 2);
    text.push('"');
    for &byte in bytes {
        match byte {
            b'"' | b'\\' => {
                text.push('\\');
                text.push(char::from(byte));
            }
            0x20..=0x7e => text.push(char::from(byte)),
            other => text.push_str(&format!("\\{other:03}")),
        }
    }
    text.push('"');
    text
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use hickory_proto::rr::rdata::{A, CNAME, MX, NAPTR, SRV};

    use super::*;

    fn record(owner: &str, data: RData) -> Record {
        Record::from_rdata(Name::from_str(owner).unwrap(), 300, data)
    }

    #[test]
    fn used_types_become_zone_text_the_core_reads_back() {
        let target = Name::from_str("cups-1.acme.com.").unwrap();
        let records = [
            record("cups-1.acme.com.", RData::A(A::new(192, 0, 2, 10))),
            record("presence.acme.com.", RData::CNAME(CNAME(target.clone()))),
            record(
                "_sip._tcp.acme.com.",
                RData::SRV(SRV::new(10, 60, 5060, target.clone())),
            ),
            record(
                "acme.com.",
                RData::NAPTR(NAPTR::new(
                    50,
                    50,
                    b"s".to_vec().into_boxed_slice(),
                    b"SIP+D2T".to_vec().into_boxed_slice(),
                    Box::default(),
                    Name::from_str("_sip._tcp.acme.com.").unwrap(),
                )),
            ),
            record("acme.com.", RData::MX(MX::new(10, target))),
        ];
        let converted = convert(&records, "acme.com.");
        let text: Vec<String> = converted
            .records
            .iter()
            .map(|r| format!("{} {} {} {:?}", r.name, r.rtype, r.value, r.ttl))
            .collect();
        assert_eq!(
            text,
            [
                "cups-1.acme.com. A 192.0.2.10 Some(300)",
                "presence.acme.com. CNAME cups-1.acme.com. Some(300)",
                "_sip._tcp.acme.com. SRV 10 60 5060 cups-1.acme.com. Some(300)",
                "acme.com. NAPTR 50 50 \"s\" \"SIP+D2T\" \"\" _sip._tcp.acme.com. Some(300)",
            ]
        );
        assert_eq!(converted.skipped.get("MX"), Some(&1));
    }

    #[test]
    fn what_the_core_would_read_otherwise_is_counted_not_kept() {
        // A regexp with `$`, which the core's one-line inline records refuse.
        let naptr = NAPTR::new(
            10,
            10,
            b"u".to_vec().into_boxed_slice(),
            b"E2U+sip".to_vec().into_boxed_slice(),
            b"!^.*$!sip:info@acme.com!".to_vec().into_boxed_slice(),
            Name::root(),
        );
        let converted = convert(&[record("acme.com.", RData::NAPTR(naptr))], "acme.com.");
        assert!(converted.records.is_empty());
        assert_eq!(converted.skipped.get("NAPTR (not readable as zone text)"), Some(&1));
        assert_eq!(quoted(b"a\"b\\\x01"), "\"a\\\"b\\\\\\001\"");
    }
}
