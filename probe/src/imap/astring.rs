//! User names and passwords as LOGIN carries them (RFC 3501 `astring`): an atom when every
//! character may stand in one, else a quoted string with `"` and `\` escaped. What neither can
//! carry (CR, LF, NUL, 8-bit bytes) would need a literal; the probe does not send one and says so.

/// `text` as an IMAP astring, or why it cannot be one without a literal.
pub fn astring(text: &str) -> Result<String, String> {
    if !text.is_empty() && text.bytes().all(is_astring_char) {
        return Ok(text.to_owned());
    }
    if let Some(bad) = text.bytes().find(|b| !is_text_char(*b)) {
        let what = match bad {
            b'\r' | b'\n' => "a line break",
            0 => "a NUL byte",
            _ => "a character outside ASCII",
        };
        return Err(format!(
            "it holds {what}, which IMAP LOGIN can only carry as a literal (not sent by this probe)"
        ));
    }
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    Ok(quoted)
}

/// ASTRING-CHAR: ATOM-CHAR or `]`; ATOM-CHAR is any 7-bit character but controls, space and
/// `(){%*"\`.
fn is_astring_char(b: u8) -> bool {
    (0x21..0x7f).contains(&b) && !matches!(b, b'(' | b')' | b'{' | b'%' | b'*' | b'"' | b'\\')
}

/// TEXT-CHAR: any 7-bit character but NUL, CR and LF.
fn is_text_char(b: u8) -> bool {
    (0x01..0x80).contains(&b) && b != b'\r' && b != b'\n'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atoms_stay_bare_and_the_rest_is_quoted() {
        assert_eq!(astring("alice").unwrap(), "alice");
        assert_eq!(astring("a]b@acme.com").unwrap(), "a]b@acme.com");
        assert_eq!(astring("two words").unwrap(), "\"two words\"");
        assert_eq!(astring("").unwrap(), "\"\"");
        assert_eq!(astring("a\"b\\c").unwrap(), "\"a\\\"b\\\\c\"");
        assert_eq!(astring("{5}").unwrap(), "\"{5}\"");
        assert_eq!(astring("100%").unwrap(), "\"100%\"");
    }

    #[test]
    fn what_needs_a_literal_is_refused() {
        assert!(astring("line\r\nbreak").unwrap_err().contains("line break"));
        assert!(astring("mot de passé").unwrap_err().contains("outside ASCII"));
        assert!(astring("nul\0").unwrap_err().contains("NUL"));
    }
}
