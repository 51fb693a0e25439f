//! Every released contract version keeps loading: a plugin built for `uclint:rule@0.1.0` loads,
//! declares its rules and checks in a host whose newest contract is later, and answers exactly
//! as the same plugin built for the newest contract does.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::BTreeMap;

use uclint_plugin_host::CONTRACT;

use support::host;

#[test]
fn a_plugin_built_for_0_1_0_loads_declares_its_rules_and_checks() {
    let host = host();
    let old = host.load(&support::plugin("hostile-contract-v0-1-0")).unwrap();
    assert_eq!(old.contract(), "uclint:rule@0.1.0");
    assert_ne!(old.contract(), CONTRACT, "the host's newest contract is later");
    assert_eq!(old.namespace, "X-HOSTILE");
    let codes: Vec<&str> = old.rules.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["X-HOSTILE-OK"]);

    let deployment = support::acme();
    let checked = host.check(&old, &deployment, &BTreeMap::new(), None);
    let findings = checked.findings;
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let message = &findings[0].message;
    // It read the deployment and asked every 0.1.0 derivation.
    for part in ["servers", "users", "presence address of", "resolves it to", "routes"] {
        assert!(message.contains(part), "`{part}` in {message}");
    }
    assert!(!message.contains("error"), "{message}");

    // The same source built for the newest contract answers the same.
    let new = host.load(&support::plugin("hostile-well-behaved")).unwrap();
    assert_eq!(
        new.contract(),
        CONTRACT,
        "the other test plugins speak the newest contract"
    );
    let newest = host.check(&new, &deployment, &BTreeMap::new(), None).findings;
    assert_eq!(newest, findings);
}
