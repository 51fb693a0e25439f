//! PRS001 written as a third party would, through the host's presence address: walk every user's placement,
//! count them per presence node, ask the host for each node's presence address once, and report
//! the nodes whose address is unusable or does not resolve. The benchmark sets it against
//! built-in PRS001.

use uclint_plugin_sdk::{Config, Context, Finding, Plugin, Rule, Severity, subject};

/// PRS001 through the host's derivation.
pub struct Prs001;

impl Plugin for Prs001 {
    const NAMESPACE: &'static str = "X-BENCH";

    fn rules() -> Vec<Rule> {
        vec![
            Rule::new(
                "X-BENCH-PRS001",
                "Presence address unusable or unresolved",
                Severity::Error,
            )
            .summary("PRS001 again, through the host's presence address, for the benchmark."),
        ]
    }

    fn check(context: &Context, _config: &Config) -> Vec<Finding> {
        // Placements, not users: counting needs the node of each user, not its names.
        let servers = context.servers();
        let mut users_per_server = vec![0usize; servers.len()];
        for placement in context.placements() {
            if let Some(count) = placement
                .presence_node
                .and_then(|i| users_per_server.get_mut(i as usize))
            {
                *count += 1;
            }
        }
        let domain = context.proxy_domain().map(str::to_owned);
        servers
            .iter()
            .zip(users_per_server)
            .filter(|(_, users)| *users > 0)
            .filter_map(|(server, users)| {
                let node = &server.node_name;
                let p = context.presence_address(node, domain.as_deref(), None);
                (p.verdict != "usable").then(|| {
                    Finding::new(
                        "X-BENCH-PRS001",
                        subject::SERVER,
                        node,
                        format!("{users} users register to `{}`, which is {}", p.address, p.verdict),
                    )
                })
            })
            .collect()
    }
}

uclint_plugin_sdk::export_plugin!(Prs001);
