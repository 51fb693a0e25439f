//! The sandbox's refusal: every import of a plugin that the host does not provide is defined
//! as a function that fails with [`UnsupportedImport`], naming it. Linking never fails over a
//! missing import (Rust's `std` imports WASI whether a plugin uses it or not); calling one ends
//! the call, and the failure says which one, by type rather than by message text.

use wasmtime::component::types::ComponentItem;
use wasmtime::component::{Component, Linker, LinkerInstance, ResourceType};
use wasmtime::{Engine, bail};

use crate::names::compatible;
use crate::state::State;

/// Raised when a plugin calls an import the sandbox does not grant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("called `{name}`, which the sandbox does not grant")]
pub struct UnsupportedImport {
    /// The import as the plugin names it: `wasi:filesystem/types@0.2.3#[method]descriptor.read`.
    pub name: String,
}

/// An interface the host defines, as WIT names it: all of it, or only some of its functions.
#[derive(Debug, Clone)]
pub struct Provided {
    /// `wasi:cli/stdout@0.2.12`.
    pub name: String,
    /// The functions defined, when not all of them are; the others are refused.
    pub only: Option<&'static [&'static str]>,
}

impl Provided {
    /// All of interface `name`.
    pub fn all(name: String) -> Self {
        Self { name, only: None }
    }
}

/// The host type of every refused resource: nothing of it is ever created.
struct Refused;

/// Define every import of `component` that nothing in `provided` serves (by the semver rule
/// of [`compatible`]) as a refusal.
pub fn refuse_the_rest(
    linker: &mut Linker<State>,
    engine: &Engine,
    component: &Component,
    provided: &[Provided],
) -> wasmtime::Result<()> {
    let ty = component.component_type();
    // Resources seen so far: an interface that `use`s another's resource re-exports the same
    // type, which must not be defined a second time.
    let mut seen: Vec<ResourceType> = Vec::new();
    for (name, import) in ty.imports(engine) {
        match provided.iter().find(|p| compatible(name, &p.name)) {
            None => refuse(&mut linker.root(), engine, name, name, import.ty, &mut seen)?,
            Some(Provided { only: None, .. }) => note_resources(engine, &import.ty, &mut seen),
            Some(Provided {
                name: defined,
                only: Some(functions),
            }) => {
                let ComponentItem::ComponentInstance(instance) = import.ty else {
                    bail!("it imports `{name}` as something other than an interface");
                };
                // The rest goes into the host's own instance, where the linker will look.
                let mut target = linker.instance(defined)?;
                for (export, item) in instance.exports(engine) {
                    if !functions.contains(&export) {
                        refuse(
                            &mut target,
                            engine,
                            export,
                            &format!("{name}#{export}"),
                            item.ty,
                            &mut seen,
                        )?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Define `item`, named `name` in `target` and `full` for people, as a refusal.
fn refuse(
    target: &mut LinkerInstance<'_, State>,
    engine: &Engine,
    name: &str,
    full: &str,
    item: ComponentItem,
    seen: &mut Vec<ResourceType>,
) -> wasmtime::Result<()> {
    match item {
        ComponentItem::ComponentFunc(_) => {
            let refusal = UnsupportedImport { name: full.to_owned() };
            target.func_new(name, move |_, _, _, _| Err(wasmtime::Error::new(refusal.clone())))
        }
        ComponentItem::ComponentInstance(instance) => {
            let mut nested = target.instance(name)?;
            for (export, item) in instance.exports(engine) {
                refuse(&mut nested, engine, export, &format!("{full}#{export}"), item.ty, seen)?;
            }
            Ok(())
        }
        // A resource another interface `use`s is the same type: defined once, where it is first.
        ComponentItem::Resource(resource) if seen.contains(&resource) => Ok(()),
        ComponentItem::Resource(resource) => {
            seen.push(resource);
            target.resource(name, ResourceType::host::<Refused>(), |_, _| Ok(()))
        }
        // Records, variants and other value types need no definition.
        ComponentItem::Type(_) => Ok(()),
        ComponentItem::Module(_) | ComponentItem::Component(_) | ComponentItem::CoreFunc(_) => {
            bail!("it imports `{full}`, a module or component, which no plugin needs")
        }
    }
}

/// Remember the resources of a provided interface, so that their re-exports elsewhere are
/// recognised as the same types.
fn note_resources(engine: &Engine, item: &ComponentItem, seen: &mut Vec<ResourceType>) {
    match item {
        ComponentItem::Resource(resource) if !seen.contains(resource) => seen.push(*resource),
        ComponentItem::ComponentInstance(instance) => {
            for (_, export) in instance.exports(engine) {
                note_resources(engine, &export.ty, seen);
            }
        }
        _ => {}
    }
}
