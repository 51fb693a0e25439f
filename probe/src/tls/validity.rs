//! TLS003: whether the certificate is valid now: expired or not yet valid is an error, expiring
//! within 30 days a warning.

use uclint_core::catalogue::Severity;

use super::leaf::{Leaf, date};

/// How close to its notAfter date a certificate starts to warn.
pub const WARN_DAYS: i64 = 30;

const DAY: i64 = 24 * 60 * 60;

/// What TLS003 says of `leaf` at `now` (seconds since the Unix epoch), if anything.
pub fn check(leaf: &Leaf, now: i64) -> Option<(Severity, String)> {
    if now > leaf.not_after {
        let days = (now - leaf.not_after) / DAY;
        return Some((
            Severity::Error,
            format!(
                "the certificate expired on {} ({}): clients that check it refuse it",
                date(leaf.not_after),
                ago(days)
            ),
        ));
    }
    if now < leaf.not_before {
        return Some((
            Severity::Error,
            format!(
                "the certificate is not valid yet: its validity starts on {} (is the server's or this machine's clock wrong?)",
                date(leaf.not_before)
            ),
        ));
    }
    let left = leaf.not_after - now;
    (left <= WARN_DAYS * DAY).then(|| {
        (
            Severity::Warning,
            format!(
                "the certificate expires on {}, in {}: renew it before then",
                date(leaf.not_after),
                days(left / DAY)
            ),
        )
    })
}

fn days(n: i64) -> String {
    match n {
        0 => "less than a day".to_owned(),
        1 => "1 day".to_owned(),
        n => format!("{n} days"),
    }
}

fn ago(n: i64) -> String {
    match n {
        0 => "today".to_owned(),
        n => format!("{} ago", days(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_750_000_000;

    fn valid(not_before: i64, not_after: i64) -> Leaf {
        Leaf {
            subject: String::new(),
            issuer: String::new(),
            self_signed: false,
            dns_names: Vec::new(),
            ip_addresses: Vec::new(),
            common_names: Vec::new(),
            not_before,
            not_after,
        }
    }

    #[test]
    fn expired_and_not_yet_valid_are_errors() {
        let (severity, message) = check(&valid(0, NOW - 400 * DAY), NOW).unwrap();
        assert_eq!(severity, Severity::Error);
        assert!(
            message.contains("expired on") && message.contains("400 days ago"),
            "{message}"
        );
        let (severity, message) = check(&valid(NOW + DAY, NOW + 400 * DAY), NOW).unwrap();
        assert_eq!(severity, Severity::Error);
        assert!(message.contains("not valid yet"), "{message}");
    }

    #[test]
    fn thirty_days_or_less_warns() {
        let (severity, message) = check(&valid(0, NOW + 10 * DAY + 5), NOW).unwrap();
        assert_eq!(severity, Severity::Warning);
        assert!(message.contains("in 10 days"), "{message}");
        assert_eq!(
            check(&valid(0, NOW + 30 * DAY), NOW).map(|c| c.0),
            Some(Severity::Warning)
        );
        assert_eq!(check(&valid(0, NOW + 31 * DAY), NOW), None);
        assert_eq!(check(&valid(NOW, NOW + 365 * DAY), NOW), None);
    }
}
