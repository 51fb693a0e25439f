//! The contract as a real plugin sees it: what the deployment interface hands a plugin agrees
//! with the core's own view of the same deployment.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::BTreeMap;

use uclint_core::catalogue::Code;
use uclint_core::model::{Deployment, Format};
use uclint_core::report::Finding;
use uclint_core::rules::{Options, check};
use uclint_core::synth::{Spec, generate};
use uclint_plugin_host::{Limits, PluginHost};

/// Each finding's subject and the user count its message starts with.
fn counts(findings: &[Finding]) -> Vec<(String, String)> {
    let mut counts: Vec<(String, String)> = findings
        .iter()
        .map(|f| {
            let users = f.message.split_whitespace().next().unwrap_or_default();
            (f.subject.name.clone(), users.to_owned())
        })
        .collect();
    counts.sort();
    counts
}

#[test]
fn placements_count_the_users_of_each_node_as_the_core_does() {
    let s = generate(&Spec {
        users: 30_000,
        ..Spec::default()
    });
    let files = BTreeMap::from([("users.csv".to_owned(), s.users_csv)]);
    let deployment =
        std::sync::Arc::new(Deployment::load(&s.deployment, Format::Toml, "synthetic.toml", &files).unwrap());
    let only_prs001 = Options {
        select: vec![Code::PRS001],
        ignore: Vec::new(),
    };
    let builtin = counts(&check(&deployment, &[], &only_prs001).findings);
    assert!(
        !builtin.is_empty(),
        "the synthetic deployment has an unusable presence node"
    );

    // bench-prs001 counts users per node from `placements` alone, then asks the host's D1.
    let host = PluginHost::new(Limits::default(), None).unwrap();
    let plugin = host.load(&support::plugin("bench-prs001")).unwrap();
    let found = host.check(&plugin, &deployment, &BTreeMap::new(), None).findings;
    assert!(found.iter().all(|f| f.code.as_str() == "X-BENCH-PRS001"), "{found:#?}");
    assert_eq!(counts(&found), builtin);
}
