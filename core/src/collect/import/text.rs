//! What every importer does to its text first: number the lines, refuse empty or binary input.

use super::ImportError;
use crate::model::{Client, ClientKind};

/// The bytes of an exported file as text: UTF-8 (with or without a byte order mark) or UTF-16
/// with a byte order mark, as Windows PowerShell writes `ipconfig /all > file`.
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    let utf16 = |swap: fn([u8; 2]) -> u16| -> Result<String, ImportError> {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|pair| swap([pair[0], pair.get(1).copied().unwrap_or(0)]))
            .collect();
        String::from_utf16(&units).map_err(|_| {
            ImportError::end(1, "UTF-16 text after the byte order mark").hint("the file is not valid UTF-16")
        })
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(u16::from_le_bytes),
        [0xFE, 0xFF, ..] => utf16(u16::from_be_bytes),
        _ => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            std::str::from_utf8(bytes).map(str::to_owned).map_err(|e| {
                let valid = &bytes[..e.valid_up_to()];
                let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
                let start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                let shown = String::from_utf8_lossy(&bytes[start..]);
                ImportError::at(line, shown.lines().next().unwrap_or(""), "UTF-8 text")
                    .hint("save the file as UTF-8, or as UTF-16 with a byte order mark")
            })
        }
    }
}

/// The lines of `text`, numbered from 1, without line endings or a leading byte order mark.
pub(super) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim_end_matches('\r')))
}

/// The line after the last one: where "the end of the input" is.
pub(super) fn end_line(text: &str) -> usize {
    lines(text).count() + 1
}

/// Refuse input with nothing in it, or with NUL characters (binary data, or UTF-16 read as
/// UTF-8), naming what `expected` at its first line.
pub(super) fn ensure_text(text: &str, expected: &str) -> Result<(), ImportError> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ImportError::end(1, expected).hint("the input is empty"));
    }
    if let Some((number, line)) = lines(text).find(|(_, line)| line.contains('\0')) {
        return Err(ImportError::at(number, line, expected)
            .hint("this is binary data, or UTF-16 text read as UTF-8: decode it first"));
    }
    Ok(())
}

/// An empty client profile `id` of `kind`, for an importer to fill.
pub(super) fn profile(id: &str, kind: ClientKind) -> Client {
    Client {
        id: id.to_owned(),
        kind,
        version: None,
        dns_suffixes: Vec::new(),
        hosts: Vec::new(),
        hosts_file: None,
        addresses: Vec::new(),
        dns_servers: Vec::new(),
        on_corporate_network: true,
        jabber: None,
        hosts_table: crate::dns::hosts::HostsFile::default(),
        location: None,
    }
}

/// Append `suffix` (without a trailing dot) unless it is empty or already listed, ignoring case as
/// DNS does.
pub(super) fn push_suffix(suffixes: &mut Vec<String>, suffix: &str) {
    let suffix = suffix.trim().trim_end_matches('.');
    if !suffix.is_empty() && !suffixes.iter().any(|s| s.eq_ignore_ascii_case(suffix)) {
        suffixes.push(suffix.to_owned());
    }
}

/// Parse a resolver address as the tools print it: `10.1.1.53`, `fd00::53`, `fe80::1%12` (the
/// zone after `%` names an interface, which a profile does not keep).
pub(super) fn address(text: &str) -> Option<std::net::IpAddr> {
    text.split('%').next().unwrap_or(text).parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_a_bom_and_utf16_both_ways() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap(), "abc");
        assert_eq!(decode(b"\xFF\xFEa\0b\0\r\0\n\0").unwrap(), "ab\r\n");
        assert_eq!(decode(b"\xFE\xFF\0a\0b").unwrap(), "ab");
        let e = decode(b"ok\nbad \xFF here\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.found.as_deref(), Some("bad \u{fffd} here"));
    }

    #[test]
    fn empty_and_binary_input_are_refused_at_their_line() {
        assert_eq!(ensure_text(" \r\n\n", "x").unwrap_err().line, 1);
        assert_eq!(ensure_text("\u{feff}", "x").unwrap_err().line, 1);
        let e = ensure_text("a\nb\0c\n", "x").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(ensure_text("a\n", "x").is_ok());
    }

    #[test]
    fn lines_are_numbered_without_endings() {
        let got: Vec<_> = lines("\u{feff}a\r\nb\n\r\nc\r").collect();
        assert_eq!(got, [(1, "a"), (2, "b"), (3, ""), (4, "c")]);
        assert_eq!(end_line("a\r\nb\r\n"), 3);
        assert_eq!(end_line(""), 1);
    }
}
