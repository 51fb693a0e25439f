//! PRS001 written as a third party would, through the host's D1: walk every user, count them
//! per presence node, ask the host for each node's presence address once, and report the nodes
//! whose address is unusable or does not resolve. The benchmark sets it against built-in PRS001.

use std::collections::BTreeMap;

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
            .summary("PRS001 again, through the host's D1, for the benchmark."),
        ]
    }

    fn check(context: &Context, _config: &Config) -> Vec<Finding> {
        // BTreeMap, not HashMap: std's HashMap seeds itself from WASI randomness, which the
        // sandbox does not grant.
        let mut users_per_node: BTreeMap<String, usize> = BTreeMap::new();
        for user in context.users() {
            if let Some(node) = user.presence_node.or(user.home_node) {
                *users_per_node.entry(node).or_default() += 1;
            }
        }
        let domain = context.proxy_domain().map(str::to_owned);
        users_per_node
            .into_iter()
            .filter_map(|(node, users)| {
                let p = context.presence_address(&node, domain.as_deref(), None);
                (p.verdict != "usable").then(|| {
                    Finding::new(
                        "X-BENCH-PRS001",
                        subject::SERVER,
                        &node,
                        format!("{users} users register to `{}`, which is {}", p.address, p.verdict),
                    )
                })
            })
            .collect()
    }
}

uclint_plugin_sdk::export_plugin!(Prs001);
