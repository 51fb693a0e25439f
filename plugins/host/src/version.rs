//! Which contract version a component was built for, from the names of its imports and
//! exports: one the host knows, or a refusal that names both sides.

use uclint_core::catalogue::Code;
use uclint_plugin_contract::PACKAGE;

use crate::bindings::{CONTRACT, Contract, KNOWN, known};
use crate::failure::Failure;
use crate::validate::printable;

/// The contract a component with these `exports` and `imports` (WIT names) speaks.
pub fn contract_of(exports: &[&str], imports: &[&str]) -> Result<&'static Contract, Failure> {
    let refuse = |reason: String| Failure::new(Code::PLUGIN001, reason);
    let ours = |names: &[&str]| -> Vec<(String, String)> {
        names
            .iter()
            .filter_map(|n| n.strip_prefix(PACKAGE)?.strip_prefix('/'))
            .map(|n| match n.split_once('@') {
                Some((interface, version)) => (interface.to_owned(), version.to_owned()),
                None => (n.to_owned(), String::new()),
            })
            .collect()
    };
    let (exported, imported) = (ours(exports), ours(imports));
    if let Some((_, other)) = exported
        .iter()
        .chain(&imported)
        .find(|(_, version)| known(version).is_none())
    {
        let runs: Vec<String> = KNOWN.iter().map(|c| format!("{PACKAGE}@{}", c.version)).collect();
        return Err(refuse(format!(
            "built for {PACKAGE}@{}, but this uclint runs plugins built for {}: rebuild it against {CONTRACT}",
            printable(other),
            runs.join(" or ")
        )));
    }
    let Some(contract) = exported
        .iter()
        .find(|(interface, _)| interface == "rules")
        .and_then(|(_, version)| known(version))
    else {
        let newest = uclint_plugin_contract::VERSION;
        return Err(refuse(format!(
            "not a uclint rule plugin: it does not export `{PACKAGE}/rules@{newest}` (it exports {})",
            if exports.is_empty() {
                "nothing".to_owned()
            } else {
                exports.iter().map(|n| printable(n)).collect::<Vec<_>>().join(", ")
            }
        )));
    };
    Ok(contract)
}

#[cfg(test)]
mod tests {
    use super::*;

    const IMPORTS: [&str; 3] = [
        "uclint:rule/types@0.1.0",
        "uclint:rule/deployment@0.1.0",
        "wasi:cli/stdout@0.2.3",
    ];

    #[test]
    fn a_known_version_is_found_by_its_rules_export() {
        let contract = contract_of(&["uclint:rule/rules@0.1.0"], &IMPORTS).map(|c| c.version);
        assert_eq!(contract, Ok("0.1.0"));
        let newer = ["uclint:rule/derive@0.2.0", "uclint:rule/deployment@0.2.0"];
        let contract = contract_of(&["uclint:rule/rules@0.2.0"], &newer).map(|c| c.version);
        assert_eq!(contract, Ok("0.2.0"));
    }

    #[test]
    fn an_unknown_version_is_refused_naming_both() {
        let failure = contract_of(&["uclint:rule/rules@0.3.0"], &[]).map(|c| c.version);
        let reason = failure.map_err(|f| f.reason).unwrap_err();
        assert!(reason.contains("built for uclint:rule@0.3.0"), "{reason}");
        assert!(
            reason.contains("runs plugins built for uclint:rule@0.1.0 or uclint:rule@0.2.0"),
            "{reason}"
        );
        assert!(reason.contains("rebuild it against uclint:rule@0.2.0"), "{reason}");
    }

    #[test]
    fn a_component_without_the_rules_export_is_refused() {
        let none = contract_of(&["wasi:cli/run@0.2.3"], &IMPORTS).map(|c| c.version);
        let reason = none.map_err(|f| f.reason).unwrap_err();
        assert!(reason.contains("does not export `uclint:rule/rules@0.2.0`"), "{reason}");
        assert!(reason.contains("wasi:cli/run@0.2.3"), "{reason}");
        let unversioned = contract_of(&["uclint:rule/rules"], &[]).map(|c| c.version);
        assert!(unversioned.is_err());
        let empty = contract_of(&[], &[]).map(|c| c.version);
        assert!(empty.map_err(|f| f.reason).unwrap_err().contains("it exports nothing"));
    }
}
