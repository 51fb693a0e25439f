//! The Unix accounts servers switch to: root hands files to them, an unprivileged run keeps its
//! own.

use std::path::Path;

use rustix::process::{getegid, geteuid};

use crate::fail::OrPanic;

/// Whether the tests run as root (servers then drop to their package's users).
pub(crate) fn is_root() -> bool {
    geteuid().is_root()
}

/// The effective user and group IDs of the tests.
pub(crate) fn current_ids() -> (u32, u32) {
    (geteuid().as_raw(), getegid().as_raw())
}

/// The name of the account `uid` in /etc/passwd.
pub(crate) fn user_name(uid: u32) -> String {
    name_by_id("/etc/passwd", uid)
}

/// The name of the group `gid` in /etc/group.
pub(crate) fn group_name(gid: u32) -> String {
    name_by_id("/etc/group", gid)
}

/// The user and group IDs of account `name` in /etc/passwd.
pub(crate) fn user_ids(name: &str) -> (u32, u32) {
    let passwd = std::fs::read_to_string("/etc/passwd").or_panic("read /etc/passwd");
    passwd
        .lines()
        .map(|line| line.split(':').collect::<Vec<_>>())
        .find(|fields| fields.len() > 3 && fields[0] == name)
        .and_then(|fields| Some((fields[2].parse().ok()?, fields[3].parse().ok()?)))
        .unwrap_or_else(|| panic!("no account {name} in /etc/passwd (its server's package creates it)"))
}

/// Give `path` and everything under it to `uid`:`gid`.
pub(crate) fn chown_tree(path: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).or_panic(format_args!("chown {}", path.display()));
    if path.is_dir() {
        for entry in std::fs::read_dir(path).or_panic(format_args!("list {}", path.display())) {
            let entry = entry.or_panic(format_args!("list {}", path.display()));
            chown_tree(&entry.path(), uid, gid);
        }
    }
}

/// Let every account traverse and read `dir` (a tempdir is 0700, and servers drop root).
pub(crate) fn open_up(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755))
        .or_panic(format_args!("chmod 755 {}", dir.display()));
}

/// The first field of the line of `file` whose third field is `id`.
fn name_by_id(file: &str, id: u32) -> String {
    let text = std::fs::read_to_string(file).or_panic(format_args!("read {file}"));
    text.lines()
        .map(|line| line.split(':').collect::<Vec<_>>())
        .find(|fields| fields.len() > 2 && fields[2] == id.to_string())
        .map(|fields| fields[0].to_owned())
        .unwrap_or_else(|| panic!("no entry for ID {id} in {file}"))
}
