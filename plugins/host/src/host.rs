//! The host: one engine, a linker with the contract's imports and nothing else, compiled
//! components cached on disk, and every call metered.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use uclint_core::catalogue::{Code, RuleId};
use uclint_core::model::Deployment;
use uclint_core::report::{Finding, Severity, Subject, SubjectKind};
use uclint_core::source::Location;
use wasmtime::component::{Component, HasSelf, Linker};
use wasmtime::{Config, Engine, Store};

use crate::Limits;
use crate::bindings::exports::uclint::rule::rules::{Finding as WitFinding, RuleInfo as WitRule};
use crate::bindings::{CONTRACT, Plugin as Bindings};
use crate::cache::Cache;
use crate::failure::{Failure, classify};
use crate::plugin::{Plugin, PluginRule};
use crate::state::State;
use crate::validate::{Sanitizer, code_problem, namespace_ok, printable, severity, subject_kind};

/// The package every plugin interface belongs to.
const PACKAGE: &str = "uclint:rule/";
/// What this host's contract version looks like in interface names.
const VERSION: &str = "0.1.0";

/// Runs rule plugins in a sandbox.
pub struct PluginHost {
    engine: Engine,
    linker: Linker<State>,
    limits: Limits,
    cache: Option<Cache>,
}

impl PluginHost {
    /// A host with `limits`, caching compiled plugins in `cache` (none: compile every time).
    pub fn new(limits: Limits, cache: Option<Cache>) -> Result<Self, Failure> {
        let mut config = Config::new();
        config.consume_fuel(true);
        config.wasm_component_model(true);
        let engine = Engine::new(&config)
            .map_err(|e| Failure::new(Code::PLUGIN001, format!("cannot start the plugin engine: {e}")))?;
        let mut linker = Linker::new(&engine);
        Bindings::add_to_linker::<State, HasSelf<State>>(&mut linker, |state| state)
            .map_err(|e| Failure::new(Code::PLUGIN001, format!("cannot link the plugin contract: {e}")))?;
        Ok(Self {
            engine,
            linker,
            limits,
            cache,
        })
    }

    /// The limits every call runs under.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Load the plugin at `path`.
    pub fn load(&self, path: &Path) -> Result<Plugin, Failure> {
        let bytes = self
            .read(path)
            .map_err(|why| Failure::new(Code::PLUGIN001, format!("cannot read `{}`: {why}", path.display())))?;
        self.load_bytes(path, &bytes)
    }

    /// The plugin file's bytes, refusing files above `max_plugin_bytes` without reading them.
    fn read(&self, path: &Path) -> Result<Vec<u8>, String> {
        let cap = self.limits.max_plugin_bytes;
        let too_big = |len: u64| {
            format!(
                "it is {len} bytes, more than the {cap} bytes ({} MiB) uclint accepts",
                cap >> 20
            )
        };
        let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
        let len = file.metadata().map_err(|e| e.to_string())?.len();
        if len > cap as u64 {
            return Err(too_big(len));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        // A file that grows while being read still stops one byte past the cap.
        std::io::Read::read_to_end(&mut std::io::Read::take(file, cap as u64 + 1), &mut bytes)
            .map_err(|e| e.to_string())?;
        if bytes.len() > cap {
            return Err(too_big(bytes.len() as u64));
        }
        Ok(bytes)
    }

    /// Load a plugin from its bytes (`path` names it).
    pub fn load_bytes(&self, path: &Path, bytes: &[u8]) -> Result<Plugin, Failure> {
        let cant = |reason: String| Failure::new(Code::PLUGIN001, reason);
        if !bytes.starts_with(b"\0asm") {
            return Err(cant("not a WebAssembly file".to_owned()));
        }
        let compiled = match &self.cache {
            Some(cache) => cache.load(&self.engine, bytes),
            None => Component::new(&self.engine, bytes).map(|c| (c, false)),
        };
        let (component, from_cache) = compiled.map_err(|e| {
            cant(format!(
                "not a WebAssembly component this host can run: {}",
                first_line(&e)
            ))
        })?;
        self.check_contract(&component)?;

        // Whatever else the plugin imports (WASI's files, clocks, sockets...) is linked to a
        // trap: the sandbox grants nothing beyond the contract.
        let mut linker = self.linker.clone();
        linker
            .define_unknown_imports_as_traps(&component)
            .map_err(|e| cant(format!("cannot link its imports: {}", first_line(&e))))?;
        let pre = linker
            .instantiate_pre(&component)
            .map_err(|e| cant(format!("cannot link its imports: {}", first_line(&e))))?;

        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let mut plugin = Plugin {
            name,
            path: PathBuf::from(path),
            namespace: String::new(),
            rules: Vec::new(),
            from_cache,
            stripped_at_load: 0,
            pre,
        };
        let empty = Arc::new(Deployment::default());
        let (namespace, rules) = self.call(&plugin, &empty, |store, bindings| {
            let api = bindings.uclint_rule_rules();
            Ok((api.call_namespace(&mut *store)?, api.call_rules(&mut *store)?))
        })?;
        let mut sanitizer = Sanitizer::default();
        plugin.rules = declared_rules(&namespace, rules, &mut sanitizer)?;
        plugin.namespace = namespace;
        plugin.stripped_at_load = sanitizer.stripped;
        Ok(plugin)
    }

    /// Refuse components built for another version of the contract, or for none.
    fn check_contract(&self, component: &Component) -> Result<(), Failure> {
        let ty = component.component_type();
        let names: Vec<String> = ty
            .exports(&self.engine)
            .map(|(name, _)| name.to_owned())
            .chain(ty.imports(&self.engine).map(|(name, _)| name.to_owned()))
            .collect();
        let ours: Vec<&str> = names.iter().filter_map(|n| n.strip_prefix(PACKAGE)).collect();
        if let Some(other) = ours
            .iter()
            .find_map(|n| n.split_once('@').map(|(_, v)| v).filter(|v| *v != VERSION))
        {
            return Err(Failure::new(
                Code::PLUGIN001,
                format!(
                    "built for uclint:rule@{}, but this uclint runs plugins built for {CONTRACT}: rebuild it against {CONTRACT}",
                    printable(other)
                ),
            ));
        }
        if !names.iter().any(|n| n == "uclint:rule/rules@0.1.0") {
            return Err(Failure::new(
                Code::PLUGIN001,
                format!(
                    "not a uclint rule plugin: it does not export `uclint:rule/rules@{VERSION}` (it exports {})",
                    if names.is_empty() {
                        "nothing".to_owned()
                    } else {
                        names.iter().map(|n| printable(n)).collect::<Vec<_>>().join(", ")
                    }
                ),
            ));
        }
        Ok(())
    }

    /// Run the plugin's `check` over `deployment`. Never fails: what goes wrong becomes
    /// PLUGIN findings about the plugin (placed at `origin`, where the plugin was named).
    pub fn check(
        &self,
        plugin: &Plugin,
        deployment: &Arc<Deployment>,
        config: &BTreeMap<String, String>,
        origin: Option<Location>,
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut sanitizer = Sanitizer {
            stripped: plugin.stripped_at_load,
        };
        let config: Vec<(String, String)> = config.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let raw = match self.call(plugin, deployment, |store, bindings| {
            bindings.uclint_rule_rules().call_check(&mut *store, &config)
        }) {
            Ok(raw) => raw,
            Err(failure) => {
                out.push(failure.finding(&plugin.name, origin.clone()));
                return with_stripped(out, &sanitizer, plugin, origin);
            }
        };
        if let Err(failure) = self.within_output_limits(&raw) {
            out.push(failure.finding(&plugin.name, origin.clone()));
            return with_stripped(out, &sanitizer, plugin, origin);
        }
        let places = Places::new(deployment);
        let mut invalid = Vec::new();
        for finding in raw {
            match accept(plugin, finding, &mut sanitizer, &places) {
                Ok(f) => out.push(f),
                Err(why) => invalid.push(why),
            }
        }
        if let Some(first) = invalid.first() {
            let reason = if invalid.len() == 1 {
                format!("dropped a finding: {first}")
            } else {
                format!("dropped {} findings; the first: {first}", invalid.len())
            };
            out.push(Failure::new(Code::PLUGIN006, reason).finding(&plugin.name, origin.clone()));
        }
        with_stripped(out, &sanitizer, plugin, origin)
    }

    fn within_output_limits(&self, raw: &[WitFinding]) -> Result<(), Failure> {
        if raw.len() > self.limits.max_findings {
            return Err(Failure::new(
                Code::PLUGIN005,
                format!(
                    "returned {} findings; one call may return {}",
                    raw.len(),
                    self.limits.max_findings
                ),
            ));
        }
        let bytes: usize = raw
            .iter()
            .map(|f| {
                f.code.len()
                    + f.severity.len()
                    + f.message.len()
                    + f.subject.kind.len()
                    + f.subject.name.len()
                    + f.fixes.iter().map(|x| x.action.len() + x.tradeoff.len()).sum::<usize>()
            })
            .sum();
        if bytes > self.limits.max_output_bytes {
            return Err(Failure::new(
                Code::PLUGIN005,
                format!(
                    "returned {} MiB of text; one call may return {} MiB",
                    bytes >> 20,
                    self.limits.max_output_bytes >> 20
                ),
            ));
        }
        Ok(())
    }

    /// One metered call on a fresh instance.
    fn call<T>(
        &self,
        plugin: &Plugin,
        deployment: &Arc<Deployment>,
        f: impl FnOnce(&mut Store<State>, &Bindings) -> wasmtime::Result<T>,
    ) -> Result<T, Failure> {
        let mut store = Store::new(&self.engine, State::new(Arc::clone(deployment), &self.limits));
        store.limiter(|state| &mut state.limiter);
        store
            .set_fuel(self.limits.fuel)
            .map_err(|e| Failure::new(Code::PLUGIN001, e.to_string()))?;
        let result = plugin
            .pre
            .instantiate(&mut store)
            .and_then(|instance| Bindings::new(&mut store, &instance))
            .and_then(|bindings| f(&mut store, &bindings));
        result.map_err(|e| classify(&e, store.data(), &self.limits))
    }
}

/// The plugin's declared rules, validated: a bad namespace or code refuses the plugin.
fn declared_rules(namespace: &str, rules: Vec<WitRule>, sanitizer: &mut Sanitizer) -> Result<Vec<PluginRule>, Failure> {
    let refuse = |reason: String| Failure::new(Code::PLUGIN008, reason);
    if !namespace_ok(namespace) {
        return Err(refuse(format!(
            "its namespace `{}` is not `X-<VENDOR>` (upper-case letters, digits and dashes)",
            printable(namespace)
        )));
    }
    if rules.is_empty() {
        return Err(refuse("it declares no rules".to_owned()));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(rules.len());
    for rule in rules {
        if let Some(problem) = code_problem(&rule.code, namespace) {
            return Err(refuse(problem));
        }
        if !seen.insert(rule.code.clone()) {
            return Err(refuse(format!("it declares `{}` twice", rule.code)));
        }
        let default = severity(&rule.severity, Severity::Info)
            .ok()
            .filter(|_| !rule.severity.is_empty())
            .ok_or_else(|| {
                refuse(format!(
                    "rule `{}` has default severity `{}`",
                    rule.code,
                    printable(&rule.severity)
                ))
            })?;
        out.push(PluginRule {
            code: rule.code,
            title: sanitizer.clean(rule.title, false),
            summary: sanitizer.clean(rule.summary, true),
            severity: default,
            docs: sanitizer.clean(rule.docs, true),
            fixes: rule
                .fixes
                .into_iter()
                .map(|f| sanitizer.fix(f.action, f.tradeoff))
                .collect(),
        });
    }
    Ok(out)
}

/// One finding from the plugin, checked and cleaned.
fn accept(plugin: &Plugin, f: WitFinding, sanitizer: &mut Sanitizer, places: &Places<'_>) -> Result<Finding, String> {
    let Some(rule) = plugin.rules.iter().find(|r| r.code == f.code) else {
        return Err(code_problem(&f.code, &plugin.namespace)
            .unwrap_or_else(|| format!("`{}` is not one of the rules the plugin declared", printable(&f.code))));
    };
    let severity = severity(&f.severity, rule.severity)?;
    let kind = subject_kind(&f.subject.kind)?;
    let name = sanitizer.clean(f.subject.name, false);
    let fixes = if f.fixes.is_empty() {
        rule.fixes.clone()
    } else {
        f.fixes
            .into_iter()
            .map(|x| sanitizer.fix(x.action, x.tradeoff))
            .collect()
    };
    Ok(Finding {
        code: RuleId::Plugin(rule.code.clone()),
        severity,
        message: sanitizer.clean(f.message, false),
        location: places.of(kind, &name),
        subject: Subject::new(kind, name),
        fixes,
    })
}

/// Adds the PLUGIN007 finding when text was stripped.
fn with_stripped(
    mut out: Vec<Finding>,
    sanitizer: &Sanitizer,
    plugin: &Plugin,
    origin: Option<Location>,
) -> Vec<Finding> {
    if sanitizer.stripped > 0 {
        out.push(
            Failure::new(
                Code::PLUGIN007,
                format!(
                    "{} control characters removed from its text before display",
                    sanitizer.stripped
                ),
            )
            .finding(&plugin.name, origin),
        );
    }
    out
}

/// Where subjects were written, so plugin findings point at the line like built-in ones.
struct Places<'a> {
    deployment: &'a Deployment,
    users: std::sync::OnceLock<std::collections::HashMap<&'a str, Option<&'a Location>>>,
}

impl<'a> Places<'a> {
    fn new(deployment: &'a Deployment) -> Self {
        Self {
            deployment,
            users: std::sync::OnceLock::new(),
        }
    }

    fn of(&self, kind: SubjectKind, name: &str) -> Option<Location> {
        let d = self.deployment;
        match kind {
            SubjectKind::Server => d.server(name).and_then(|s| s.location.clone()),
            SubjectKind::Client => d.client(name).and_then(|c| c.location.clone()),
            SubjectKind::Route => d
                .sip_proxy
                .static_routes
                .iter()
                .find(|r| r.pattern == name)
                .and_then(|r| r.location.clone()),
            SubjectKind::User => self
                .users
                .get_or_init(|| {
                    d.users
                        .iter()
                        .map(|u| (u.cucm_id.as_str(), u.location.as_ref()))
                        .collect()
                })
                .get(name)
                .copied()
                .flatten()
                .cloned(),
            _ => None,
        }
    }
}

fn first_line(error: &wasmtime::Error) -> String {
    let text = format!("{error:#}");
    printable(text.lines().next().unwrap_or_default())
}
