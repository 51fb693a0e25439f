//! The host: one engine, a linker with the contract's imports (every version it knows), stdout
//! and stderr, and nothing else; compiled components cached on disk, and every call metered.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use uclint_core::catalogue::Code;
use uclint_core::model::Deployment;
use uclint_core::source::Location;
use wasmtime::component::{Component, Instance, Linker};
use wasmtime::{Config, Engine, Store};

use crate::Limits;
use crate::accept::{Places, accept, declared_rules, with_stripped};
use crate::bindings::{KNOWN, raw};
use crate::cache::Cache;
use crate::failure::{Failure, classify};
use crate::output::{PluginCheck, Printed};
use crate::plugin::Plugin;
use crate::refuse::{Provided, refuse_the_rest};
use crate::state::State;
use crate::validate::{Sanitizer, printable};
use crate::version::contract_of;

/// Runs rule plugins in a sandbox.
pub struct PluginHost {
    engine: Engine,
    linker: Linker<State>,
    /// The interfaces `linker` defines, as WIT names them; every other import is refused.
    provided: Vec<Provided>,
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
        let cannot_link =
            |e: wasmtime::Error| Failure::new(Code::PLUGIN001, format!("cannot link what plugins may import: {e}"));
        let mut linker = Linker::new(&engine);
        let mut provided = crate::wasi::interfaces();
        for contract in KNOWN {
            (contract.add_to_linker)(&mut linker).map_err(cannot_link)?;
            provided.extend(contract.imports.iter().map(|i| Provided::all(contract.interface(i))));
        }
        crate::wasi::add_to_linker(&mut linker).map_err(cannot_link)?;
        Ok(Self {
            engine,
            linker,
            provided,
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
        let ty = component.component_type();
        let exports: Vec<&str> = ty.exports(&self.engine).map(|(name, _)| name).collect();
        let imports: Vec<&str> = ty.imports(&self.engine).map(|(name, _)| name).collect();
        let contract = contract_of(&exports, &imports)?;

        // Whatever else the plugin imports (WASI's files, clocks, sockets...) is refused when
        // called: the sandbox grants nothing beyond the contract, stdout and stderr.
        let mut linker = self.linker.clone();
        refuse_the_rest(&mut linker, &self.engine, &component, &self.provided)
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
            load_output: Printed::default(),
            stripped_at_load: 0,
            contract,
            pre,
        };
        let empty = Arc::new(Deployment::default());
        let (called, output) = self.call(&plugin, &empty, contract.rules);
        let (namespace, rules) = called?;
        let mut sanitizer = Sanitizer::default();
        plugin.rules = declared_rules(&namespace, rules, &mut sanitizer)?;
        plugin.namespace = namespace;
        plugin.stripped_at_load = sanitizer.stripped;
        plugin.load_output = output;
        Ok(plugin)
    }

    /// Run the plugin's `check` over `deployment`. Never fails: what goes wrong becomes
    /// PLUGIN findings about the plugin (placed at `origin`, where the plugin was named). What
    /// the plugin printed meanwhile comes back beside its findings.
    pub fn check(
        &self,
        plugin: &Plugin,
        deployment: &Arc<Deployment>,
        config: &BTreeMap<String, String>,
        origin: Option<Location>,
    ) -> PluginCheck {
        let config: Vec<(String, String)> = config.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let (called, output) = self.call(plugin, deployment, |store, instance| {
            (plugin.contract.check)(store, instance, &config)
        });
        PluginCheck {
            findings: self.findings(plugin, deployment, called, origin),
            output,
        }
    }

    /// The findings of one `check`: the plugin's, validated, or the failure that replaced them.
    fn findings(
        &self,
        plugin: &Plugin,
        deployment: &Deployment,
        called: Result<Vec<raw::Finding>, Failure>,
        origin: Option<Location>,
    ) -> Vec<uclint_core::report::Finding> {
        let mut out = Vec::new();
        let mut sanitizer = Sanitizer {
            stripped: plugin.stripped_at_load,
        };
        let raw = match called.and_then(|raw| self.within_output_limits(&raw).map(|()| raw)) {
            Ok(raw) => raw,
            Err(failure) => {
                out.push(failure.finding(&plugin.name, origin.clone()));
                return with_stripped(out, &sanitizer, plugin, origin);
            }
        };
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

    fn within_output_limits(&self, raw: &[raw::Finding]) -> Result<(), Failure> {
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

    /// One metered call on a fresh instance, and what the plugin printed during it.
    fn call<T>(
        &self,
        plugin: &Plugin,
        deployment: &Arc<Deployment>,
        f: impl FnOnce(&mut Store<State>, &Instance) -> wasmtime::Result<T>,
    ) -> (Result<T, Failure>, Printed) {
        let mut store = Store::new(&self.engine, State::new(Arc::clone(deployment), &self.limits));
        store.limiter(|state| &mut state.limiter);
        if let Err(e) = store.set_fuel(self.limits.fuel) {
            return (Err(Failure::new(Code::PLUGIN001, e.to_string())), Printed::default());
        }
        let result = plugin
            .pre
            .instantiate(&mut store)
            .and_then(|instance| f(&mut store, &instance));
        let state = store.data();
        let output = Printed::from_streams(state.stdout.take(), state.stderr.take());
        let result = result.map_err(|e| classify(&e, state, &self.limits, &output));
        (result, output)
    }
}

fn first_line(error: &wasmtime::Error) -> String {
    let text = format!("{error:#}");
    printable(text.lines().next().unwrap_or_default())
}
