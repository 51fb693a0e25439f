//! Dovecot, a real IMAP server (Debian's `dovecot-imapd`), listening on 127.0.0.2: a plain port
//! with STARTTLS, an IMAPS port, one user whose password the test sets.
//!
//! Why 127.0.0.2: Dovecot treats a connection whose two ends share one address as secure, so from
//! 127.0.0.1 to 127.0.0.1 it would never say LOGINDISABLED. A client reaching 127.0.0.2 comes
//! from 127.0.0.1, and sees the plain port as a stranger would.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use tempfile::TempDir;

use crate::accounts;
use crate::binary::require_binary;
use crate::certs::CertFiles;
use crate::fail::OrPanic;
use crate::net;
use crate::ports::free_ports;
use crate::process::Process;

/// Where Dovecot listens (see the module's documentation).
const ADDRESS: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 2);

/// A running Dovecot; stopped when dropped.
pub struct Dovecot {
    /// The plain IMAP port (STARTTLS offered), on 127.0.0.2.
    pub imap: SocketAddr,
    /// The IMAPS port (TLS from the first byte), on 127.0.0.2.
    pub imaps: SocketAddr,
    /// The user's name.
    pub user: String,
    /// The user's password now.
    pub password: String,
    users: Users,
    conf: PathBuf,
    process: Process,
    _dir: TempDir,
}

/// What Dovecot serves; [`DovecotBuilder::start`] starts it.
pub struct DovecotBuilder {
    cert: CertFiles,
    user: String,
    password: String,
    plaintext_login: bool,
}

/// The passwd-file of users, and the account their mail belongs to.
struct Users {
    path: PathBuf,
    uid: u32,
    gid: u32,
    home: PathBuf,
}

impl Dovecot {
    /// User `alice`, password `alicepw`, plaintext LOGIN refused without TLS.
    pub fn builder(cert: &CertFiles) -> DovecotBuilder {
        DovecotBuilder {
            cert: cert.clone(),
            user: "alice".to_owned(),
            password: "alicepw".to_owned(),
            plaintext_login: false,
        }
    }

    /// Change the user's password (e.g. to make the test's one wrong); returns once Dovecot
    /// accepts the new one.
    pub fn set_password(&mut self, password: &str) {
        self.users.write(&self.user, password);
        self.password = password.to_owned();
        // Dovecot looks at the file at most once a second: ask its auth service until it agrees.
        let doveadm = require_binary("/usr/bin/doveadm", "dovecot-core");
        let (conf, user) = (self.conf.clone(), self.user.clone());
        self.process.wait_ready("acceptance of the new password", || {
            let output = Command::new(&doveadm)
                .arg("-c")
                .arg(&conf)
                .args(["auth", "test", &user, password])
                .output()
                .map_err(|e| format!("cannot run doveadm: {e}"))?;
            if output.status.success() {
                Ok(())
            } else {
                Err(String::from_utf8_lossy(&output.stdout).into_owned())
            }
        });
    }

    /// Its output and log so far.
    pub fn log(&self) -> String {
        self.process.logs()
    }
}

impl DovecotBuilder {
    /// The one user's name and password (no `:` in either).
    pub fn user(mut self, name: &str, password: &str) -> Self {
        self.user = name.to_owned();
        self.password = password.to_owned();
        self
    }

    /// Allow plaintext LOGIN on the plain port without TLS (`disable_plaintext_auth = no`).
    pub fn plaintext_login(mut self) -> Self {
        self.plaintext_login = true;
        self
    }

    /// Start Dovecot; returns once the plain port greets with `* OK`.
    pub fn start(self) -> Dovecot {
        let binary = require_binary("/usr/sbin/dovecot", "dovecot-imapd");
        require_binary("/usr/lib/dovecot/imap", "dovecot-imapd");
        assert!(
            !self.user.contains(':') && !self.password.contains(':'),
            "Dovecot: no ':' in a passwd-file user or password"
        );
        let dir = tempfile::tempdir().or_panic("Dovecot: create a temporary folder");
        let d = dir.path();
        // Mail processes run as the mail user, who must be able to reach its home.
        accounts::open_up(d);
        for sub in ["run", "state", "home"] {
            std::fs::create_dir(d.join(sub)).or_panic(format_args!("Dovecot: create {sub}"));
        }
        let home = d.join("home").join(&self.user);
        std::fs::create_dir(&home).or_panic("Dovecot: create the user's home");
        std::fs::copy(&self.cert.chain, d.join("chain.pem")).or_panic("Dovecot: copy the certificate");
        std::fs::copy(&self.cert.key, d.join("key.pem")).or_panic("Dovecot: copy the key");
        let run_as = RunAs::detect();
        accounts::chown_tree(&d.join("home"), run_as.mail_uid, run_as.mail_gid);
        let users = Users {
            path: d.join("users"),
            uid: run_as.mail_uid,
            gid: run_as.mail_gid,
            home,
        };
        users.write(&self.user, &self.password);
        let [port, tls_port] = free_ports(IpAddr::V4(ADDRESS));
        let conf = d.join("dovecot.conf");
        let text = config(d, port, tls_port, self.plaintext_login, &run_as);
        std::fs::write(&conf, text).or_panic("Dovecot: write dovecot.conf");
        let mut command = Command::new(binary);
        // -F: the master stays in the foreground, its PID the one to stop.
        command.arg("-F").arg("-c").arg(&conf);
        let mut process = Process::spawn("Dovecot", command, d, &[d.join("dovecot.log")]);
        let imap = SocketAddr::from((ADDRESS, port));
        process.wait_ready("`* OK` greeting", || {
            let greeting = net::exchange(imap, b"", |r| r.contains(&b'\n'))?;
            if greeting.starts_with(b"* OK") {
                Ok(())
            } else {
                Err(format!("greeting {:?}", String::from_utf8_lossy(&greeting)))
            }
        });
        Dovecot {
            imap,
            imaps: SocketAddr::from((ADDRESS, tls_port)),
            user: self.user,
            password: self.password,
            users,
            conf,
            process,
            _dir: dir,
        }
    }
}

impl Users {
    /// Replace the file with one user (renamed into place: never seen half written).
    fn write(&self, user: &str, password: &str) {
        let line = format!(
            "{user}:{{PLAIN}}{password}:{}:{}::{}::\n",
            self.uid,
            self.gid,
            self.home.display()
        );
        let next = self.path.with_extension("new");
        std::fs::write(&next, line).or_panic("Dovecot: write the users file");
        // Dovecot re-reads the file when its size or its mtime in whole seconds changes: a
        // password of the same length written within the same second would go unseen.
        if let Ok(old) = std::fs::metadata(&self.path).and_then(|m| m.modified()) {
            let file = std::fs::File::options().write(true).open(&next);
            file.and_then(|f| f.set_modified(old + Duration::from_secs(1)))
                .or_panic("Dovecot: date the users file");
        }
        std::fs::rename(&next, &self.path).or_panic("Dovecot: replace the users file");
    }
}

/// The accounts Dovecot's processes and the user's mail run as.
struct RunAs {
    /// Settings naming the internal and login users.
    settings: String,
    /// `chroot =` where an unprivileged run cannot chroot.
    no_chroot: &'static str,
    mail_uid: u32,
    mail_gid: u32,
}

impl RunAs {
    /// As root: the package's `dovecot` and `dovenull`, mail as `nobody`. Otherwise: all as the
    /// current user, without chroot.
    fn detect() -> Self {
        if accounts::is_root() {
            let (mail_uid, mail_gid) = accounts::user_ids("nobody");
            return Self {
                settings: "default_internal_user = dovecot\ndefault_login_user = dovenull\n".to_owned(),
                no_chroot: "",
                mail_uid,
                mail_gid,
            };
        }
        let (uid, gid) = accounts::current_ids();
        let (user, group) = (accounts::user_name(uid), accounts::group_name(gid));
        Self {
            settings: format!(
                "default_internal_user = {user}\ndefault_internal_group = {group}\ndefault_login_user = {user}\n"
            ),
            no_chroot: "  chroot =\n",
            mail_uid: uid,
            mail_gid: gid,
        }
    }
}

/// dovecot.conf with every path under `dir`.
fn config(dir: &Path, port: u16, tls_port: u16, plaintext_login: bool, run_as: &RunAs) -> String {
    let d = dir.display();
    let disable_plaintext = if plaintext_login { "no" } else { "yes" };
    let (settings, no_chroot) = (&run_as.settings, run_as.no_chroot);
    format!(
        r#"instance_name = uclint-test-dovecot-{port}
base_dir = {d}/run
state_dir = {d}/state
protocols = imap
listen = {ADDRESS}
log_path = {d}/dovecot.log
ssl = yes
ssl_cert = <{d}/chain.pem
ssl_key = <{d}/key.pem
ssl_dh = </usr/share/dovecot/dh.pem
disable_plaintext_auth = {disable_plaintext}
auth_mechanisms = plain login
# A test needs no delay against password guessing.
auth_failure_delay = 0
{settings}mail_location = maildir:~/Maildir
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {d}/users
}}
service imap-login {{
{no_chroot}  inet_listener imap {{
    address = {ADDRESS}
    port = {port}
  }}
  inet_listener imaps {{
    address = {ADDRESS}
    port = {tls_port}
    ssl = yes
  }}
}}
# Tests try wrong passwords on purpose: no growing delay after each (mode 0 closes the socket
# through which auth asks anvil for the client's penalty).
service anvil {{
{no_chroot}  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"#
    )
}
