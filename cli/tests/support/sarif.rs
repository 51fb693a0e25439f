//! The SARIF 2.1.0 JSON schema (scripts/test.sh fetches it and names it in UCLINT_SARIF_SCHEMA),
//! ready to validate logs.

use serde_json::Value;

/// A validator for SARIF 2.1.0.
pub fn validator() -> jsonschema::Validator {
    let path = std::env::var("UCLINT_SARIF_SCHEMA")
        .expect("UCLINT_SARIF_SCHEMA names the SARIF 2.1.0 JSON schema (scripts/test.sh fetches it)");
    let mut schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // Erratum in the published 2.1.0 schema: the `language` pattern has a stray `]` that strict
    // regex checkers refuse; OASIS's later schema reads it as below. Nothing else is touched.
    assert!(
        fix_language_pattern(&mut schema) > 0,
        "the erratum is gone: drop this fix"
    );
    jsonschema::validator_for(&schema).unwrap()
}

/// Every way `log` breaks the schema, with where.
pub fn errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

fn fix_language_pattern(value: &mut Value) -> usize {
    match value {
        Value::String(s) if s == "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$" => {
            *s = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".to_owned();
            1
        }
        Value::Object(map) => map.values_mut().map(fix_language_pattern).sum(),
        Value::Array(items) => items.iter_mut().map(fix_language_pattern).sum(),
        _ => 0,
    }
}
