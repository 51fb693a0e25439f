//! The house stays layered: no module imports one that imports it back, read from the `use`
//! lines and paths of the source itself. A new arrow that closes a circle fails here, naming it.
//!
//! Core's top-level modules sit on these floors, each using only floors below it:
//!
//! | floor | modules |
//! |---|---|
//! | 0 | `catalogue` (rule codes, pages, services), `source`, `rng` |
//! | 1 | `dns` |
//! | 2 | `model`, `report` |
//! | 3 | `derive`, `route`, `collect` (what a source said; the text importers), `diff` |
//! | 4 | `rules` |
//! | 5 | `health`, `pipeline`, `synth` |
//!
//! The Python binding's modules (one file each) must form no circle either.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const CORE_FLOORS: &[(&str, u8)] = &[
    ("catalogue", 0),
    ("source", 0),
    ("rng", 0),
    ("dns", 1),
    ("model", 2),
    ("report", 2),
    ("derive", 3),
    ("route", 3),
    ("collect", 3),
    ("diff", 3),
    ("rules", 4),
    ("health", 5),
    ("pipeline", 5),
    ("synth", 5),
];

type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to: `src/rules/prs.rs` -> `rules`, `src/synth.rs` -> `synth`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_owned())
}

/// Every `crate::NAME` a line of code names (comments skipped), as the module it reaches.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                out.insert(name);
            }
            rest = after;
        }
        // `use crate::{a, b}` names several modules at once.
        if let Some(at) = code.find("crate::{") {
            let inside = code[at + "crate::{".len()..].split('}').next().unwrap_or_default();
            for part in inside.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        }
    }
    out
}

/// The arrows between top-level modules of the crate whose sources are in `src`.
fn graph(src: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut graph = Graph::new();
    for file in files {
        let Some(from) = module_of(src, &file) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        let targets = graph.entry(from.clone()).or_default();
        targets.extend(crate_paths(&text).into_iter().filter(|to| *to != from));
    }
    // Only arrows to modules that exist (not to `crate::SomeType` re-exported at the root).
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for targets in graph.values_mut() {
        targets.retain(|t| modules.contains(t));
    }
    graph
}

/// One circle, if there is any: the modules in order, the first repeated at the end.
fn circle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(node: &str, graph: &Graph, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_readers_see_what_they_are_meant_to() {
    let paths = crate_paths(
        "use crate::catalogue::Code;\nuse crate::{model::A, report};\n// crate::rules in a comment\nlet x = crate::dns::absolute(n);",
    );
    assert_eq!(
        paths,
        BTreeSet::from(["catalogue", "dns", "model", "report"].map(String::from))
    );
    let g = Graph::from([
        ("a".to_owned(), BTreeSet::from(["b".to_owned()])),
        ("b".to_owned(), BTreeSet::from(["a".to_owned()])),
    ]);
    assert_eq!(circle(&g), Some(vec!["a".to_owned(), "b".to_owned(), "a".to_owned()]));
}

#[test]
fn core_modules_only_use_the_floors_below_them() {
    let graph = graph(&root().join("src"));
    let floors: BTreeMap<&str, u8> = CORE_FLOORS.iter().copied().collect();
    for module in graph.keys() {
        assert!(
            floors.contains_key(module.as_str()),
            "core module `{module}` has no floor: add it to CORE_FLOORS and the table above"
        );
    }
    let mut upward = Vec::new();
    for (from, targets) in &graph {
        for to in targets {
            if floors[to.as_str()] >= floors[from.as_str()] {
                upward.push(format!(
                    "{from} (floor {}) -> {to} (floor {})",
                    floors[from.as_str()],
                    floors[to.as_str()]
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "arrows that do not point down:\n{}",
        upward.join("\n")
    );
    assert_eq!(circle(&graph), None);
    assert!(
        graph["catalogue"].is_empty(),
        "the catalogue is a leaf: {:?}",
        graph["catalogue"]
    );
}

#[test]
fn the_python_bindings_modules_form_no_circle() {
    let graph = graph(&root().join("../bindings-python/src"));
    assert!(graph.len() > 5, "read the binding's modules: {graph:?}");
    assert_eq!(circle(&graph), None, "{graph:?}");
}
