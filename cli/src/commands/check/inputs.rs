//! What `uclint check` was given, as the list of deployment files to check.

use std::path::PathBuf;

/// The extensions a deployment file has; a folder's other files (zones, CSVs) are not checked.
const DEPLOYMENT_EXTENSIONS: &[&str] = &["toml", "json", "yaml", "yml"];

/// Each file as given, and each folder as its deployment files (not its subfolders), sorted by
/// name; a path that does not exist, or a folder without deployments, is a usage error.
pub fn expand(given: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut paths = Vec::new();
    for path in given {
        if !path.is_dir() {
            if !path.exists() {
                return Err(format!("{}: no such file or folder", path.display()));
            }
            paths.push(path.clone());
            continue;
        }
        let entries =
            std::fs::read_dir(path).map_err(|e| format!("{}: cannot list the folder: {e}", path.display()))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|p| p.is_file() && is_deployment(p))
            .collect();
        if found.is_empty() {
            return Err(format!(
                "{}: no deployment files in the folder: expected files ending in .{}",
                path.display(),
                DEPLOYMENT_EXTENSIONS.join(", .")
            ));
        }
        found.sort();
        paths.extend(found);
    }
    Ok(paths)
}

fn is_deployment(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DEPLOYMENT_EXTENSIONS.iter().any(|known| known.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_give_their_deployment_files_sorted_and_files_stay_as_given() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.yaml", "a.toml", "acme.zone", "users.csv", "c.JSON"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("nested")).unwrap();
        std::fs::write(dir.path().join("nested/d.toml"), "").unwrap();
        let lone = dir.path().join("acme.zone");
        let got = expand(&[lone.clone(), dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = got.iter().map(|p| p.file_name().unwrap().to_str().unwrap()).collect();
        assert_eq!(names, ["acme.zone", "a.toml", "b.yaml", "c.JSON"]);
    }

    #[test]
    fn a_missing_path_or_an_empty_folder_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.toml");
        assert!(
            expand(std::slice::from_ref(&missing))
                .unwrap_err()
                .contains("nope.toml: no such file")
        );
        let error = expand(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(error.contains("no deployment files in the folder"), "{error}");
    }
}
