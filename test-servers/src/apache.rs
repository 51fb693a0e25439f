//! Apache httpd (Debian's `apache2-bin`, and `apache2-utils` for htpasswd) on 127.0.0.1, with
//! the answers an Exchange/OWA probe meets. Started from its own configuration with absolute
//! paths: Debian's apache2.conf and apache2ctl need /etc/apache2/envvars.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

use crate::accounts;
use crate::binary::require_binary;
use crate::certs::CertFiles;
use crate::fail::OrPanic;
use crate::net;
use crate::ports::free_ports;
use crate::process::Process;
use crate::tool;

/// Debian's module folder.
const MODULES: &str = "/usr/lib/apache2/modules";

/// A running Apache; stopped when dropped. What it serves:
///
/// - `/exchange/USER/`: a WebDAV collection (PROPFIND `Depth: 0` gives 207; OPTIONS says
///   `DAV: 1,2`), for each DAV user (`alice` unless told otherwise), or what another
///   [`Mailbox`] says (Basic authentication, no WebDAV, forms-based logon, 440, another host);
/// - `/owa`: 302 to `/owa/auth/logon.aspx`, which is a page (200);
/// - `/protected`: 401 with `WWW-Authenticate: Basic`, 200 for [`Apache::USER`] and
///   [`Apache::PASSWORD`];
/// - `/expired`: 440 Login Timeout, as OWA says when a session expired;
/// - `/elsewhere`: 302 to [`Apache::OTHER_HOST_URL`], another host.
///
/// Over HTTP, and over HTTPS too when started with a certificate.
pub struct Apache {
    /// Where it answers HTTP.
    pub http: SocketAddr,
    /// Where it answers HTTPS, if started with a certificate.
    pub https: Option<SocketAddr>,
    process: Process,
    _dir: TempDir,
}

/// What `/exchange/USER/` answers for one user: each way an Exchange server answers CUPS's
/// WebDAV requests there. The HTTP probe's tests need them under that path, which is the one CUPS
/// asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mailbox {
    /// A WebDAV collection anyone may read: PROPFIND 207, OPTIONS `DAV: 1,2`.
    Open,
    /// A WebDAV collection behind Basic authentication: 207 for [`Apache::USER`] with
    /// [`Apache::PASSWORD`], else 401.
    Basic,
    /// A plain folder, as on an Exchange without WebDAV: OPTIONS without `DAV`, PROPFIND 405.
    NoDav,
    /// Forms-based authentication: 302 to `/owa/auth/logon.aspx?url=...` on the same host.
    FormsLogon,
    /// 440 Login Timeout, to any method.
    Expired,
    /// 302 to `http://other.example/exchange/USER/`, another host (never contacted).
    Elsewhere,
}

/// What Apache serves; [`ApacheBuilder::start`] starts it.
pub struct ApacheBuilder {
    tls: Option<CertFiles>,
    mailboxes: Vec<(String, Mailbox)>,
}

impl Apache {
    /// The user Basic authentication on `/protected` accepts.
    pub const USER: &str = "alice";
    /// That user's password.
    pub const PASSWORD: &str = "alicepw";
    /// Where `/elsewhere` redirects: a host that is not this server (never contacted).
    pub const OTHER_HOST_URL: &str = "http://other.example/owa/";

    /// HTTP only, DAV user `alice`.
    pub fn builder() -> ApacheBuilder {
        ApacheBuilder {
            tls: None,
            mailboxes: Vec::new(),
        }
    }

    /// `http://127.0.0.1:PORT` followed by `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.http)
    }

    /// Its output and error log so far.
    pub fn log(&self) -> String {
        self.process.logs()
    }
}

impl ApacheBuilder {
    /// Also serve HTTPS, presenting `cert`.
    pub fn tls(mut self, cert: &CertFiles) -> Self {
        self.tls = Some(cert.clone());
        self
    }

    /// A WebDAV collection at `/exchange/USER/` (instead of alice's alone).
    pub fn dav_user(self, user: &str) -> Self {
        self.mailbox(user, Mailbox::Open)
    }

    /// `/exchange/USER/` answering as `mailbox` says (instead of alice's open collection alone).
    pub fn mailbox(mut self, user: &str, mailbox: Mailbox) -> Self {
        self.mailboxes.push((user.to_owned(), mailbox));
        self
    }

    /// Start Apache; returns once it answers a request for the OWA logon page.
    pub fn start(mut self) -> Apache {
        let binary = require_binary("/usr/sbin/apache2", "apache2-bin");
        let htpasswd = require_binary("/usr/bin/htpasswd", "apache2-utils");
        if self.mailboxes.is_empty() {
            self.mailboxes.push(("alice".to_owned(), Mailbox::Open));
        }
        let dir = tempfile::tempdir().or_panic("Apache: create a temporary folder");
        let d = dir.path();
        // Workers drop root to www-data: they must reach every file.
        accounts::open_up(d);
        for sub in ["run", "logs", "var", "htdocs/owa/auth"] {
            std::fs::create_dir_all(d.join(sub)).or_panic(format_args!("Apache: create {sub}"));
        }
        for (user, mailbox) in &self.mailboxes {
            let folder = match mailbox {
                Mailbox::NoDav => d.join("plain").join(user),
                _ => d.join("dav/exchange").join(user),
            };
            std::fs::create_dir_all(folder).or_panic("Apache: create a mailbox folder");
        }
        write(
            d,
            "htdocs/owa/auth/logon.aspx",
            "<html><body>Outlook Web App sign-in</body></html>\n",
        );
        // mod_asis sends this file as it is, status line included: mod_rewrite's R= flag
        // refuses 440, which is no redirect.
        write(
            d,
            "htdocs/expired.asis",
            "Status: 440 Login Timeout\nContent-Type: text/html\n\n<html><body>Session expired</body></html>\n",
        );
        write(d, "mime.types", "text/html\thtml htm aspx\ntext/plain\ttxt\n");
        tool::run(
            Command::new(htpasswd)
                .arg("-bc")
                .arg(d.join("htpasswd"))
                .args([Apache::USER, Apache::PASSWORD]),
        );
        let run_as = if accounts::is_root() {
            let (uid, gid) = accounts::user_ids("www-data");
            accounts::chown_tree(&d.join("dav"), uid, gid);
            accounts::chown_tree(&d.join("var"), uid, gid);
            "User www-data\nGroup www-data\n"
        } else {
            ""
        };
        let [port, tls_port] = free_ports(IpAddr::V4(Ipv4Addr::LOCALHOST));
        let mailboxes: String = self
            .mailboxes
            .iter()
            .map(|(user, mailbox)| mailbox_rules(d, user, *mailbox))
            .collect();
        let mut conf = config(d, port, run_as, &mailboxes);
        if let Some(cert) = &self.tls {
            std::fs::copy(&cert.chain, d.join("chain.pem")).or_panic("Apache: copy the certificate");
            std::fs::copy(&cert.key, d.join("key.pem")).or_panic("Apache: copy the key");
            conf.push_str(&https(d, tls_port));
        }
        let conf_path = d.join("httpd.conf");
        std::fs::write(&conf_path, conf).or_panic("Apache: write httpd.conf");
        let mut command = Command::new(binary);
        command.arg("-f").arg(&conf_path).arg("-DFOREGROUND");
        let mut process = Process::spawn("Apache", command, d, &[d.join("logs/error.log")]);
        let http = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        process.wait_ready("200 for /owa/auth/logon.aspx", || {
            let request = b"GET /owa/auth/logon.aspx HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            let reply = net::exchange(http, request, |r| r.contains(&b'\n'))?;
            if reply.starts_with(b"HTTP/1.1 200 ") {
                Ok(())
            } else {
                Err(format!("reply {:?}", String::from_utf8_lossy(&reply)))
            }
        });
        Apache {
            http,
            https: self.tls.map(|_| SocketAddr::from((Ipv4Addr::LOCALHOST, tls_port))),
            process,
            _dir: dir,
        }
    }
}

/// httpd.conf for HTTP, every path under `dir`; `mailboxes` before the `/exchange/` alias, which
/// would otherwise take their requests (the first matching alias wins).
fn config(dir: &Path, port: u16, run_as: &str, mailboxes: &str) -> String {
    let d = dir.display();
    let mut modules = String::new();
    for (name, file) in [
        // An MPM is mandatory.
        ("mpm_event", "mod_mpm_event.so"),
        ("authn_core", "mod_authn_core.so"),
        ("authn_file", "mod_authn_file.so"),
        ("authz_core", "mod_authz_core.so"),
        ("authz_user", "mod_authz_user.so"),
        ("auth_basic", "mod_auth_basic.so"),
        ("alias", "mod_alias.so"),
        ("mime", "mod_mime.so"),
        ("asis", "mod_asis.so"),
        ("dav", "mod_dav.so"),
        ("dav_fs", "mod_dav_fs.so"),
    ] {
        modules.push_str(&format!("LoadModule {name}_module {MODULES}/{file}\n"));
    }
    format!(
        r#"ServerRoot "{d}"
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile "{d}/run/httpd.pid"
DefaultRuntimeDir "{d}/run"
Mutex file:{d}/run default
ErrorLog "{d}/logs/error.log"
LogLevel warn
{run_as}{modules}StartServers 1
ServerLimit 2
ThreadsPerChild 16
MaxRequestWorkers 32
MinSpareThreads 4
MaxSpareThreads 32
TypesConfig "{d}/mime.types"
DocumentRoot "{d}/htdocs"
DavLockDB "{d}/var/DavLock"
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory "{d}/htdocs">
    Require all granted
</Directory>
{mailboxes}Alias /exchange/ "{d}/dav/exchange/"
<Directory "{d}/dav/exchange">
    Dav On
    Require all granted
</Directory>
RedirectMatch 302 ^/owa/?$ /owa/auth/logon.aspx
Redirect 302 /elsewhere {other}
Alias /expired "{d}/htdocs/expired.asis"
<Files "expired.asis">
    SetHandler send-as-is
</Files>
Alias /protected "{d}/htdocs/owa/auth/logon.aspx"
<Location "/protected">
    AuthType Basic
    AuthName "uclint test"
    AuthBasicProvider file
    AuthUserFile "{d}/htpasswd"
    Require valid-user
</Location>
"#,
        other = Apache::OTHER_HOST_URL,
    )
}

/// What `/exchange/USER/` needs beyond the open collection every user has.
fn mailbox_rules(dir: &Path, user: &str, mailbox: Mailbox) -> String {
    let d = dir.display();
    match mailbox {
        Mailbox::Open => String::new(),
        Mailbox::Basic => format!(
            r#"<Location "/exchange/{user}/">
    AuthType Basic
    AuthName "uclint test"
    AuthBasicProvider file
    AuthUserFile "{d}/htpasswd"
    Require valid-user
</Location>
"#
        ),
        // Outside the DAV folder: `Dav Off` below `Dav On` inherits `On`.
        Mailbox::NoDav => format!(
            "Alias /exchange/{user}/ \"{d}/plain/{user}/\"\n<Directory \"{d}/plain\">\n    Require all granted\n</Directory>\n"
        ),
        Mailbox::FormsLogon => {
            format!("RedirectMatch 302 ^/exchange/{user}/ /owa/auth/logon.aspx?url=/exchange/{user}/&reason=0\n")
        }
        // mod_asis answers GET alone, and `Redirect 440` gives 500: the 403 of every method
        // becomes a GET of /expired, whose `Status: 440` line is sent.
        Mailbox::Expired => format!(
            "<Location \"/exchange/{user}/\">\n    Require all denied\n    ErrorDocument 403 /expired\n</Location>\n"
        ),
        Mailbox::Elsewhere => format!("Redirect 302 /exchange/{user}/ http://other.example/exchange/{user}/\n"),
    }
}

/// The HTTPS listener: the same site, with the test certificate.
fn https(dir: &Path, port: u16) -> String {
    let d = dir.display();
    format!(
        r#"LoadModule ssl_module {MODULES}/mod_ssl.so
Listen 127.0.0.1:{port} https
<VirtualHost 127.0.0.1:{port}>
    SSLEngine on
    SSLCertificateFile "{d}/chain.pem"
    SSLCertificateKeyFile "{d}/key.pem"
</VirtualHost>
"#
    )
}

/// Write `text` to `dir/name`.
fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).or_panic(format_args!("Apache: write {name}"));
}
