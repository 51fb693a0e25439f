//! The crate `uclint plugin new` writes: the files of `cli/templates/plugin/`, compiled in, with
//! their placeholders filled.
//!
//! The templates are real files so they read, and diff, as what a plugin author gets. Two are
//! renamed in the tree: `Cargo.toml.tmpl`, since a `Cargo.toml` there would make a package of
//! its own for cargo (which leaves such folders out of a packaged uclint-cli) and for editors;
//! and `gitignore`, since a `.gitignore` there would apply to uclint's own repository.

/// The templates: where each is written in the new crate, its text, whether it is a script.
const TEMPLATES: [(&str, &str, bool); 5] = [
    (
        "Cargo.toml",
        include_str!("../../templates/plugin/Cargo.toml.tmpl"),
        false,
    ),
    ("src/lib.rs", include_str!("../../templates/plugin/src/lib.rs"), false),
    ("build.sh", include_str!("../../templates/plugin/build.sh"), true),
    ("README.md", include_str!("../../templates/plugin/README.md"), false),
    (".gitignore", include_str!("../../templates/plugin/gitignore"), false),
];

/// The suffix of the one rule the template starts with: its code is `<NAMESPACE>-BARE1`.
pub const RULE: &str = "BARE1";

/// One file of the new crate.
pub struct File {
    /// Relative to the crate's folder, `/`-separated.
    pub path: &'static str,
    /// The file's text.
    pub text: String,
    /// A script, to be made executable.
    pub executable: bool,
}

/// The crate's files for package `name`, plugin `namespace` and the SDK at `sdk`, all already
/// checked (a valid package name, a valid namespace, an absolute path).
pub fn files(name: &str, namespace: &str, sdk: &str) -> Vec<File> {
    let values = [
        ("name", name.to_owned()),
        ("crate", library(name)),
        ("namespace", namespace.to_owned()),
        // Only Cargo.toml names the SDK, inside a TOML basic string.
        ("sdk", toml_escape(sdk)),
    ];
    TEMPLATES
        .iter()
        .map(|&(path, template, executable)| File {
            path,
            text: fill(template, &values),
            executable,
        })
        .collect()
}

/// The library's name, as cargo derives it from the package's (`my-rules` -> `my_rules`): the
/// Rust crate, and the component's file name.
pub fn library(name: &str) -> String {
    name.replace('-', "_")
}

/// `template` with every `{{key}}` replaced by its value, in one pass: a value is never read
/// for placeholders (a path may hold anything). Unknown keys stay as they are, for the tests to
/// catch.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        text.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let known = after.find("}}").and_then(|end| {
            let (_, value) = values.iter().find(|(key, _)| *key == &after[..end])?;
            Some((end, value))
        });
        match known {
            Some((end, value)) => {
                text.push_str(value);
                rest = &after[end + 2..];
            }
            None => {
                text.push_str("{{");
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

/// `text` escaped for a TOML basic string (`"..."`): backslashes (Windows paths), quotes and
/// control characters.
fn toml_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '"' => escaped.push_str("\\\""),
            c if c.is_control() => escaped.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled() {
        for file in files("my-rules", "X-ACME", "/src/uclint/plugins/sdk") {
            assert!(!file.text.contains("{{"), "{}: {}", file.path, file.text);
            assert!(!file.text.contains("}}"), "{}: {}", file.path, file.text);
        }
    }

    #[test]
    fn the_crate_is_named_and_namespaced() {
        let files = files("my-rules", "X-ACME", "/src/uclint/plugins/sdk");
        let text = |path: &str| &files.iter().find(|f| f.path == path).unwrap().text;
        assert!(text("Cargo.toml").contains("name = \"my-rules\"\n"));
        assert!(text("Cargo.toml").contains("uclint-plugin-sdk = { path = \"/src/uclint/plugins/sdk\" }"));
        assert!(text("src/lib.rs").contains("const NAMESPACE: &'static str = \"X-ACME\";"));
        assert!(text("src/lib.rs").contains(&format!("\"X-ACME-{RULE}\"")));
        assert!(text("build.sh").contains("/release/my_rules.wasm\""));
        assert!(text("README.md").contains("release/my_rules.wasm"));
        assert_eq!(
            files
                .iter()
                .filter(|f| f.executable)
                .map(|f| f.path)
                .collect::<Vec<_>>(),
            ["build.sh"]
        );
    }

    #[test]
    fn values_are_not_filled_again() {
        let values = [("a", "{{b}}".to_owned()), ("b", "no".to_owned())];
        assert_eq!(fill("{{a}} {{b}} {{c}} {{", &values), "{{b}} no {{c}} {{");
    }

    #[test]
    fn paths_are_escaped_for_toml() {
        assert_eq!(toml_escape(r#"C:\Users\a "b"\sdk"#), r#"C:\\Users\\a \"b\"\\sdk"#);
        assert_eq!(toml_escape("a\tb"), "a\\u0009b");
        assert_eq!(toml_escape("/opt/ûclint/sdk"), "/opt/ûclint/sdk");
    }
}
