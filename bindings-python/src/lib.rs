//! The `uclint` Python package's native module, `uclint._uclint`: conversions only, every answer
//! comes from `uclint-core`. The pure-Python package `uclint` re-exports it. The wheel's `uclint`
//! command is the command line itself (`uclint-cli`, through `run_cli`).
//!
//! Every class is immutable (`frozen`) and compares by value; a `Deployment` may be shared
//! between threads, and the long calls (loading, `check`, `health`, batches) release the GIL.

mod cli;
mod collect;
mod deployment;
mod diff;
mod errors;
mod health;
mod jabber;
mod live_health;
mod location;
mod model;
mod plugins;
mod presence;
mod probe;
mod problem;
mod report;
mod resolve;
mod route;
mod rules;
mod service_health;
mod value;

use pyo3::prelude::*;

/// The native module.
#[pymodule]
fn _uclint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add(
        "PROXY_DOMAIN_NOT_SET",
        uclint_core::derive::presence::PROXY_DOMAIN_NOT_SET,
    )?;
    errors::register(m)?;

    m.add_class::<deployment::Deployment>()?;
    m.add_class::<model::Server>()?;
    m.add_class::<model::Client>()?;
    m.add_class::<model::User>()?;
    m.add_class::<presence::PresenceAddress>()?;
    m.add_class::<resolve::Resolution>()?;
    m.add_class::<resolve::Attempt>()?;
    m.add_class::<route::Routing>()?;
    m.add_class::<route::Target>()?;
    m.add_class::<route::Step>()?;
    m.add_class::<jabber::JabberDiscovery>()?;
    m.add_class::<jabber::SrvQuery>()?;
    m.add_class::<jabber::SrvTarget>()?;
    m.add_class::<jabber::Connection>()?;
    m.add_class::<jabber::Issue>()?;
    m.add_class::<report::Report>()?;
    m.add_class::<report::Finding>()?;
    m.add_class::<report::Fix>()?;
    m.add_class::<report::Subject>()?;
    m.add_class::<location::Location>()?;
    m.add_class::<report::Skipped>()?;
    m.add_class::<report::Summary>()?;
    m.add_class::<problem::Problem>()?;
    m.add_class::<report::PluginOutput>()?;
    m.add_class::<service_health::Health>()?;
    m.add_class::<service_health::ServiceHealth>()?;
    m.add_class::<live_health::LiveHealth>()?;
    m.add_class::<live_health::LiveService>()?;
    m.add_class::<probe::ProbeReport>()?;
    m.add_class::<probe::Observation>()?;
    m.add_class::<probe::Target>()?;
    m.add_class::<probe::Evidence>()?;
    m.add_class::<probe::Setting>()?;
    m.add_class::<rules::Rule>()?;
    m.add_class::<plugins::Plugin>()?;
    m.add_class::<plugins::PluginRule>()?;
    m.add_class::<collect::Collected>()?;
    m.add_class::<diff::Diff>()?;
    m.add_class::<diff::Change>()?;

    m.add_function(wrap_pyfunction!(presence::presence_address, m)?)?;
    m.add_function(wrap_pyfunction!(presence::presence_addresses, m)?)?;
    m.add_function(wrap_pyfunction!(resolve::resolve, m)?)?;
    m.add_function(wrap_pyfunction!(route::route, m)?)?;
    m.add_function(wrap_pyfunction!(jabber::jabber_discovery, m)?)?;
    m.add_function(wrap_pyfunction!(report::check, m)?)?;
    m.add_function(wrap_pyfunction!(health::health, m)?)?;
    m.add_function(wrap_pyfunction!(probe::probe, m)?)?;
    m.add_function(wrap_pyfunction!(rules::rules, m)?)?;
    m.add_function(wrap_pyfunction!(rules::explain, m)?)?;
    m.add_function(wrap_pyfunction!(plugins::load_plugin, m)?)?;
    m.add_function(wrap_pyfunction!(collect::import_ipconfig, m)?)?;
    m.add_function(wrap_pyfunction!(collect::import_resolv, m)?)?;
    m.add_function(wrap_pyfunction!(collect::import_scutil, m)?)?;
    m.add_function(wrap_pyfunction!(collect::import_hosts, m)?)?;
    m.add_function(wrap_pyfunction!(collect::import_ldif, m)?)?;
    m.add_function(wrap_pyfunction!(collect::import_bat, m)?)?;
    m.add_function(wrap_pyfunction!(collect::collect_ldap, m)?)?;
    m.add_function(wrap_pyfunction!(collect::collect_axfr, m)?)?;
    m.add_function(wrap_pyfunction!(collect::collect_axl, m)?)?;
    m.add_function(wrap_pyfunction!(collect::collect, m)?)?;
    m.add_function(wrap_pyfunction!(diff::diff, m)?)?;
    m.add_function(wrap_pyfunction!(cli::run_cli, m)?)?;
    Ok(())
}
