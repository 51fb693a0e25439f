//! Loading one large deployment written in JSON and in YAML: the synthetic deployment of
//! 10,000 users with every user inline (the `load` group of `check` reads TOML + CSV).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Map, Value};
use uclint_core::model::{Deployment, Format};
use uclint_core::source::NoFiles;
use uclint_core::synth::{Spec, generate};

const USERS: usize = 10_000;

/// The synthetic deployment with the CSV's users inline, as a JSON value.
fn inline_deployment() -> Value {
    let s = generate(&Spec {
        users: USERS,
        ..Spec::default()
    });
    let mut deployment: Map<String, Value> = toml::from_str(&s.deployment).unwrap_or_default();
    deployment.remove("users_csv");
    let mut rows = csv::Reader::from_reader(s.users_csv.as_bytes());
    let headers = rows.headers().cloned().unwrap_or_default();
    let users = rows
        .records()
        .map_while(Result::ok)
        .map(|row| {
            let mut user = Map::new();
            for (header, field) in headers.iter().zip(row.iter()) {
                let value = match header {
                    _ if field.is_empty() => continue,
                    "digest_credential" | "desk_phone_control" => Value::Bool(field == "true"),
                    "clients" => Value::Array(field.split(';').map(|c| Value::String(c.to_owned())).collect()),
                    _ => Value::String(field.to_owned()),
                };
                user.insert(header.to_owned(), value);
            }
            Value::Object(user)
        })
        .collect();
    deployment.insert("users".to_owned(), Value::Array(users));
    Value::Object(deployment)
}

/// `value` in block-style YAML, as people write it: plain scalars where they read as strings.
fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    write_yaml(value, 0, false, &mut out);
    out
}

/// `value` at `indent`; `after_dash` when it follows a sequence item's `- ` on the same line.
fn write_yaml(value: &Value, indent: usize, after_dash: bool, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            for (i, (key, value)) in map.iter().enumerate() {
                if i > 0 || !after_dash {
                    out.push_str(&pad);
                }
                out.push_str(key);
                out.push(':');
                write_value(value, indent, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                out.push_str(&pad);
                out.push_str("- ");
                write_yaml(item, indent + 2, true, out);
            }
        }
        scalar => {
            out.push_str(&yaml_scalar(scalar));
            out.push('\n');
        }
    }
}

fn write_value(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push('\n');
            write_yaml(value, indent + 2, false, out);
        }
        Value::Array(items) if !items.is_empty() && items.iter().all(|i| !i.is_object()) => {
            let flow: Vec<String> = items.iter().map(yaml_scalar).collect();
            out.push_str(&format!(" [{}]\n", flow.join(", ")));
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            write_yaml(value, indent + 2, false, out);
        }
        Value::Object(_) => out.push_str(" {}\n"),
        Value::Array(_) => out.push_str(" []\n"),
        scalar => {
            out.push(' ');
            out.push_str(&yaml_scalar(scalar));
            out.push('\n');
        }
    }
}

/// A string plain when it cannot read as anything else (conservatively), else JSON-quoted.
fn yaml_scalar(value: &Value) -> String {
    match value {
        Value::String(s) => {
            let plain = s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
                && ![
                    "true", "false", "null", "True", "False", "Null", "TRUE", "FALSE", "NULL",
                ]
                .contains(&s.as_str());
            if plain { s.clone() } else { value.to_string() }
        }
        other => other.to_string(),
    }
}

fn bench(c: &mut Criterion) {
    let deployment = inline_deployment();
    let json = serde_json::to_string_pretty(&deployment).unwrap_or_default();
    let yaml = to_yaml(&deployment);
    for (text, format) in [(&json, Format::Json), (&yaml, Format::Yaml)] {
        let loaded = Deployment::load(text, format, "synthetic", &NoFiles).map(|d| d.users.len());
        assert_eq!(
            loaded.map_err(|e| e.to_string()),
            Ok(USERS),
            "the {format} deployment loads with its users"
        );
    }
    let mut group = c.benchmark_group("load_inline_10000");
    group.sample_size(10);
    group.throughput(Throughput::Elements(USERS as u64));
    group.bench_function("json", |b| {
        b.iter(|| black_box(Deployment::load(&json, Format::Json, "synthetic.json", &NoFiles)));
    });
    group.bench_function("yaml", |b| {
        b.iter(|| black_box(Deployment::load(&yaml, Format::Yaml, "synthetic.yaml", &NoFiles)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
