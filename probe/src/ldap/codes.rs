//! LDAP result codes (RFC 4511, appendix A) and Active Directory's reasons for a refused bind,
//! as the evidence names them.

/// `49 invalidCredentials`, and the server's text when it gave one.
pub fn result(rc: u32, text: &str) -> String {
    let name = name(rc);
    match text.trim() {
        "" => format!("{rc} {name}"),
        text => format!("{rc} {name} (`{text}`)"),
    }
}

/// The name RFC 4511 gives result code `rc`.
pub fn name(rc: u32) -> &'static str {
    match rc {
        0 => "success",
        1 => "operationsError",
        2 => "protocolError",
        3 => "timeLimitExceeded",
        4 => "sizeLimitExceeded",
        7 => "authMethodNotSupported",
        8 => "strongerAuthRequired",
        10 => "referral",
        11 => "adminLimitExceeded",
        12 => "unavailableCriticalExtension",
        13 => "confidentialityRequired",
        32 => "noSuchObject",
        34 => "invalidDNSyntax",
        48 => "inappropriateAuthentication",
        49 => "invalidCredentials",
        50 => "insufficientAccessRights",
        51 => "busy",
        52 => "unavailable",
        53 => "unwillingToPerform",
        80 => "other",
        _ => "(a code this probe does not name)",
    }
}

/// What Active Directory's `data XXX` in the text of a refused bind means, when it says one:
/// `AcceptSecurityContext error, data 775, v4563` is a locked account.
pub fn active_directory(text: &str) -> Option<(&'static str, bool)> {
    let data = text.split("data ").nth(1)?;
    let code: String = data.chars().take_while(char::is_ascii_hexdigit).collect();
    let (words, locked) = match code.to_ascii_lowercase().as_str() {
        "525" => ("no such user", false),
        "52e" => ("wrong password", false),
        "530" => ("not permitted to log on at this time", false),
        "531" => ("not permitted to log on from this workstation", false),
        "532" => ("password expired", false),
        "533" => ("account disabled", false),
        "701" => ("account expired", false),
        "773" => ("the password must be reset", false),
        "775" => ("account locked", true),
        _ => return None,
    };
    Some((words, locked))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_active_directory_reasons() {
        assert_eq!(result(49, ""), "49 invalidCredentials");
        assert_eq!(result(53, " no "), "53 unwillingToPerform (`no`)");
        let ad = "80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data 775, v3839";
        assert_eq!(active_directory(ad), Some(("account locked", true)));
        assert_eq!(active_directory("... data 52e, v4563"), Some(("wrong password", false)));
        assert_eq!(active_directory("invalid credentials"), None);
    }
}
