//! Loading a deployment: from text in memory, or from a file with the files it refers to beside it.

use std::ffi::c_char;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use uclint_core::model::{
    Beside, Client, Deployment, Format, LoadError, Problem, ProblemKind, ReadError, file_format, read_capped, utf8_text,
};
use uclint_core::source::{NoFiles, SourceFiles};

use crate::boundary::{Error, Out, UCLINT_MAX_INPUT_BYTES, UclintStatus, free_handle, run, str_arg};

/// A deployment's text format, one of the `UCLINT_FORMAT_*` values. A plain integer rather than
/// an enum, so that any value a C caller passes is well defined: unknown values are rejected with
/// `UCLINT_STATUS_INVALID_ARGUMENT`.
pub type UclintFormat = u32;

/// The deployment text is TOML.
pub const UCLINT_FORMAT_TOML: UclintFormat = 0;
/// The deployment text is JSON.
pub const UCLINT_FORMAT_JSON: UclintFormat = 1;
/// The deployment text is YAML.
pub const UCLINT_FORMAT_YAML: UclintFormat = 2;

/// A loaded deployment (opaque). Immutable once created: one handle may be read from several
/// threads at once. Free it with `uclint_deployment_free`.
pub struct UclintDeployment {
    /// The deployment, shared (never changed) with the plugin host while plugins check it.
    pub(crate) deployment: Arc<Deployment>,
    /// Dangling references found while loading, reported by `uclint_check` as TOPO003 findings.
    pub(crate) references: Vec<Problem>,
    /// The folder the deployment's own plugin paths are relative to: its file's (or, for text,
    /// that of the name it was given).
    pub(crate) plugin_dir: PathBuf,
}

impl UclintDeployment {
    /// The client profile `id`, or NOT_FOUND with the command line's message listing those that
    /// exist.
    pub(crate) fn client(&self, id: &str) -> Result<&Client, Error> {
        self.deployment.client(id).ok_or_else(|| {
            let known: Vec<&str> = self.deployment.clients.iter().map(|c| c.id.as_str()).collect();
            Error::new(
                UclintStatus::NotFound,
                format!(
                    "no client profile `{id}` in the deployment; expected one of: {}",
                    known.join(", ")
                ),
            )
        })
    }
}

/// Loads a deployment from `len` bytes of `text` (not necessarily NUL-terminated) in `format`.
///
/// `name` is the file name that error messages and finding locations carry (e.g.
/// "acme.toml"). Text has no folder, so files the deployment refers to (`users_csv`, zone files,
/// hosts files) cannot be read: a deployment that refers to one fails with
/// `UCLINT_STATUS_IO_ERROR`; use `uclint_deployment_load` for such deployments.
/// Dangling references (a user homed on an unknown node, ...) do not stop loading:
/// `uclint_check` reports them as TOPO003 findings, as `uclint check` does.
///
/// On success `*out` receives a new handle, owned by the caller and freed with
/// `uclint_deployment_free`; on failure `*out` is set to NULL. `text` and `name` are only read
/// during the call. Errors: NULL_ARGUMENT (`text`, `name` or `out` NULL), TOO_LARGE (`len` above
/// `UCLINT_MAX_INPUT_BYTES`), INVALID_ARGUMENT (unknown `format`, empty `name`), INVALID_UTF8,
/// PARSE_ERROR (including empty text), IO_ERROR (a referenced file).
/// Thread safety: may be called from any thread.
///
/// # Safety
/// `text` is NULL or readable for `len` bytes; `name` is NULL or a NUL-terminated string; `out`
/// is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_deployment_from_text(
    text: *const c_char,
    len: usize,
    format: UclintFormat,
    name: *const c_char,
    out: *mut *mut UclintDeployment,
) -> UclintStatus {
    run(|| {
        // SAFETY: `out` is NULL or writable, per this function's contract.
        let out = unsafe { Out::new(out, std::ptr::null_mut()) }?;
        if text.is_null() {
            return Err(Error::null("text"));
        }
        // SAFETY: `name` is NULL or a NUL-terminated string, per this function's contract.
        let name = unsafe { str_arg(name, "name") }?;
        if name.is_empty() {
            return Err(Error::new(
                UclintStatus::InvalidArgument,
                "argument `name` is empty: expected a file name for messages",
            ));
        }
        let format = format_arg(format)?;
        if len > UCLINT_MAX_INPUT_BYTES {
            return Err(Error::too_large("the deployment text", len));
        }
        // SAFETY: `text` is non-null and readable for `len` bytes (this function's contract);
        // `len` is at most UCLINT_MAX_INPUT_BYTES, far below isize::MAX.
        let bytes = unsafe { std::slice::from_raw_parts(text.cast::<u8>(), len) };
        let text = utf8(bytes, name, "the deployment text is not valid UTF-8")?;
        let handle = load(text, format, name, &NoFiles)?;
        out.set(Box::into_raw(Box::new(handle)));
        Ok(())
    })
}

/// Loads the deployment file at `path`, its format from the extension (.toml, .json, .yaml or
/// .yml), reading the files it refers to relative to its folder, exactly as `uclint check PATH`
/// does. Messages and locations name files as `path` names them.
///
/// Dangling references do not stop loading: `uclint_check` reports them as TOPO003 findings.
/// On success `*out` receives a new handle, owned by the caller and freed with
/// `uclint_deployment_free`; on failure `*out` is set to NULL. Errors: NULL_ARGUMENT,
/// INVALID_UTF8 (the path or a file), INVALID_ARGUMENT (empty path, unknown extension),
/// TOO_LARGE (a file above `UCLINT_MAX_INPUT_BYTES`), IO_ERROR (a file cannot be read),
/// PARSE_ERROR. Thread safety: may be called from any thread.
///
/// # Safety
/// `path` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_deployment_load(path: *const c_char, out: *mut *mut UclintDeployment) -> UclintStatus {
    run(|| {
        // SAFETY: `out` is NULL or writable, per this function's contract.
        let out = unsafe { Out::new(out, std::ptr::null_mut()) }?;
        // SAFETY: `path` is NULL or a NUL-terminated string, per this function's contract.
        let path = unsafe { str_arg(path, "path") }?;
        let handle = load_path(path)?;
        out.set(Box::into_raw(Box::new(handle)));
        Ok(())
    })
}

/// Frees a deployment. NULL does nothing. Freeing it twice, or while another thread still
/// uses it, is undefined behaviour. Reports and resolutions made from it stay valid: they do not
/// borrow from it.
///
/// # Safety
/// `deployment` is NULL or a handle from `uclint_deployment_*` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uclint_deployment_free(deployment: *mut UclintDeployment) {
    // SAFETY: forwarded from this function's contract.
    unsafe { free_handle(deployment) };
}

/// The core's format for a C format value.
fn format_arg(format: UclintFormat) -> Result<Format, Error> {
    match format {
        UCLINT_FORMAT_TOML => Ok(Format::Toml),
        UCLINT_FORMAT_JSON => Ok(Format::Json),
        UCLINT_FORMAT_YAML => Ok(Format::Yaml),
        other => Err(Error::new(
            UclintStatus::InvalidArgument,
            format!(
                "unknown format {other}: expected UCLINT_FORMAT_TOML (0), UCLINT_FORMAT_JSON (1) or UCLINT_FORMAT_YAML (2)"
            ),
        )),
    }
}

/// Load with references, as `uclint check` does.
fn load(text: &str, format: Format, name: &str, files: &dyn SourceFiles) -> Result<UclintDeployment, Error> {
    let (deployment, references) = Deployment::load_with_references(text, format, name, files).map_err(load_error)?;
    Ok(UclintDeployment {
        deployment: Arc::new(deployment),
        references,
        plugin_dir: Path::new(name).parent().map(Path::to_path_buf).unwrap_or_default(),
    })
}

/// A core load error as a status: IO_ERROR when every problem is an unreadable file.
fn load_error(error: LoadError) -> Error {
    let status = if error.problems.iter().all(|p| p.kind == ProblemKind::File) {
        UclintStatus::IoError
    } else {
        UclintStatus::ParseError
    };
    Error::new(status, error.to_string())
}

/// `bytes` as text, or INVALID_UTF8 with the location of the first bad byte (as the CLI says it).
fn utf8<'a>(bytes: &'a [u8], name: &str, message: &str) -> Result<&'a str, Error> {
    utf8_text(bytes, name, message).map_err(|problem| Error::new(UclintStatus::InvalidUtf8, problem.to_string()))
}

/// Load the deployment file at `path` with the files beside it (the CLI's `deployment_file`).
fn load_path(path: &str) -> Result<UclintDeployment, Error> {
    if path.is_empty() {
        return Err(Error::new(
            UclintStatus::InvalidArgument,
            "argument `path` is empty: expected a deployment file path",
        ));
    }
    let format = file_format(path, None, "the text to uclint_deployment_from_text")
        .map_err(|problem| Error::new(UclintStatus::InvalidArgument, problem.message))?;
    let max = UCLINT_MAX_INPUT_BYTES as u64;
    let bytes = read_capped(Path::new(path), max).map_err(|e| match e {
        ReadError::TooLarge { size, .. } => {
            Error::too_large(&format!("`{path}`"), usize::try_from(size).unwrap_or(usize::MAX))
        }
        ReadError::Io(e) => Error::new(UclintStatus::IoError, format!("cannot read `{path}`: {e}")),
    })?;
    let text = utf8(&bytes, path, "the file is not valid UTF-8")?;
    load(text, format, path, &Beside::new(Path::new(path)).max_bytes(max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_formats_are_invalid_arguments() {
        assert!(format_arg(UCLINT_FORMAT_YAML).is_ok());
        let error = format_arg(3).unwrap_err();
        assert_eq!(error.status(), UclintStatus::InvalidArgument);
    }

    #[test]
    fn unreadable_references_are_io_errors_and_bad_text_parse_errors() {
        let error = load("users_csv = \"u.csv\"\n", Format::Toml, "d.toml", &NoFiles)
            .err()
            .unwrap();
        assert_eq!(error.status(), UclintStatus::IoError);
        let error = load("servers = 3\n", Format::Toml, "d.toml", &NoFiles).err().unwrap();
        assert_eq!(error.status(), UclintStatus::ParseError);
    }
}
