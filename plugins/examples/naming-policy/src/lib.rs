//! ACME's corporate naming policy as a uclint plugin (namespace `X-ACME`).
//!
//! Every server's node name must be a fully qualified host name inside the corporate domain and,
//! when a pattern is configured, match it. Configuration (all optional):
//!
//! | key | meaning |
//! |---|---|
//! | `domain` | the corporate domain; default: the deployment's `domain` |
//! | `pattern` | glob(s) node names must match, comma-separated: `cups-*.acme.com, ccm-??.acme.com` |
//! | `roles` | only servers holding one of these roles (comma-separated); default: every server |
//! | `exempt` | node names the policy skips (comma-separated) |
//!
//! In a pattern `*` matches any run of characters within one label (never a dot) and `?` one
//! character; names compare case-insensitively, a trailing root dot ignored.

use std::net::IpAddr;

use uclint_plugin_sdk::{Config, Context, Finding, Plugin, Rule, Server, Severity, subject};

/// Node name outside the corporate domain (or not a host name at all).
pub const OUTSIDE_DOMAIN: &str = "X-ACME-NAME1";
/// Node name inside the domain but off the naming pattern.
pub const OFF_PATTERN: &str = "X-ACME-NAME2";
/// The policy cannot run as configured.
pub const NOT_CONFIGURED: &str = "X-ACME-NAME3";

/// The plugin.
pub struct NamingPolicy;

impl Plugin for NamingPolicy {
    const NAMESPACE: &'static str = "X-ACME";

    fn rules() -> Vec<Rule> {
        vec![
            Rule::new(
                OUTSIDE_DOMAIN,
                "Node name is not a host name in the corporate domain",
                Severity::Warning,
            )
            .summary(
                "Every server's node name must be a fully qualified host name inside the corporate \
                     domain: not a bare hostname, not an IP address, not a name in another domain.",
            )
            .docs(
                "Clients use node names implicitly (CUPC 7.x logs in to its home node's node name, \
                     phones fetch the directory from the CUCM node name). A bare hostname resolves only \
                     where the corporate DNS suffix is configured, which home and VPN clients lack; an IP \
                     address breaks certificate names. ACME's policy is one FQHN per node, in `acme.com`.",
            )
            .fix(
                "Change the node name to the FQHN (System > Servers)",
                "services on the node restart; clients relearn the name at next login",
            )
            .fix(
                "Exempt the node with the plugin's `exempt` setting",
                "an exception to document and review",
            ),
            Rule::new(
                OFF_PATTERN,
                "Node name does not follow the naming pattern",
                Severity::Warning,
            )
            .summary("Every server's node name must match the configured `pattern` (glob).")
            .docs(
                "Names that follow one pattern tell the role and site at a glance and keep DNS, \
                     certificates and monitoring consistent. Checked only for node names that already \
                     pass X-ACME-NAME1.",
            )
            .fix(
                "Rename the node to a name matching the pattern, with DNS and certificates to match",
                "services restart; certificates are reissued",
            )
            .fix(
                "Exempt the node with the plugin's `exempt` setting",
                "an exception to document and review",
            ),
            Rule::new(NOT_CONFIGURED, "Naming policy is not configured", Severity::Info)
                .summary(
                    "The policy needs a corporate domain: the deployment's `domain` or the plugin's `domain` setting.",
                )
                .docs("Without a domain the policy checks nothing; this finding says so instead of staying silent.")
                .fix(
                    "Set `domain` in the deployment, or `config = { domain = \"acme.com\" }` for the plugin",
                    "none",
                ),
        ]
    }

    fn check(context: &Context, config: &Config) -> Vec<Finding> {
        let Some(domain) = config.get_nonempty("domain").or(context.domain()).map(strip_root) else {
            return vec![Finding::new(
                NOT_CONFIGURED,
                subject::DEPLOYMENT,
                context.name(),
                "no corporate domain: set the deployment's `domain` or the plugin's `domain` setting",
            )];
        };
        let patterns = config.get_list("pattern").unwrap_or_default();
        let roles = config.get_list("roles");
        let exempt = config.get_list("exempt").unwrap_or_default();

        let mut findings = Vec::new();
        for pattern in &patterns {
            if !ends_with_label(strip_root(pattern), domain) {
                findings.push(Finding::new(
                    NOT_CONFIGURED,
                    subject::DEPLOYMENT,
                    context.name(),
                    format!("pattern `{pattern}` names no host inside `{domain}`; no node can satisfy both"),
                ));
            }
        }
        let servers = context
            .servers()
            .iter()
            .filter(|s| roles.as_ref().is_none_or(|roles| roles.iter().any(|r| s.has_role(r))))
            .filter(|s| {
                !exempt
                    .iter()
                    .any(|e| strip_root(e).eq_ignore_ascii_case(strip_root(&s.node_name)))
            });
        for server in servers {
            findings.extend(check_server(server, domain, &patterns));
        }
        findings
    }
}

fn check_server(server: &Server, domain: &str, patterns: &[&str]) -> Option<Finding> {
    let node = strip_root(&server.node_name);
    let problem = if node.parse::<IpAddr>().is_ok() {
        Some("is an IP address")
    } else if !node.contains('.') {
        Some("is a bare hostname")
    } else if !ends_with_label(node, domain) {
        Some("is outside the corporate domain")
    } else {
        None
    };
    if let Some(problem) = problem {
        let mut finding = Finding::new(
            OUTSIDE_DOMAIN,
            subject::SERVER,
            &server.node_name,
            format!(
                "node name `{}` {problem}; the policy expects a host name inside `{domain}`",
                server.node_name
            ),
        );
        if let Some(name) = suggestion(server, domain, patterns) {
            finding = finding.fix(
                format!("Change the node name to `{name}` (System > Servers) and give it a DNS A record"),
                "services on the node restart; clients relearn the name at next login",
            );
        }
        return Some(finding.fix(
            format!("Exempt `{}` with the plugin's `exempt` setting", server.node_name),
            "an exception to document and review",
        ));
    }
    if patterns.is_empty() || patterns.iter().any(|p| glob_match(strip_root(p), node)) {
        return None;
    }
    let expected = patterns
        .iter()
        .map(|p| format!("`{p}`"))
        .collect::<Vec<_>>()
        .join(" or ");
    Some(
        Finding::new(
            OFF_PATTERN,
            subject::SERVER,
            &server.node_name,
            format!(
                "node name `{}` does not match the naming pattern {expected}",
                server.node_name
            ),
        )
        .fix(
            format!("Rename the node to a name matching {expected}, with DNS and certificates to match"),
            "services restart; certificates are reissued",
        )
        .fix(
            format!("Exempt `{}` with the plugin's `exempt` setting", server.node_name),
            "an exception to document and review",
        ),
    )
}

/// The FQHN to propose: the node's first label (or its hostname) in the corporate domain, when
/// that satisfies the pattern too.
fn suggestion(server: &Server, domain: &str, patterns: &[&str]) -> Option<String> {
    let node = strip_root(&server.node_name);
    let label = if node.parse::<IpAddr>().is_ok() {
        server.hostname.as_deref()?.split('.').next()?
    } else {
        node.split('.').next()?
    };
    let name = format!("{}.{domain}", label.to_ascii_lowercase());
    (patterns.is_empty() || patterns.iter().any(|p| glob_match(strip_root(p), &name))).then_some(name)
}

fn strip_root(name: &str) -> &str {
    let name = name.trim();
    name.strip_suffix('.').unwrap_or(name)
}

/// Whether `name` is a host strictly inside `domain` (ends with `.domain`, any case).
fn ends_with_label(name: &str, domain: &str) -> bool {
    let (name, domain) = (name.to_ascii_lowercase(), domain.to_ascii_lowercase());
    name.strip_suffix(&domain)
        .is_some_and(|head| head.len() > 1 && head.ends_with('.'))
}

/// Glob match, case-insensitive: `*` any run of non-dot characters, `?` one non-dot character.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let pattern: Vec<char> = pattern.to_lowercase().chars().collect();
    let name: Vec<char> = name.to_lowercase().chars().collect();
    // matches[j]: whether the pattern's first i characters match the name's first j (row i).
    // O(pattern x name) time, however many stars: no backtracking blow-up.
    let mut matches = vec![false; name.len() + 1];
    matches[0] = true;
    for &p in &pattern {
        let mut next = vec![false; name.len() + 1];
        if p == '*' {
            next[0] = matches[0];
        }
        for (j, &c) in name.iter().enumerate() {
            next[j + 1] = match p {
                '*' => matches[j + 1] || (c != '.' && next[j]),
                '?' => c != '.' && matches[j],
                literal => literal == c && matches[j],
            };
        }
        matches = next;
    }
    matches[name.len()]
}

uclint_plugin_sdk::export_plugin!(NamingPolicy);

#[cfg(test)]
mod tests {
    use uclint_plugin_sdk::testing::{FakeDeployment, codes, run};

    use super::*;

    fn acme() -> FakeDeployment {
        FakeDeployment::new()
            .name("acme-hq")
            .domain("acme.com")
            .server(Server::new("cups-1.acme.com").role("cups"))
            .server(Server::new("cups-2.ACME.com.").role("cups"))
            .server(Server::new("cup3").role("cups").hostname("cup3"))
            .server(Server::new("10.0.0.9").role("cucm").hostname("ccm-1.acme.com"))
            .server(Server::new("pres.acme.com.evil.net").role("cups"))
            .server(Server::new("presence.acme.com").role("cups"))
    }

    #[test]
    fn flags_bare_ip_and_foreign_node_names_with_a_suggested_fqhn() {
        let findings = run::<NamingPolicy>(acme(), &Config::new());
        assert_eq!(codes(&findings), [OUTSIDE_DOMAIN; 3]);
        let bare = &findings[0];
        assert_eq!(bare.subject.name, "cup3");
        assert_eq!(
            bare.message,
            "node name `cup3` is a bare hostname; the policy expects a host name inside `acme.com`"
        );
        assert!(bare.fixes[0].action.contains("`cup3.acme.com`"), "{:?}", bare.fixes);
        assert!(bare.fixes[1].action.starts_with("Exempt"));
        let ip = &findings[1];
        assert!(ip.message.contains("is an IP address"));
        assert!(
            ip.fixes[0].action.contains("`ccm-1.acme.com`"),
            "hostname's label in the domain: {:?}",
            ip.fixes
        );
        assert!(findings[2].message.contains("outside the corporate domain"));
    }

    #[test]
    fn pattern_is_checked_for_names_inside_the_domain() {
        let config = Config::new().set("pattern", "cups-*.acme.com");
        let findings = run::<NamingPolicy>(acme(), &config);
        assert_eq!(
            codes(&findings),
            [OUTSIDE_DOMAIN, OUTSIDE_DOMAIN, OUTSIDE_DOMAIN, OFF_PATTERN]
        );
        let off = &findings[3];
        assert_eq!(off.subject.name, "presence.acme.com");
        assert_eq!(
            off.message,
            "node name `presence.acme.com` does not match the naming pattern `cups-*.acme.com`"
        );
        // `cup3.acme.com` would not match the pattern, so no rename is proposed for it.
        assert_eq!(findings[0].fixes.len(), 1);
    }

    #[test]
    fn config_domain_roles_and_exemptions() {
        let config = Config::new()
            .set("domain", "corp.acme.com")
            .set("roles", "cucm")
            .set("exempt", "none.acme.com");
        let deployment = acme().server(Server::new("ccm-2.corp.acme.com").role("cucm"));
        let findings = run::<NamingPolicy>(deployment, &config);
        assert_eq!(
            findings.iter().map(|f| f.subject.name.as_str()).collect::<Vec<_>>(),
            ["10.0.0.9"]
        );

        let exempt = Config::new().set("exempt", "cup3, 10.0.0.9, pres.acme.com.evil.net.");
        assert!(run::<NamingPolicy>(acme(), &exempt).is_empty());
    }

    #[test]
    fn says_so_when_it_cannot_run() {
        let findings = run::<NamingPolicy>(FakeDeployment::new().server(Server::new("cup1")), &Config::new());
        assert_eq!(codes(&findings), [NOT_CONFIGURED]);
        assert_eq!(findings[0].subject.kind, "deployment");

        let wrong = Config::new().set("pattern", "cups-*.other.com");
        let findings = run::<NamingPolicy>(FakeDeployment::new().domain("acme.com"), &wrong);
        assert_eq!(codes(&findings), [NOT_CONFIGURED]);
    }

    #[test]
    fn glob_stars_stay_within_a_label() {
        assert!(glob_match("cups-*.acme.com", "cups-lon1.acme.com"));
        assert!(glob_match("cups-*.acme.com", "CUPS-.ACME.COM"));
        assert!(!glob_match("cups-*.acme.com", "cups-lon.dmz.acme.com"));
        assert!(glob_match("ccm-??.acme.com", "ccm-01.acme.com"));
        assert!(!glob_match("ccm-??.acme.com", "ccm-1.acme.com"));
        assert!(!glob_match("ccm-?acme.com", "ccm-.acme.com"));
        assert!(glob_match("*.*.com", "a.b.com"));
        assert!(glob_match("*-*-*.acme.com", "a-b-c-d.acme.com"));
        assert!(!glob_match("*.acme.com", "acme.com"));
        assert!(glob_match("*", "host"));
        assert!(!glob_match("*", "host.acme.com"));
    }
}
