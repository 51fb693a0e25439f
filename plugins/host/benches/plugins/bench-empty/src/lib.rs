//! The smallest plugin: one rule, a `check` that finds nothing. Its cost is the host's own
//! overhead per call (instantiation, fuel, the call itself).

use uclint_plugin_sdk::{Config, Context, Finding, Plugin, Rule, Severity};

/// Does nothing, as fast as the host lets it.
pub struct Empty;

impl Plugin for Empty {
    const NAMESPACE: &'static str = "X-BENCH";

    fn rules() -> Vec<Rule> {
        vec![Rule::new("X-BENCH-EMPTY", "Finds nothing", Severity::Info).summary("Measures the host's overhead.")]
    }

    fn check(_context: &Context, _config: &Config) -> Vec<Finding> {
        Vec::new()
    }
}

uclint_plugin_sdk::export_plugin!(Empty);
