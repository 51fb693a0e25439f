//! Gives the shared library a versioned soname, `libuclint.so.ABI`, so that a program linked
//! against one release refuses to load an incompatible one instead of failing at a missing or
//! changed symbol. ABI is the part of the version that breaks compatibility: `0.y` below 1.0
//! (every 0.y minor may break the C API), the major version `x` from 1.0 on. `install.sh`
//! reads the soname back from the library to name its links.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    // ELF systems whose linkers (GNU ld, gold, lld) take -soname; Mach-O and PE have other
    // mechanisms (install names, import libraries) and keep the linker's default.
    let elf = ["linux", "android", "freebsd", "dragonfly", "netbsd", "openbsd"];
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if elf.contains(&os.as_str()) {
        println!(
            "cargo::rustc-cdylib-link-arg=-Wl,-soname,libuclint.so.{}",
            abi(env!("CARGO_PKG_VERSION_MAJOR"), env!("CARGO_PKG_VERSION_MINOR"))
        );
    }
}

/// The ABI version of a release: `0.y` for 0.y.z, `x` for x.y.z with x >= 1.
fn abi(major: &str, minor: &str) -> String {
    if major == "0" {
        format!("0.{minor}")
    } else {
        major.to_owned()
    }
}
