//! Contract `uclint:rule@0.1.0`: bindings generated from `plugins/wit/v0.1.0`, and the calls
//! into a plugin of this version, converted to [`raw`] types. Its imports are implemented in
//! `crate::imports::v0_1_0`. Released: never edit, only add versions beside it.

use wasmtime::Store;
use wasmtime::component::{HasSelf, Instance, Linker};

use super::{Contract, Declared, Settings, raw};
use crate::state::State;

/// Generated from the WIT. Every import is trappable: a host function stops a plugin that
/// overspends its budget.
#[allow(missing_docs)]
mod generated {
    wasmtime::component::bindgen!({
        path: "../wit/v0.1.0",
        world: "uclint:rule/plugin",
        imports: { default: trappable },
    });
}

use generated::Plugin;
use generated::exports::uclint::rule::rules;
pub use generated::uclint::rule::{deployment, derive, types};

/// This version.
pub const CONTRACT: Contract = Contract {
    version: "0.1.0",
    name: "uclint:rule@0.1.0",
    imports: &["types", "deployment", "derive"],
    add_to_linker,
    rules: call_rules,
    check: call_check,
};

fn add_to_linker(linker: &mut Linker<State>) -> wasmtime::Result<()> {
    Plugin::add_to_linker::<State, HasSelf<State>>(linker, |state| state)
}

fn call_rules(store: &mut Store<State>, instance: &Instance) -> wasmtime::Result<Declared> {
    let plugin = Plugin::new(&mut *store, instance)?;
    let api = plugin.uclint_rule_rules();
    let namespace = api.call_namespace(&mut *store)?;
    let rules = api.call_rules(&mut *store)?;
    Ok((namespace, rules.into_iter().map(rule).collect()))
}

fn call_check(store: &mut Store<State>, instance: &Instance, config: &Settings) -> wasmtime::Result<Vec<raw::Finding>> {
    let plugin = Plugin::new(&mut *store, instance)?;
    let found = plugin.uclint_rule_rules().call_check(&mut *store, config)?;
    Ok(found.into_iter().map(finding).collect())
}

fn rule(r: rules::RuleInfo) -> raw::Rule {
    raw::Rule {
        code: r.code,
        title: r.title,
        summary: r.summary,
        severity: r.severity,
        docs: r.docs,
        fixes: r.fixes.into_iter().map(fix).collect(),
    }
}

fn finding(f: rules::Finding) -> raw::Finding {
    raw::Finding {
        code: f.code,
        severity: f.severity,
        message: f.message,
        subject: raw::Subject {
            kind: f.subject.kind,
            name: f.subject.name,
        },
        fixes: f.fixes.into_iter().map(fix).collect(),
    }
}

fn fix(f: types::Fix) -> raw::Fix {
    raw::Fix {
        action: f.action,
        tradeoff: f.tradeoff,
    }
}
