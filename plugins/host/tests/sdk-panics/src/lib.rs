//! A plugin written with the SDK that panics when its configuration lacks `site`, as a careless
//! plugin would: the host's tests check that the panic's message reaches the PLUGIN002 finding
//! through the SDK's panic hook. With `site` set it returns one finding naming it.

use uclint_plugin_sdk::{Config, Context, Finding, Plugin, Rule, Severity, subject};

/// Needs the setting `site`.
pub struct NeedsSite;

impl Plugin for NeedsSite {
    const NAMESPACE: &'static str = "X-SDKTEST";

    fn rules() -> Vec<Rule> {
        vec![Rule::new("X-SDKTEST-SITE", "Names the configured site", Severity::Info).summary("Test plugin.")]
    }

    fn check(context: &Context, config: &Config) -> Vec<Finding> {
        let Some(site) = config.get_nonempty("site") else {
            panic!("config key site is required");
        };
        vec![Finding::new(
            "X-SDKTEST-SITE",
            subject::DEPLOYMENT,
            context.name(),
            format!("site `{site}`"),
        )]
    }
}

uclint_plugin_sdk::export_plugin!(NeedsSite);
