//! Which import names one definition satisfies, by the component model's semver rule: a
//! definition of `wasi:io/streams@0.2.12` serves a plugin that imports `wasi:io/streams@0.2.3`
//! (the linker resolves them the same way), `1.4.0` serves `1.0.0`, but `0.0.1` serves only
//! itself and a pre-release only itself.

/// Whether an import named `import` is served by the definition named `defined`.
pub fn compatible(import: &str, defined: &str) -> bool {
    import == defined || matches!((track(import), track(defined)), (Some(a), Some(b)) if a == b)
}

/// The name up to the part of its version that compatible releases share: `name@0.x` for
/// `0.x.y` with `x > 0`, `name@x` for `x.y.z` with `x > 0`; `None` for names without a version,
/// `0.0.z` and pre-releases (compatible with nothing but themselves).
fn track(name: &str) -> Option<(&str, u64, u64)> {
    let (base, version) = name.split_once('@')?;
    // Build metadata (`+abc`) does not affect compatibility.
    let version = version.split_once('+').map_or(version, |(v, _)| v);
    let mut parts = version.split('.');
    let mut number = || -> Option<u64> {
        let part = parts.next()?;
        // Digits only: a pre-release (`0-rc.1`) or a sign is not a release number.
        (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (major, minor, _patch) = (number()?, number()?, number()?);
    if parts.next().is_some() {
        return None;
    }
    match (major, minor) {
        (0, 0) => None,
        (0, minor) => Some((base, 0, minor)),
        (major, _) => Some((base, major, u64::MAX)),
    }
}

#[cfg(test)]
mod tests {
    use super::compatible;

    #[test]
    fn minor_releases_of_zero_x_share_a_track() {
        assert!(compatible("wasi:io/streams@0.2.3", "wasi:io/streams@0.2.12"));
        assert!(compatible("wasi:io/streams@0.2.12", "wasi:io/streams@0.2.0"));
        assert!(compatible("wasi:io/streams@0.2.3+abc", "wasi:io/streams@0.2.12"));
        assert!(!compatible("wasi:io/streams@0.3.0", "wasi:io/streams@0.2.12"));
        assert!(!compatible("wasi:io/error@0.2.3", "wasi:io/streams@0.2.3"));
        assert!(!compatible("uclint:rule/rules@0.2.0", "uclint:rule/rules@0.1.0"));
    }

    #[test]
    fn major_releases_share_a_track() {
        assert!(compatible("a:b/c@1.0.0", "a:b/c@1.4.2"));
        assert!(!compatible("a:b/c@2.0.0", "a:b/c@1.4.2"));
    }

    #[test]
    fn the_rest_only_match_themselves() {
        assert!(compatible("a:b/c@0.0.1", "a:b/c@0.0.1"));
        assert!(!compatible("a:b/c@0.0.1", "a:b/c@0.0.2"));
        assert!(!compatible("a:b/c@0.1.0-rc.1", "a:b/c@0.1.0"));
        assert!(!compatible("a:b/c@1.0.0-pre", "a:b/c@1.0.0"));
        assert!(!compatible("a:b/c", "a:b/c@0.1.0"));
        assert!(compatible("a:b/c", "a:b/c"));
        assert!(!compatible("a:b/c@0.1", "a:b/c@0.1.0"));
        assert!(!compatible("a:b/c@0.1.0.0", "a:b/c@0.1.0"));
    }
}
