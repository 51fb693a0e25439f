//! Write uclint rule plugins in Rust.
//!
//! A plugin is a WebAssembly component implementing the `uclint:rule@0.2.0` contract
//! (`plugins/wit/v0.2.0/rule.wit`). With this crate a plugin author implements [`Plugin`] and calls
//! [`export_plugin!`]; the component bindings stay inside the SDK.
//!
//! ```
//! use uclint_plugin_sdk::{subject, Config, Context, Finding, Plugin, Rule, Severity};
//!
//! pub struct BareNodeNames;
//!
//! impl Plugin for BareNodeNames {
//!     const NAMESPACE: &'static str = "X-ACME";
//!
//!     fn rules() -> Vec<Rule> {
//!         vec![Rule::new("X-ACME-BARE1", "Node name is a bare hostname", Severity::Warning)
//!             .summary("Every server's node name must contain its DNS domain.")
//!             .docs("Off-site clients append their ISP's DNS suffix to bare names, and fail.")
//!             .fix("Rename the node to its FQHN", "the node's services restart")
//!             .fix("Add a hosts file entry on every client", "per machine, goes stale")]
//!     }
//!
//!     fn check(context: &Context, _config: &Config) -> Vec<Finding> {
//!         context.servers().iter()
//!             .filter(|server| !server.node_name.contains('.'))
//!             .map(|server| Finding::new("X-ACME-BARE1", subject::SERVER, &server.node_name,
//!                 format!("node name `{}` has no domain", server.node_name)))
//!             .collect()
//!     }
//! }
//!
//! uclint_plugin_sdk::export_plugin!(BareNodeNames);
//!
//! // A native unit test (the README's example, kept compiling here):
//! use uclint_plugin_sdk::testing::{codes, run, FakeDeployment};
//! use uclint_plugin_sdk::{Client, Server, User};
//!
//! let deployment = FakeDeployment::new()
//!     .domain("acme.com")
//!     .server(Server::new("cups-1").role("cups"))
//!     .server(Server::new("cups-2.acme.com").role("cups"))
//!     .client(Client::new("home", "cupc").off_network().dns_suffix("isp.net"))
//!     .user(User::new("alice").home_node("cups-1").client("home"))
//!     .dns("cups-2.acme.com", "10.0.0.6");
//! let findings = run::<BareNodeNames>(deployment, &Config::new());
//! assert_eq!(codes(&findings), ["X-ACME-BARE1"]);
//! ```
//!
//! Build it with `cargo build --release --target wasm32-wasip2` (crate type `cdylib`). Natively
//! the crate has no bindings at all: [`export_plugin!`] only checks that the type implements
//! [`Plugin`], and [`Context`] reads a [`testing::FakeDeployment`].
//!
//! Inside the sandbox the only WASI is stdout and stderr (`println!`, `eprintln!`: the host
//! captures them per call and shows them to whoever runs uclint); no files, network,
//! environment, clock or randomness. `std::collections::HashMap::new()` asks for random keys
//! and traps; use `BTreeMap`. A panic's message reaches the host's report of the failure.

mod context;
mod jabber;
mod model;
pub mod testing;
mod types;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use context::{Context, Host, PLACEMENT_PAGE, Pages, Placements, USER_PAGE, Users};
pub use jabber::{Connection, Issue, JabberDiscovery, SrvQuery};
pub use model::{
    Attempt, Client, Placement, Presence, Resolution, Routing, Server, SipProxy, StaticRoute, Target, User,
};
pub use types::{Config, Finding, Fix, Rule, Severity, Subject, UnknownSeverity};

/// The version of the plugin contract (`uclint:rule`) this SDK builds components for.
pub const CONTRACT_VERSION: &str = uclint_plugin_contract::VERSION;

/// The subject kinds the host accepts for [`Finding::new`]'s `subject_kind`.
pub mod subject {
    /// The deployment as a whole (name: the deployment's name).
    pub const DEPLOYMENT: &str = "deployment";
    /// A server (name: its node name).
    pub const SERVER: &str = "server";
    /// A user (name: the CUCM id).
    pub const USER: &str = "user";
    /// A client profile (name: its id).
    pub const CLIENT: &str = "client";
    /// The SIP proxy's settings.
    pub const SIP_PROXY: &str = "sip-proxy";
    /// A static route (name: its pattern).
    pub const ROUTE: &str = "route";
    /// A destination domain.
    pub const DOMAIN: &str = "domain";
    /// The LDAP integration.
    pub const LDAP: &str = "ldap";
    /// Voicemail.
    pub const VOICEMAIL: &str = "voicemail";
    /// Calendar integration.
    pub const CALENDAR: &str = "calendar";
    /// A rule plugin (name: its file name).
    pub const PLUGIN: &str = "plugin";
    /// Every kind.
    pub const ALL: [&str; 11] = [
        DEPLOYMENT, SERVER, USER, CLIENT, SIP_PROXY, ROUTE, DOMAIN, LDAP, VOICEMAIL, CALENDAR, PLUGIN,
    ];
}

/// A rule plugin: a namespace, its rules, and a check over the deployment.
///
/// Everything is an associated function: the host creates a fresh instance per plugin and calls
/// them without state. Export the implementing type with [`export_plugin!`].
pub trait Plugin {
    /// `X-<VENDOR>`: upper-case letters, digits and dashes; every rule code starts with it and a dash.
    const NAMESPACE: &'static str;

    /// The plugin's rules. Every finding's code must be one of them.
    fn rules() -> Vec<Rule>;

    /// Checks the deployment. `config` holds the settings the deployment file gives the plugin.
    /// A panic becomes a trap, which the host reports as a finding about the plugin, with the
    /// panic's message.
    fn check(context: &Context, config: &Config) -> Vec<Finding>;
}

/// Exports a [`Plugin`] as the component's `uclint:rule/rules` implementation. Call it once, at
/// the crate root of a `cdylib` crate: `uclint_plugin_sdk::export_plugin!(MyPlugin);`.
///
/// Natively (unit tests) it only checks that the type implements [`Plugin`].
#[macro_export]
macro_rules! export_plugin {
    ($plugin:ty) => {
        const _: fn() = || {
            fn implements_plugin<P: $crate::Plugin>() {}
            implements_plugin::<$plugin>();
        };

        // The component's export functions (`#[unsafe(export_name)]`, raw ABI) are generated
        // by wit-bindgen. They are the only unsafe code a plugin contains, and it is not the
        // plugin author's: allowed here so crates may keep `unsafe_code = "deny"`.
        #[cfg(target_arch = "wasm32")]
        #[allow(unsafe_code)]
        const _: () = {
            type UclintPluginExport = $crate::__private::Adapter<$plugin>;
    $crate::__private::export!(UclintPluginExport with_types_in $crate::__private::bindings);
        };
    };
}

/// Not public API: what [`export_plugin!`] expands to.
#[doc(hidden)]
pub mod __private {
    #[cfg(target_arch = "wasm32")]
    pub use crate::wasm::{Adapter, bindings, export};
}
