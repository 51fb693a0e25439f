//! Third-party rule plugins a deployment asks for.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::source::Location;

/// One plugin to run with every check of this deployment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PluginRef {
    /// The `.wasm` component, relative to the deployment file on the command line.
    pub path: String,
    /// Settings handed to the plugin's `check` (e.g. a naming pattern).
    #[serde(default)]
    pub config: BTreeMap<String, String>,
    /// Where this plugin was named.
    #[serde(skip)]
    pub location: Option<Location>,
}
