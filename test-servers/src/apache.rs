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
///   `DAV: 1,2`), for each DAV user (`alice` unless told otherwise);
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

/// What Apache serves; [`ApacheBuilder::start`] starts it.
pub struct ApacheBuilder {
    tls: Option<CertFiles>,
    dav_users: Vec<String>,
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
            dav_users: Vec::new(),
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
    pub fn dav_user(mut self, user: &str) -> Self {
        self.dav_users.push(user.to_owned());
        self
    }

    /// Start Apache; returns once it answers a request for the OWA logon page.
    pub fn start(mut self) -> Apache {
        let binary = require_binary("/usr/sbin/apache2", "apache2-bin");
        let htpasswd = require_binary("/usr/bin/htpasswd", "apache2-utils");
        if self.dav_users.is_empty() {
            self.dav_users.push("alice".to_owned());
        }
        let dir = tempfile::tempdir().or_panic("Apache: create a temporary folder");
        let d = dir.path();
        // Workers drop root to www-data: they must reach every file.
        accounts::open_up(d);
        for sub in ["run", "logs", "var", "htdocs/owa/auth"] {
            std::fs::create_dir_all(d.join(sub)).or_panic(format_args!("Apache: create {sub}"));
        }
        for user in &self.dav_users {
            std::fs::create_dir_all(d.join("dav/exchange").join(user)).or_panic("Apache: create a DAV folder");
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
        let mut conf = config(d, port, run_as);
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

/// httpd.conf for HTTP, every path under `dir`.
fn config(dir: &Path, port: u16, run_as: &str) -> String {
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
Alias /exchange/ "{d}/dav/exchange/"
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
