use std::ffi::{CStr, CString};
use std::path::Path;
use std::ptr::{NonNull, null, null_mut};

use super::*;
use crate::{uclint_deployment_free, uclint_deployment_load, uclint_last_error, uclint_string_free};

/// A deployment loaded from `path` as a C caller would.
struct Loaded(*mut UclintDeployment);

impl Loaded {
    fn from(path: &Path) -> Self {
        let path = CString::new(path.to_str().unwrap()).unwrap();
        let mut handle = null_mut();
        // SAFETY: a live string and a local out pointer.
        let status = unsafe { uclint_deployment_load(path.as_ptr(), &mut handle) };
        assert_eq!(status, UclintStatus::Ok, "{path:?}: {:?}", last_error());
        Self(handle)
    }
}

impl Drop for Loaded {
    fn drop(&mut self) {
        // SAFETY: a handle of the library's, freed once.
        unsafe { uclint_deployment_free(self.0) };
    }
}

fn last_error() -> Option<String> {
    let ptr = uclint_last_error();
    // SAFETY: a non-null last error is a live NUL-terminated string.
    (!ptr.is_null()).then(|| unsafe { CStr::from_ptr(ptr) }.to_string_lossy().into_owned())
}

fn examples() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples"))
}

/// The diff's JSON (parsed) and count of new errors, from out pointers that held garbage.
fn diff_of(old: &Loaded, new: &Loaded) -> (serde_json::Value, usize) {
    let mut json = NonNull::dangling().as_ptr();
    let mut errors = 99;
    // SAFETY: live handles and local out pointers.
    let status = unsafe { uclint_diff(old.0, new.0, &mut json, &mut errors) };
    assert_eq!(status, UclintStatus::Ok, "{:?}", last_error());
    // SAFETY: on success, a string of the library's, freed once right after.
    let text = unsafe { CStr::from_ptr(json) }.to_str().unwrap().to_owned();
    // SAFETY: as above.
    unsafe { uclint_string_free(json) };
    (serde_json::from_str(&text).unwrap(), errors)
}

#[test]
fn a_deployment_against_itself_changes_nothing() {
    let acme = Loaded::from(&examples().join("acme.toml"));
    let (value, errors) = diff_of(&acme, &acme);
    assert_eq!(errors, 0);
    assert_eq!(value["changes"], serde_json::json!([]));
    assert_eq!(value["findings"]["appeared"], serde_json::json!([]));
    assert_eq!(value["findings"]["disappeared"], serde_json::json!([]));
}

#[test]
fn a_renamed_node_is_a_change_and_its_users_new_errors() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["acme-users.csv", "acme.zone"] {
        std::fs::copy(examples().join(file), dir.path().join(file)).unwrap();
    }
    let text = std::fs::read_to_string(examples().join("acme.toml")).unwrap();
    let renamed = text.replacen("node_name = \"cups-1\"", "node_name = \"cups-9\"", 1);
    assert_ne!(renamed, text);
    std::fs::write(dir.path().join("acme.toml"), renamed).unwrap();

    let old = Loaded::from(&examples().join("acme.toml"));
    let new = Loaded::from(&dir.path().join("acme.toml"));
    let (value, errors) = diff_of(&old, &new);
    let appeared = value["findings"]["appeared"].as_array().unwrap();
    let appeared_errors = appeared.iter().filter(|f| f["severity"] == "error").count();
    assert!(errors > 0, "users homed on cups-1 now point nowhere: {value}");
    assert_eq!(errors, appeared_errors);
    let keys: Vec<&str> = value["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["key"].as_str())
        .collect();
    assert!(keys.contains(&"cups-1") && keys.contains(&"cups-9"), "{keys:?}");
}

#[test]
fn null_pointers_are_errors_and_the_outs_are_reset() {
    let acme = Loaded::from(&examples().join("acme.toml"));
    let mut json = NonNull::dangling().as_ptr();
    let mut errors = 99;
    for (old, new, argument) in [
        (null(), acme.0.cast_const(), "old_deployment"),
        (acme.0.cast_const(), null(), "new_deployment"),
    ] {
        // SAFETY: NULL or a live handle; local out pointers.
        let status = unsafe { uclint_diff(old, new, &mut json, &mut errors) };
        assert_eq!((status, json, errors), (UclintStatus::NullArgument, null_mut(), 0));
        assert_eq!(last_error().unwrap(), format!("argument `{argument}` is NULL"));
    }
    errors = 99;
    // SAFETY: live handles; `errors` is local.
    let status = unsafe { uclint_diff(acme.0, acme.0, null_mut(), &mut errors) };
    assert_eq!((status, errors), (UclintStatus::NullArgument, 0));
    assert_eq!(last_error().unwrap(), "argument `out_json` is NULL");
    json = NonNull::dangling().as_ptr();
    // SAFETY: live handles; `json` is local.
    let status = unsafe { uclint_diff(acme.0, acme.0, &mut json, null_mut()) };
    assert_eq!((status, json), (UclintStatus::NullArgument, null_mut()));
    assert_eq!(last_error().unwrap(), "argument `out_new_errors` is NULL");
}
