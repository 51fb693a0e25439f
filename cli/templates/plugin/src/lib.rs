//! {{name}}: a uclint rule plugin, namespace `{{namespace}}`.
//!
//! It starts with one rule, `{{namespace}}-BARE1`: every server's node name must contain its DNS
//! domain. Make the rules your own; `cargo doc --open` documents what the SDK reads and derives,
//! and a uclint checkout's `plugins/README.md` explains the sandbox and what the host checks.

use uclint_plugin_sdk::{Config, Context, Finding, Plugin, Rule, Severity, subject};

/// A server's node name has no domain.
pub const BARE_NODE_NAME: &str = "{{namespace}}-BARE1";

/// The plugin: a namespace, its rules and the check that finds them.
pub struct BareNodeNames;

impl Plugin for BareNodeNames {
    const NAMESPACE: &'static str = "{{namespace}}";

    fn rules() -> Vec<Rule> {
        vec![
            Rule::new(
                BARE_NODE_NAME,
                "Node name is a bare hostname",
                Severity::Warning,
            )
            .summary("Every server's node name must contain its DNS domain.")
            .docs("Off-site clients append their ISP's DNS suffix to bare names, and fail.")
            .fix("Rename the node to its FQHN", "the node's services restart")
            .fix(
                "Add a hosts file entry on every client",
                "per machine, goes stale",
            ),
        ]
    }

    fn check(context: &Context, _config: &Config) -> Vec<Finding> {
        context
            .servers()
            .iter()
            .filter(|server| !server.node_name.contains('.'))
            .map(|server| {
                Finding::new(
                    BARE_NODE_NAME,
                    subject::SERVER,
                    &server.node_name,
                    format!("node name `{}` has no domain", server.node_name),
                )
            })
            .collect()
    }
}

uclint_plugin_sdk::export_plugin!(BareNodeNames);

// Natively, with no WebAssembly involved: `Context` reads a `FakeDeployment`, and `run` checks
// the rules and findings the way the host will.
#[cfg(test)]
mod tests {
    use uclint_plugin_sdk::testing::{FakeDeployment, codes, run};
    use uclint_plugin_sdk::{Client, Server, User};

    use super::*;

    #[test]
    fn flags_bare_node_names() {
        let deployment = FakeDeployment::new()
            .domain("acme.com")
            .server(Server::new("cups-1").role("cups"))
            .server(Server::new("cups-2.acme.com").role("cups"))
            .client(
                Client::new("home", "cupc")
                    .off_network()
                    .dns_suffix("isp.net"),
            )
            .user(User::new("alice").home_node("cups-1").client("home"))
            .dns("cups-2.acme.com", "10.0.0.6");
        let findings = run::<BareNodeNames>(deployment, &Config::new());
        assert_eq!(codes(&findings), [BARE_NODE_NAME]);
        assert_eq!(findings[0].subject.name, "cups-1");
    }

    #[test]
    fn fully_qualified_node_names_pass() {
        let deployment = FakeDeployment::new()
            .domain("acme.com")
            .server(Server::new("cups-1.acme.com").role("cups"))
            .server(Server::new("cups-2.acme.com").role("cups"));
        assert!(run::<BareNodeNames>(deployment, &Config::new()).is_empty());
    }
}
