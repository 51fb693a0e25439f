//! Failures thrown to JavaScript: an `Error` whose message is the CLI's, with a `code` property
//! (and, for a deployment that did not load, the `problems` with their locations).

use serde::Serialize;
use tsify::{Ts, Tsify};
use uclint_core::collect::import::ImportError;
use uclint_core::model::{LoadError, ProblemKind};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::deployment::LoadProblem;

/// What kind of failure an error is: the `code` property of every thrown `Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// The deployment text (or a file it refers to) is not valid TOML, JSON, YAML, CSV, zone or
    /// hosts text, or does not fit the schema; or an imported text is not what its importer reads
    /// (then the error also has `line`, `expected`, `found` and `hint`).
    Parse,
    /// The deployment refers to a file that was not provided.
    File,
    /// The deployment refers to a server, client or user that does not exist.
    Reference,
    /// The arguments do not make sense (unknown format, client, user or rule code...).
    Usage,
    /// The request URI does not parse.
    Uri,
    /// A bug: a value could not cross into JavaScript.
    Internal,
}

impl ErrorCode {
    /// The code as the `code` property holds it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Parse => "parse",
            Self::File => "file",
            Self::Reference => "reference",
            Self::Usage => "usage",
            Self::Uri => "uri",
            Self::Internal => "internal",
        }
    }
}

#[wasm_bindgen(typescript_custom_section)]
const UCLINT_ERROR: &'static str = r#"
/** What every uclint function throws: the CLI's message, a `code`, and for load errors the problems. */
export interface UclintError extends Error {
    code: ErrorCode;
    /** Present when a deployment did not load: every problem, with its location. */
    problems?: LoadProblem[];
    /** Present when an imported text is not what the importer reads: the line, from 1. */
    line?: number;
    /** With `line`: what the importer expected there. */
    expected?: string;
    /** With `line`: the offending line (cut to 80 characters), or null at the end of the input. */
    found?: string | null;
    /** With `line`: a likely cause (another language, a truncated copy), or null. */
    hint?: string | null;
}
"#;

/// A failure on its way to JavaScript.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// What kind.
    pub code: ErrorCode,
    /// The message, as the CLI words it.
    pub message: String,
    /// The load problems, for a deployment that did not load.
    pub problems: Vec<LoadProblem>,
    /// Where an imported text stopped being what the importer reads.
    pub import: Option<Box<ImportError>>,
}

impl Failure {
    /// A failure of `code` with `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            problems: Vec::new(),
            import: None,
        }
    }

    /// Arguments that do not make sense.
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Usage, message)
    }

    /// The code a load error gets: `file` or `reference` when every problem is of that kind.
    pub fn load_code(error: &LoadError) -> ErrorCode {
        let all = |kind: ProblemKind| error.problems.iter().all(|p| p.kind == kind);
        if all(ProblemKind::File) {
            ErrorCode::File
        } else if all(ProblemKind::DanglingReference) {
            ErrorCode::Reference
        } else {
            ErrorCode::Parse
        }
    }
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Self {
        Self {
            code: Self::load_code(&error),
            message: error.to_string(),
            problems: error.problems.iter().map(LoadProblem::from).collect(),
            import: None,
        }
    }
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> Self {
        let error = js_sys::Error::new(&failure.message);
        // Setting a property on a fresh Error object cannot fail; if it did, the message remains.
        let _ = js_sys::Reflect::set(&error, &"code".into(), &failure.code.as_str().into());
        if !failure.problems.is_empty() {
            if let Ok(problems) = to_js_value(&failure.problems) {
                let _ = js_sys::Reflect::set(&error, &"problems".into(), &problems);
            }
        }
        if let Some(import) = &failure.import {
            let text = |value: &Option<String>| value.as_deref().map_or(JsValue::NULL, JsValue::from);
            // usize to f64: a line number is far below 2^53.
            #[allow(clippy::cast_precision_loss)]
            let line = import.line as f64;
            let _ = js_sys::Reflect::set(&error, &"line".into(), &line.into());
            let _ = js_sys::Reflect::set(&error, &"expected".into(), &import.expected.as_str().into());
            let _ = js_sys::Reflect::set(&error, &"found".into(), &text(&import.found));
            let _ = js_sys::Reflect::set(&error, &"hint".into(), &text(&import.hint));
        }
        error.into()
    }
}

/// A serde value as a plain JS value (`null` for `None`, objects for structs).
fn to_js_value<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, serde_wasm_bindgen::Error> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
}

/// `value` as its typed JS form, or an `internal` failure.
pub fn to_ts<T: Tsify + Serialize>(value: &T) -> Result<Ts<T>, JsValue> {
    value.into_ts().map_err(|e| {
        Failure::new(
            ErrorCode::Internal,
            format!("internal error: cannot convert the result: {e}"),
        )
        .into()
    })
}
