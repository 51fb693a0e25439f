//! Zone text (RFC 1035 master files) read with hickory-proto's own parser.
//!
//! hickory reports what is wrong but not where, so the text is split into statements here only
//! to find the line of the first one that does not parse.

use hickory_proto::rr::{Name, Record};
use hickory_proto::serialize::txt::Parser;

use super::error::DnsError;
use crate::source::Location;

/// TTL for records when the text sets none ($TTL or per record), like BIND's common default.
const DEFAULT_TTL: &str = "$TTL 3600\n";

/// Parse zone `text` from `file`. `origin` is the starting `$ORIGIN`; without one, relative
/// names are taken as absolute (relative to the root). `$INCLUDE` is refused: core reads no files.
pub fn parse_zone(text: &str, origin: Option<&str>, file: &str) -> Result<Vec<Record>, DnsError> {
    let statements = statements(text);
    if let Some(include) = statements
        .iter()
        .find(|s| s.first_word.eq_ignore_ascii_case("$INCLUDE"))
    {
        return Err(DnsError::new(
            Location::new(file, include.line, include.column),
            "$INCLUDE is not supported: list each zone file in the deployment's `dns.zone_files` instead",
        ));
    }
    let origin = parse_origin(origin, file)?;
    match parse_prefix(text, text.len(), &origin) {
        Ok(records) => Ok(records),
        Err(message) => {
            // Find the first statement whose inclusion makes the parse fail.
            let (mut good, mut bad) = (0usize, statements.len());
            while bad - good > 1 {
                let mid = (good + bad) / 2;
                match parse_prefix(text, statements[mid - 1].end, &origin) {
                    Ok(_) => good = mid,
                    Err(_) => bad = mid,
                }
            }
            let (line, column, found) = match statements.get(bad.saturating_sub(1)) {
                Some(s) => (
                    s.line,
                    s.column,
                    text[s.start..s.end].lines().next().unwrap_or("").trim().to_owned(),
                ),
                None => (1, 1, String::new()),
            };
            let location = Location::new(file, line, column);
            let message = if found.is_empty() {
                format!("invalid zone data: {message}")
            } else {
                format!("invalid zone record `{found}`: {message}; expected NAME [TTL] [CLASS] TYPE DATA")
            };
            Err(DnsError::new(location, message))
        }
    }
}

/// Parse one record written inline (`name`, `rtype`, `value` as in a zone file). Relative names
/// are relative to `origin`, or to the root when there is none.
pub fn parse_inline_record(
    name: &str,
    rtype: &str,
    value: &str,
    ttl: Option<u32>,
    origin: Option<&str>,
    location: Location,
) -> Result<Record, DnsError> {
    if [name, rtype, value]
        .iter()
        .any(|part| part.contains(['\n', '\r', '$', ';', '(', ')']))
    {
        return Err(DnsError::new(
            location,
            "a record's name, type and value must each be one line of plain zone text",
        ));
    }
    if name.trim().is_empty() || name.contains(char::is_whitespace) {
        return Err(DnsError::new(
            location,
            format!("invalid record name `{name}`: expected one DNS name"),
        ));
    }
    let origin = parse_origin(origin, &location.file).map_err(|e| DnsError::new(location.clone(), e.message))?;
    let line = format!("{name} {} IN {rtype} {value}\n", ttl.unwrap_or(3600));
    let mut records = parse_prefix(&line, line.len(), &origin).map_err(|message| {
        DnsError::new(
            location.clone(),
            format!("invalid {rtype} record `{name} {value}`: {message}"),
        )
    })?;
    records
        .pop()
        .ok_or_else(|| DnsError::new(location, format!("the {rtype} record `{name}` holds no data")))
}

fn parse_origin(origin: Option<&str>, file: &str) -> Result<Name, DnsError> {
    match origin {
        None => Ok(Name::root()),
        Some(origin) => {
            let absolute = if origin.ends_with('.') {
                origin.to_owned()
            } else {
                format!("{origin}.")
            };
            Name::from_ascii(&absolute)
                .map_err(|e| DnsError::new(Location::new(file, 1, 1), format!("invalid origin `{origin}`: {e}")))
        }
    }
}

/// Parse `text[..end]` with hickory; the message of its error when it fails.
fn parse_prefix(text: &str, end: usize, origin: &Name) -> Result<Vec<Record>, String> {
    let mut input = String::with_capacity(DEFAULT_TTL.len() + end + 1);
    input.push_str(DEFAULT_TTL);
    input.push_str(&text[..end]);
    input.push('\n');
    let (_, sets) = Parser::new(input, None, Some(origin.clone()))
        .parse()
        .map_err(|e| e.to_string())?;
    Ok(sets.into_values().flat_map(|set| set.into_iter()).collect())
}

/// One statement of zone text: a directive or a record, possibly over several lines in parentheses.
#[derive(Debug)]
struct Statement<'a> {
    start: usize,
    end: usize,
    line: u32,
    column: u32,
    first_word: &'a str,
}

/// Split zone text into statements, honouring comments, quotes and parentheses.
fn statements(text: &str) -> Vec<Statement<'_>> {
    let mut out = Vec::new();
    let (mut depth, mut in_quote, mut in_comment) = (0u32, false, false);
    let (mut line, mut start, mut start_line, mut has_content) = (1u32, 0usize, 1u32, false);
    let mut bytes = text.char_indices().peekable();
    while let Some((i, c)) = bytes.next() {
        match c {
            '\n' => {
                in_comment = false;
                if depth == 0 && !in_quote {
                    if has_content {
                        out.push(statement(text, start, i, start_line));
                    }
                    start = i + 1;
                    start_line = line + 1;
                    has_content = false;
                }
                line += 1;
            }
            _ if in_comment => {}
            '\\' if in_quote => {
                bytes.next();
            }
            '"' => {
                in_quote = !in_quote;
                has_content = true;
            }
            ';' if !in_quote => in_comment = true,
            '(' if !in_quote => {
                depth += 1;
                has_content = true;
            }
            ')' if !in_quote => {
                depth = depth.saturating_sub(1);
            }
            c if !c.is_whitespace() => has_content = true,
            _ => {}
        }
    }
    if has_content {
        out.push(statement(text, start, text.len(), start_line));
    }
    out
}

fn statement(text: &str, start: usize, end: usize, line: u32) -> Statement<'_> {
    let body = &text[start..end];
    let indent = body.len() - body.trim_start_matches([' ', '\t']).len();
    let column = u32::try_from(body[..indent].chars().count() + 1).unwrap_or(1);
    let first_word = body.split_whitespace().next().unwrap_or("");
    Statement {
        start,
        end,
        line,
        column,
        first_word,
    }
}

#[cfg(test)]
mod tests {
    use hickory_proto::rr::{RData, RecordType};

    use super::*;

    const ZONE: &str = "$ORIGIN acme.com.\n$TTL 300\n@ IN SOA ns1 hostmaster (\n  1 ; serial\n  3600 900 604800 300 )\n  IN NS ns1\nns1 IN A 10.0.0.53\ncups-1 IN A 10.1.1.20\ncups-1.acme.com. IN AAAA fd00::20\n_sip._tcp IN SRV 10 60 5060 cups-1\n@ IN NAPTR 50 50 \"s\" \"SIP+D2T\" \"\" _sip._tcp.acme.com.\nwww IN CNAME cups-1\n";

    fn find(records: &[Record], name: &str, rtype: RecordType) -> Vec<Record> {
        let name = Name::from_ascii(name).unwrap();
        records
            .iter()
            .filter(|r| r.name == name && r.record_type() == rtype)
            .cloned()
            .collect()
    }

    #[test]
    fn parses_directives_relative_names_and_many_types() {
        let records = parse_zone(ZONE, None, "acme.zone").unwrap();
        let a = find(&records, "cups-1.acme.com.", RecordType::A);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].ttl, 300);
        assert_eq!(find(&records, "cups-1.acme.com.", RecordType::AAAA).len(), 1);
        let srv = find(&records, "_sip._tcp.acme.com.", RecordType::SRV);
        match &srv[0].data {
            RData::SRV(srv) => {
                assert_eq!((srv.priority, srv.weight, srv.port), (10, 60, 5060));
                assert_eq!(srv.target.to_ascii(), "cups-1.acme.com.");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(find(&records, "acme.com.", RecordType::NAPTR).len(), 1);
        assert_eq!(find(&records, "acme.com.", RecordType::SOA).len(), 1);
        assert_eq!(find(&records, "www.acme.com.", RecordType::CNAME).len(), 1);
    }

    #[test]
    fn origin_argument_and_default_ttl_apply() {
        let records = parse_zone("cups-1 IN A 10.1.1.20\n", Some("acme.com"), "z").unwrap();
        assert_eq!(records[0].name.to_ascii(), "cups-1.acme.com.");
        assert_eq!(records[0].ttl, 3600);
        let records = parse_zone("cups-1 IN A 10.1.1.20\n", None, "z").unwrap();
        assert_eq!(records[0].name.to_ascii(), "cups-1.");
    }

    #[test]
    fn error_names_the_line_of_the_bad_record() {
        let zone = "$ORIGIN acme.com.\n$TTL 300\nccm-1 IN A 10.1.1.10\n; a comment\nccm-2 IN A 10.1.1.300\ncups-1 IN A 10.1.1.20\n";
        let e = parse_zone(zone, None, "acme.zone").unwrap_err();
        assert_eq!((e.location.line, e.location.column), (5, 1));
        assert!(e.message.contains("ccm-2 IN A 10.1.1.300"), "{}", e.message);
        assert!(e.to_string().starts_with("acme.zone:5:1: "), "{e}");
    }

    #[test]
    fn error_inside_a_parenthesised_soa_names_its_first_line() {
        let zone = "$ORIGIN acme.com.\n$TTL 300\nns1 IN A 10.0.0.53\n@ IN SOA ns1 hostmaster (\n  1 ; serial\n  3600 900 nonsense 300 )\nccm-1 IN A 10.1.1.10\n";
        let e = parse_zone(zone, None, "acme.zone").unwrap_err();
        assert_eq!(e.location.line, 4);
    }

    #[test]
    fn unknown_type_is_reported_with_its_line() {
        let e = parse_zone("$ORIGIN a.\n\nx IN BOGUS 1\n", None, "z").unwrap_err();
        assert_eq!(e.location.line, 3);
    }

    #[test]
    fn include_is_refused() {
        let e = parse_zone("$ORIGIN acme.com.\n  $INCLUDE /etc/passwd\n", None, "z").unwrap_err();
        assert_eq!((e.location.line, e.location.column), (2, 3));
        assert!(e.message.contains("$INCLUDE"));
    }

    #[test]
    fn inline_records_reuse_the_zone_parser() {
        let at = Location::new("d.toml", 9, 3);
        let r = parse_inline_record(
            "_sip._tcp",
            "SRV",
            "10 60 5060 cups-1",
            None,
            Some("acme.com"),
            at.clone(),
        )
        .unwrap();
        assert_eq!(r.name.to_ascii(), "_sip._tcp.acme.com.");
        assert_eq!(r.record_type(), RecordType::SRV);
        let r = parse_inline_record("sip.partner.com.", "A", "198.51.100.40", Some(60), None, at.clone()).unwrap();
        assert_eq!(r.ttl, 60);
        let e = parse_inline_record("x", "A", "nope", None, None, at.clone()).unwrap_err();
        assert_eq!(e.location, at);
        assert!(parse_inline_record("x", "A", "1.2.3.4\n$INCLUDE /etc/passwd", None, None, at.clone()).is_err());
        assert!(parse_inline_record("x y", "A", "1.2.3.4", None, None, at).is_err());
    }
}
