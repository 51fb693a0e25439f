//! `uclint plugin new NAME --namespace X-VENDOR`: start a rule plugin. Writes a crate that
//! tests (`cargo test`), builds (`./build.sh`) and loads (`uclint plugin info`) as written: the
//! plugins README's example rule in the given namespace, its native tests, the build script.
//!
//! Everything is checked before anything is written: the name, the namespace (by the contract's
//! own rule, as the host will check it), the SDK and the folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Failure;
use super::plugin_template::{self, File};
use crate::args::PluginNewArgs;
use crate::output::{CODE, DIM, ErasedReport, HEADING, Report};

/// The SDK of the source tree this uclint was built from: `--sdk`'s default while it is there
/// (a uclint built from a checkout, or installed from one with `cargo install --path cli`).
const BUILT_FROM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../plugins/sdk");

/// The longest package name crates.io accepts; longer ones are surely a mistake here too.
const MAX_NAME_LEN: usize = 64;

/// Rust's keywords, strict and reserved: a library named after one cannot be `use`d.
const KEYWORDS: [&str; 51] = [
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod",
    "move", "mut", "override", "priv", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true",
    "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Names taken by Rust's own crates, by folders of cargo's target directory (cargo refuses
/// them) and by the SDK's crates (the plugin depends on them).
const TAKEN: [&str; 11] = [
    "alloc",
    "core",
    "proc_macro",
    "std",
    "test",
    "build",
    "deps",
    "examples",
    "incremental",
    "uclint_plugin_sdk",
    "uclint_plugin_contract",
];

/// Check everything, then write the crate.
pub fn run(args: &PluginNewArgs) -> Result<Box<dyn ErasedReport>, Failure> {
    check_name(&args.name).map_err(Failure::Usage)?;
    check_namespace(&args.namespace).map_err(Failure::Usage)?;
    let sdk = sdk(args.sdk.as_deref()).map_err(Failure::Usage)?;
    let sdk = sdk.to_str().ok_or_else(|| {
        Failure::Usage(format!(
            "the SDK's path `{}` is not UTF-8, which Cargo.toml cannot hold: use an SDK at a UTF-8 path",
            sdk.display()
        ))
    })?;
    let folder = args.dir.join(&args.name);
    check_free(&folder).map_err(Failure::Usage)?;

    let files = plugin_template::files(&args.name, &args.namespace, sdk);
    write(&folder, &files).map_err(Failure::Usage)?;
    let created = folder
        .canonicalize()
        .map_err(|e| Failure::Usage(format!("cannot find `{}` after writing it: {e}", folder.display())))?;
    let component = format!(
        "target/wasm32-wasip2/release/{}.wasm",
        plugin_template::library(&args.name)
    );
    Ok(Box::new(Created {
        created,
        files: files.iter().map(|f| f.path).collect(),
        namespace: args.namespace.clone(),
        rule: format!("{}-{}", args.namespace, plugin_template::RULE),
        next: vec![
            "cargo test".to_owned(),
            "./build.sh".to_owned(),
            format!("uclint plugin info {component}"),
        ],
    }))
}

/// A package name cargo accepts and a Rust library can be named after: lower-case ASCII
/// letters, digits, `-` and `_`, starting with a letter; no keyword, no name already taken.
fn check_name(name: &str) -> Result<(), String> {
    let shape = "a plugin's crate name is lower-case letters, digits, `-` and `_`, starting with a letter \
                 (say, `acme-rules`)";
    if name.is_empty() {
        return Err(format!("the name is empty: {shape}"));
    }
    if !name.starts_with(|c: char| c.is_ascii_lowercase())
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        return Err(format!("`{name}` is not a crate name: {shape}"));
    }
    if name.len() > MAX_NAME_LEN {
        return Err(format!(
            "`{name}` is {} characters long: a crate name has at most {MAX_NAME_LEN}",
            name.len()
        ));
    }
    let library = plugin_template::library(name);
    if KEYWORDS.contains(&library.as_str()) {
        return Err(format!(
            "`{name}` is a Rust keyword, which cannot name a crate: choose another name"
        ));
    }
    if TAKEN.contains(&library.as_str()) {
        return Err(format!(
            "`{name}` is taken (by a crate of Rust's own, a folder of cargo's, or the plugin SDK): choose another name"
        ));
    }
    Ok(())
}

/// `X-<VENDOR>` as the host checks it; for a near miss (`acme`, `x-acme`), the namespace meant.
fn check_namespace(namespace: &str) -> Result<(), String> {
    if uclint_plugin_contract::namespace_ok(namespace) {
        return Ok(());
    }
    let mut message = format!(
        "`--namespace {namespace}` is not `X-<VENDOR>`: `X-`, then upper-case letters, digits and single inner \
         dashes, starting with a letter, at most {} characters",
        uclint_plugin_contract::MAX_NAMESPACE_LEN
    );
    let upper = namespace.to_ascii_uppercase();
    let meant = if upper.starts_with("X-") {
        upper
    } else {
        format!("X-{upper}")
    };
    if uclint_plugin_contract::namespace_ok(&meant) {
        message.push_str(&format!("; did you mean `{meant}`?"));
    }
    Err(message)
}

/// The SDK's absolute path: `given`, or the one uclint was built from. Not on crates.io, so
/// there is no other default.
fn sdk(given: Option<&Path>) -> Result<PathBuf, String> {
    let Some(given) = given else {
        return Path::new(BUILT_FROM)
            .canonicalize()
            .ok()
            .filter(|path| is_sdk(path))
            .ok_or_else(|| {
                format!(
                    "this uclint was built from a source tree whose plugin SDK (`{BUILT_FROM}`) is not there: \
                     pass --sdk PATH, a uclint checkout's plugins/sdk (the SDK is not on crates.io)"
                )
            });
    };
    let path = given
        .canonicalize()
        .map_err(|e| format!("--sdk `{}`: {e}", given.display()))?;
    if !is_sdk(&path) {
        return Err(format!(
            "--sdk `{}` is not the uclint plugin SDK (no Cargo.toml of package `uclint-plugin-sdk` there): \
             pass a uclint checkout's plugins/sdk",
            given.display()
        ));
    }
    Ok(path)
}

/// Whether `folder` holds the package `uclint-plugin-sdk`. A line check, not a TOML parse: the
/// SDK's manifest is ours, and writes its name this way.
fn is_sdk(folder: &Path) -> bool {
    std::fs::read_to_string(folder.join("Cargo.toml")).is_ok_and(|manifest| {
        manifest
            .lines()
            .any(|line| line.trim() == r#"name = "uclint-plugin-sdk""#)
    })
}

/// The crate's folder must be new or empty: nothing someone wrote is ever overwritten.
fn check_free(folder: &Path) -> Result<(), String> {
    match std::fs::metadata(folder) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("cannot read `{}`: {e}", folder.display())),
        Ok(meta) if !meta.is_dir() => Err(format!(
            "`{}` exists and is not a folder: nothing written; choose another name or --dir",
            folder.display()
        )),
        Ok(_) => {
            let mut entries =
                std::fs::read_dir(folder).map_err(|e| format!("cannot read `{}`: {e}", folder.display()))?;
            if entries.next().is_some() {
                return Err(format!(
                    "`{}` already exists and is not empty: nothing written; choose another name or --dir",
                    folder.display()
                ));
            }
            Ok(())
        }
    }
}

/// Writes `files` into `folder`, each as a new file (never over one that appeared meanwhile).
fn write(folder: &Path, files: &[File]) -> Result<(), String> {
    for file in files {
        let path = folder.join(file.path);
        let fail = |e: std::io::Error| {
            format!(
                "cannot write `{}`: {e} (the crate in `{}` is incomplete)",
                path.display(),
                folder.display()
            )
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if file.executable {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o755);
        }
        options
            .open(&path)
            .and_then(|mut out| out.write_all(file.text.as_bytes()))
            .map_err(fail)?;
    }
    Ok(())
}

/// What `uclint plugin new` reports: the crate, its files, and the commands to run in it.
#[derive(Serialize)]
struct Created {
    /// The crate's folder, absolute.
    created: PathBuf,
    /// Relative to `created`.
    files: Vec<&'static str>,
    namespace: String,
    /// The template's one rule.
    rule: String,
    /// Test, build, load: run in `created`.
    next: Vec<String>,
}

impl Report for Created {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(
            out,
            "{HEADING}created{HEADING:#} {}: plugin namespace {}, rule {CODE}{}{CODE:#}",
            self.created.display(),
            self.namespace,
            self.rule
        )?;
        for file in &self.files {
            writeln!(out, "  {file}")?;
        }
        writeln!(out, "{HEADING}next{HEADING:#}, in {}:", self.created.display())?;
        let comments = [
            "the rule's native tests",
            "builds the component",
            "loads it in the sandbox",
        ];
        let width = self.next.iter().map(String::len).max().unwrap_or(0);
        for (command, comment) in self.next.iter().zip(comments) {
            writeln!(out, "  {command:<width$}  {DIM}# {comment}{DIM:#}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_crate_names() {
        for good in ["acme-rules", "a", "rules_2", "x-acme"] {
            assert_eq!(check_name(good), Ok(()), "{good}");
        }
        for bad in [
            "", "Acme", "my rules", "9lives", "-rules", "_rules", "ünï", "a/b", "..", "fn", "self",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        assert!(check_name("std").unwrap_err().contains("taken"));
        assert!(check_name("uclint-plugin-sdk").unwrap_err().contains("taken"));
        assert!(check_name("proc-macro").unwrap_err().contains("taken"));
        assert!(check_name(&"a".repeat(MAX_NAME_LEN)).is_ok());
        assert!(check_name(&"a".repeat(MAX_NAME_LEN + 1)).is_err());
    }

    #[test]
    fn namespaces_follow_the_contract_and_near_misses_get_a_suggestion() {
        assert_eq!(check_namespace("X-ACME"), Ok(()));
        assert!(check_namespace("acme").unwrap_err().ends_with("did you mean `X-ACME`?"));
        assert!(
            check_namespace("x-acme-labs")
                .unwrap_err()
                .ends_with("did you mean `X-ACME-LABS`?")
        );
        let far = check_namespace("X-9LIVES").unwrap_err();
        assert!(!far.contains("did you mean"), "{far}");
    }

    #[test]
    fn the_template_s_rule_code_fits_every_namespace() {
        let longest = format!("X-{}", "A".repeat(uclint_plugin_contract::MAX_NAMESPACE_LEN - 2));
        assert_eq!(check_namespace(&longest), Ok(()));
        let code = format!("{longest}-{}", plugin_template::RULE);
        assert!(uclint_plugin_contract::code_ok(&code, &longest), "{code}");
    }

    #[test]
    fn the_sdk_this_uclint_was_built_from_is_the_default() {
        let sdk = sdk(None).unwrap();
        assert!(sdk.is_absolute() && sdk.ends_with("plugins/sdk"), "{}", sdk.display());
        assert!(
            super::sdk(Some(&sdk.join("../contract")))
                .unwrap_err()
                .contains("not the uclint plugin SDK")
        );
    }
}
