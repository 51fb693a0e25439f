//! Every version of the plugin contract this host speaks, one module per released version
//! (bindings generated from `plugins/wit/v<VERSION>/`), all converting to the host's own types
//! in [`raw`]. Adding a version is adding its WIT folder, its module and one line in [`KNOWN`].

pub mod raw;
pub mod v0_1_0;
pub mod v0_2_0;

use wasmtime::Store;
use wasmtime::component::{Instance, Linker};

use crate::state::State;

/// The newest contract, as WIT names it (`uclint:rule@0.2.0`): what the SDK builds plugins for.
pub const CONTRACT: &str = uclint_plugin_contract::CONTRACT;

/// Every contract version the host runs plugins of, oldest first.
pub const KNOWN: &[&Contract] = &[&v0_1_0::CONTRACT, &v0_2_0::CONTRACT];

// The newest version the host knows is the one the SDK and `CONTRACT` name.
const _: () = assert!(same(KNOWN[KNOWN.len() - 1].version, uclint_plugin_contract::VERSION));

/// One version of the contract: its interfaces and how to call a plugin built for it.
pub struct Contract {
    /// `0.1.0`.
    pub version: &'static str,
    /// The contract as WIT names it: `uclint:rule@0.1.0`.
    pub name: &'static str,
    /// The interfaces a plugin of this version imports from the host, without package or
    /// version (`deployment`).
    pub imports: &'static [&'static str],
    /// Defines this version's imports (the host's implementation) in `linker`.
    pub add_to_linker: fn(&mut Linker<State>) -> wasmtime::Result<()>,
    /// Calls `namespace` and `rules` on an instance.
    pub rules: fn(&mut Store<State>, &Instance) -> wasmtime::Result<Declared>,
    /// Calls `check` with the plugin's settings on an instance.
    pub check: fn(&mut Store<State>, &Instance, &Settings) -> wasmtime::Result<Vec<raw::Finding>>,
}

/// What a plugin declares at load: its namespace and its rules.
pub type Declared = (String, Vec<raw::Rule>);

/// A plugin's settings, as `check` receives them.
pub type Settings = [(String, String)];

impl Contract {
    /// The full WIT name of `interface` in this version: `uclint:rule/deployment@0.1.0`.
    pub fn interface(&self, interface: &str) -> String {
        format!("{}/{interface}@{}", uclint_plugin_contract::PACKAGE, self.version)
    }
}

/// The contract `version` (`0.1.0`), if the host knows it.
pub fn known(version: &str) -> Option<&'static Contract> {
    KNOWN.iter().copied().find(|c| c.version == version)
}

/// `a == b`, in a `const` context.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wit_folder_has_its_module_and_every_module_its_folder() {
        let wit = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../wit");
        let mut folders: Vec<String> = std::fs::read_dir(&wit)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.strip_prefix('v').map(str::to_owned))
            .collect();
        folders.sort();
        let mut versions: Vec<String> = KNOWN.iter().map(|c| c.version.to_owned()).collect();
        versions.sort();
        assert_eq!(folders, versions, "plugins/wit/v*/ against bindings::KNOWN");
        for contract in KNOWN {
            assert_eq!(contract.name, format!("uclint:rule@{}", contract.version));
            let text = std::fs::read_to_string(wit.join(format!("v{}/rule.wit", contract.version))).unwrap_or_default();
            let package = format!("package uclint:rule@{};", contract.version);
            assert!(
                text.lines().any(|l| l == package),
                "v{} declares {package}",
                contract.version
            );
        }
    }

    #[test]
    fn versions_are_looked_up_exactly() {
        assert!(known("0.1.0").is_some());
        assert!(known("0.2.0").is_some());
        assert!(known("0.1").is_none());
        assert!(known("0.3.0").is_none());
        assert!(same("0.1.0", "0.1.0") && !same("0.1.0", "0.1.1") && !same("0.1", "0.1.0"));
    }
}
