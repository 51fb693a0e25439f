//! Static route destination patterns, as the CUPS admin guide writes them.
//!
//! Domain routes write the domain reversed with a wildcard (`.com.acme.*` matches `acme.com` and
//! its subdomains); user routes match the user part with `.` for one character and `*` for any
//! run. Matching ignores case, as SIP host comparison does.

/// Whether the domain pattern `pattern` matches `domain`.
pub fn domain_matches(pattern: &str, domain: &str) -> bool {
    let reversed = reverse(domain);
    let pattern = pattern.trim();
    if pattern == "*" || pattern == ".*" {
        return true;
    }
    match pattern.strip_suffix(".*") {
        // `.com.acme.*`: the domain itself or anything below it.
        Some(base) => {
            let base = if base.starts_with('.') {
                base.to_owned()
            } else {
                format!(".{base}")
            };
            reversed.eq_ignore_ascii_case(&base)
                || (reversed.len() > base.len()
                    && reversed.as_bytes()[base.len()] == b'.'
                    && reversed[..base.len()].eq_ignore_ascii_case(&base))
        }
        None => {
            let pattern = if pattern.starts_with('.') {
                pattern.to_owned()
            } else {
                format!(".{pattern}")
            };
            reversed.eq_ignore_ascii_case(&pattern)
        }
    }
}

/// `acme.com` as `.com.acme`.
pub fn reverse(domain: &str) -> String {
    let mut out = String::with_capacity(domain.len() + 1);
    for label in domain.trim_end_matches('.').rsplit('.') {
        out.push('.');
        out.push_str(label);
    }
    out
}

/// How specific a pattern is: the number of characters it fixes (wildcards count nothing).
pub fn specificity(pattern: &str) -> usize {
    pattern.trim_end_matches(".*").chars().filter(|c| *c != '*').count()
}

/// Whether the user pattern `pattern` matches `user` (`.` one character, `*` any run).
pub fn user_matches(pattern: &str, user: &str) -> bool {
    let (p, u): (Vec<char>, Vec<char>) = (pattern.chars().collect(), user.chars().collect());
    // Classic two-pointer glob match with backtracking on the last `*`.
    let (mut pi, mut ui, mut star, mut mark) = (0, 0, None, 0);
    while ui < u.len() {
        if pi < p.len() && (p[pi] == '.' || p[pi].eq_ignore_ascii_case(&u[ui])) {
            pi += 1;
            ui += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ui;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ui = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_patterns_are_reversed_with_a_wildcard() {
        assert!(domain_matches(".com.acme.*", "acme.com"));
        assert!(domain_matches(".com.acme.*", "Sales.ACME.com"));
        assert!(!domain_matches(".com.acme.*", "notacme.com"));
        assert!(!domain_matches(".com.acme.*", "acme.com.evil"));
        assert!(domain_matches(".com.acme", "acme.com"));
        assert!(!domain_matches(".com.acme", "sales.acme.com"));
        assert!(domain_matches("*", "anything.net"));
        assert_eq!(reverse("sales.acme.com."), ".com.acme.sales");
    }

    #[test]
    fn user_patterns_match_digits() {
        assert!(user_matches("4...", "4001"));
        assert!(!user_matches("4...", "40011"));
        assert!(user_matches("9*", "9011442071234567"));
        assert!(user_matches("9*", "9"));
        assert!(!user_matches("9*", "8123"));
        assert!(user_matches("*", ""));
        assert!(specificity("4...") > specificity("4*"));
        assert!(specificity(".com.acme.sales.*") > specificity(".com.acme.*"));
    }
}
