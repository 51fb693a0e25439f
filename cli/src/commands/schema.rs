//! `uclint schema [--out FILE]`: the deployment file's JSON Schema, derived from core's model.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;
use uclint_core::model::deployment_schema;

use super::Failure;
use crate::args::SchemaArgs;
use crate::output::{ErasedReport, Report};

/// Print the schema, or write it to `--out`.
pub fn run(args: &SchemaArgs) -> Result<Box<dyn ErasedReport>, Failure> {
    let schema = Schema(deployment_schema());
    let Some(path) = &args.out else {
        return Ok(Box::new(schema));
    };
    let mut text = Vec::new();
    schema
        .text(&mut text)
        .map_err(|e| Failure::Usage(format!("cannot write the schema: {e}")))?;
    std::fs::write(path, text).map_err(|e| Failure::Usage(format!("cannot write `{}`: {e}", path.display())))?;
    Ok(Box::new(Written { written: path.clone() }))
}

/// The schema itself: pretty JSON in either output format, so `--format json` changes nothing.
#[derive(Serialize)]
#[serde(transparent)]
struct Schema(serde_json::Value);

impl Report for Schema {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.0)?;
        writeln!(out)
    }
}

#[derive(Serialize)]
struct Written {
    written: PathBuf,
}

impl Report for Written {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "wrote {}", self.written.display())
    }
}
