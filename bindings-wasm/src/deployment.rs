//! The deployment a function works on: its text, format and the files it refers to, handed over
//! by JavaScript (a browser has no folder to read `users_csv` or zone files from).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use uclint_core::model::{Client, Deployment, Format, Problem, ProblemKind, User};
use uclint_core::source::Location;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::error::{Failure, to_ts};

/// A deployment as text, with the files it refers to.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(deny_unknown_fields)]
pub struct DeploymentSource {
    /// The deployment text.
    pub text: String,
    /// Its format.
    #[tsify(type = "\"toml\" | \"json\" | \"yaml\"")]
    pub format: String,
    /// The file name locations carry (default `deployment.FORMAT`).
    #[serde(default)]
    #[tsify(optional)]
    pub name: Option<String>,
    /// The files it refers to (`users_csv`, zone files, hosts files), by the path written in it.
    #[serde(default)]
    #[tsify(optional, type = "Record<string, string>")]
    pub files: Option<BTreeMap<String, String>>,
}

/// One problem that stopped a deployment from loading (the CLI's JSON error `problems`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct LoadProblem {
    /// What kind of problem.
    #[tsify(
        type = "\"syntax\" | \"type\" | \"unknown-key\" | \"missing-key\" | \"dangling-reference\" | \"duplicate\" | \"file\" | \"dns\" | \"empty\""
    )]
    pub kind: &'static str,
    /// Where, when known.
    pub location: Option<SourceLocation>,
    /// What went wrong, naming what was expected.
    pub message: String,
    /// A suggestion such as "did you mean `home_node`?".
    pub help: Option<String>,
}

/// A position in a source file, 1-based.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct SourceLocation {
    /// The file name.
    pub file: String,
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
}

impl From<&Location> for SourceLocation {
    fn from(location: &Location) -> Self {
        let Location { file, line, column } = location;
        Self {
            file: file.to_string(),
            line: *line,
            column: *column,
        }
    }
}

impl From<&Problem> for LoadProblem {
    fn from(problem: &Problem) -> Self {
        let Problem {
            kind,
            location,
            message,
            help,
        } = problem;
        Self {
            kind: problem_kind(*kind),
            location: location.as_ref().map(SourceLocation::from),
            message: message.clone(),
            help: help.clone(),
        }
    }
}

/// The kind as core's JSON writes it.
const fn problem_kind(kind: ProblemKind) -> &'static str {
    match kind {
        ProblemKind::Syntax => "syntax",
        ProblemKind::Type => "type",
        ProblemKind::UnknownKey => "unknown-key",
        ProblemKind::MissingKey => "missing-key",
        ProblemKind::DanglingReference => "dangling-reference",
        ProblemKind::Duplicate => "duplicate",
        ProblemKind::File => "file",
        ProblemKind::Dns => "dns",
        ProblemKind::Empty => "empty",
    }
}

/// A deployment read from JavaScript, with the dangling references found while loading.
pub struct Loaded {
    /// The deployment.
    pub deployment: Deployment,
    /// Dangling references (TOPO003 findings for `check` and `health`).
    pub references: Vec<Problem>,
}

impl DeploymentSource {
    /// Read the source from its JS value.
    pub fn from_ts(source: Ts<Self>) -> Result<Self, Failure> {
        source
            .to_rust()
            .map_err(|e| Failure::usage(format!("invalid deployment source: {e}")))
    }

    /// The format it names, with the CLI's message when it names none.
    pub fn parsed_format(&self) -> Result<Format, Failure> {
        self.format
            .parse()
            .map_err(|e: uclint_core::model::UnknownFormat| Failure::usage(e.to_string()))
    }

    /// The file name messages and locations carry.
    pub fn file_name(&self, format: Format) -> String {
        self.name.clone().unwrap_or_else(|| format!("deployment.{format}"))
    }

    /// Load keeping dangling references aside, as `uclint check` and `uclint health` do.
    pub fn load_with_references(&self) -> Result<Loaded, Failure> {
        let format = self.parsed_format()?;
        let files = self.files.clone().unwrap_or_default();
        let (deployment, references) =
            Deployment::load_with_references(&self.text, format, &self.file_name(format), &files)?;
        Ok(Loaded { deployment, references })
    }

    /// Load strictly (a dangling reference is an error), as `uclint resolve` and `route` do.
    pub fn load(&self) -> Result<Deployment, Failure> {
        let format = self.parsed_format()?;
        let files = self.files.clone().unwrap_or_default();
        Ok(Deployment::load(&self.text, format, &self.file_name(format), &files)?)
    }
}

/// The client profile `id`, or the CLI's usage error listing those that exist.
pub fn client<'a>(deployment: &'a Deployment, id: &str) -> Result<&'a Client, Failure> {
    deployment.client(id).ok_or_else(|| {
        let known: Vec<&str> = deployment.clients.iter().map(|c| c.id.as_str()).collect();
        Failure::usage(format!(
            "no client profile `{id}` in the deployment; expected one of: {}",
            known.join(", ")
        ))
    })
}

/// The user `id`, or the CLI's usage error.
pub fn user<'a>(deployment: &'a Deployment, id: &str) -> Result<&'a User, Failure> {
    deployment
        .user(id)
        .ok_or_else(|| Failure::usage(format!("no user `{id}` in the deployment")))
}

/// What a deployment names: for pickers in a user interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Outline {
    /// The deployment's name.
    pub name: Option<String>,
    /// Node names of the servers.
    pub servers: Vec<String>,
    /// Client profile ids.
    pub clients: Vec<String>,
    /// The ids of the Jabber and Webex App profiles among them (what Jabber discovery takes).
    pub jabber_clients: Vec<String>,
    /// CUCM ids of the users (inline and from `users_csv`).
    pub users: Vec<String>,
}

impl From<&Deployment> for Outline {
    fn from(deployment: &Deployment) -> Self {
        Self {
            name: deployment.name.clone(),
            servers: deployment.servers.iter().map(|s| s.node_name.clone()).collect(),
            clients: deployment.clients.iter().map(|c| c.id.clone()).collect(),
            jabber_clients: deployment
                .clients
                .iter()
                .filter(|c| c.kind.discovers_services())
                .map(|c| c.id.clone())
                .collect(),
            users: deployment.users.iter().map(|u| u.cucm_id.to_string()).collect(),
        }
    }
}

/// Load a deployment (dangling references allowed) and list what it names.
#[wasm_bindgen]
pub fn outline(deployment: Ts<DeploymentSource>) -> Result<Ts<Outline>, JsValue> {
    let source = DeploymentSource::from_ts(deployment)?;
    to_ts(&Outline::from(&source.load_with_references()?.deployment))
}

/// The format a file name's extension says (`.toml`, `.json`, `.yaml`, `.yml`), or `undefined`.
#[wasm_bindgen(js_name = formatOf, unchecked_return_type = "\"toml\" | \"json\" | \"yaml\" | undefined")]
pub fn format_of(name: &str) -> Option<String> {
    Format::from_path(name).map(|format| format.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use uclint_core::source::NoFiles;

    fn source(text: &str) -> DeploymentSource {
        DeploymentSource {
            text: text.to_owned(),
            format: "toml".to_owned(),
            ..DeploymentSource::default()
        }
    }

    #[test]
    fn load_errors_get_their_code() {
        let parse = source("servers = 3").load().err();
        assert_eq!(parse.map(|f| f.code), Some(ErrorCode::Parse));
        let file = source("users_csv = \"u.csv\"").load().err();
        assert_eq!(file.as_ref().map(|f| f.code), Some(ErrorCode::File));
        assert_eq!(
            file.map(|f| f.message),
            Deployment::load("users_csv = \"u.csv\"", Format::Toml, "deployment.toml", &NoFiles)
                .err()
                .map(|e| e.to_string())
        );
        let dangling = "[[users]]\ncucm_id = \"a\"\nhome_node = \"nowhere\"\n";
        assert_eq!(
            source(dangling).load().err().map(|f| f.code),
            Some(ErrorCode::Reference)
        );
        assert!(source(dangling).load_with_references().is_ok());
        let mut bad = source("");
        bad.format = "ini".to_owned();
        let usage = bad.load().err();
        assert_eq!(
            usage.map(|f| (f.code, f.message)),
            Some((
                ErrorCode::Usage,
                "unknown format `ini`: expected toml, json or yaml".to_owned()
            ))
        );
    }

    #[test]
    fn load_problems_serialize_as_core_does() {
        let error = Deployment::load("servers = 3", Format::Toml, "d.toml", &NoFiles).err();
        let problems = error.map(|e| e.problems).unwrap_or_default();
        assert!(!problems.is_empty());
        let mirrored: Vec<LoadProblem> = problems.iter().map(LoadProblem::from).collect();
        assert_eq!(
            serde_json::to_value(&mirrored).ok(),
            serde_json::to_value(&problems).ok()
        );
    }
}
