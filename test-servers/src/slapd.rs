//! OpenLDAP's slapd (Debian's `slapd`, with `ldap-utils` for loading entries online) on
//! ldap:// and ldaps:// of 127.0.0.1, StartTLS on ldap://, base `dc=example,dc=org`, the ppolicy
//! overlay, optionally Active Directory's user naming (`sAMAccountName`, `user`), and entries
//! loaded with slapadd before it starts (fast even for 100,000 users).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;
use std::process::{Command, Stdio};

use tempfile::TempDir;

use crate::binary::require_binary;
use crate::certs::CertFiles;
use crate::fail::OrPanic;
use crate::net;
use crate::ports::free_ports;
use crate::process::Process;
use crate::slapd_ldif as ldif;
use crate::tool;

/// A running slapd; stopped when dropped.
pub struct Slapd {
    /// Where it answers plain LDAP (and StartTLS).
    pub ldap: SocketAddr,
    /// Where it answers LDAP over TLS.
    pub ldaps: SocketAddr,
    /// `ldap://127.0.0.1:PORT`.
    pub ldap_url: String,
    /// `ldaps://127.0.0.1:PORT`.
    pub ldaps_url: String,
    process: Process,
    dir: TempDir,
}

/// What the directory holds when slapd starts; [`SlapdBuilder::start`] starts it.
pub struct SlapdBuilder {
    cert: CertFiles,
    entries: String,
    lockout: Option<u32>,
    generated: usize,
    generated_password: String,
    directory: usize,
    active_directory: bool,
}

impl Slapd {
    /// The suffix: every entry lives under it.
    pub const BASE: &str = ldif::BASE;
    /// Where users live.
    pub const PEOPLE: &str = ldif::PEOPLE;
    /// The administrator (rootdn), which no ACL or policy limits.
    pub const ADMIN_DN: &str = "cn=admin,dc=example,dc=org";
    /// The administrator's password.
    pub const ADMIN_PASSWORD: &str = "secret";

    /// An empty directory (base and folders only) presenting `cert` on ldaps:// and StartTLS.
    pub fn builder(cert: &CertFiles) -> SlapdBuilder {
        SlapdBuilder {
            cert: cert.clone(),
            entries: String::new(),
            lockout: None,
            generated: 0,
            generated_password: String::new(),
            directory: 0,
            active_directory: false,
        }
    }

    /// The DN of user `uid`.
    pub fn user_dn(uid: &str) -> String {
        format!("uid={uid},{}", ldif::PEOPLE)
    }

    /// The uid of generated user `i` (1-based): `user000001`.
    pub fn generated_uid(i: usize) -> String {
        ldif::generated_uid(i)
    }

    /// The uid of directory user `i` (1-based): `person000001`.
    pub fn directory_uid(i: usize) -> String {
        ldif::directory_uid(i)
    }

    /// Add entries while it runs (`ldapadd` as the administrator); panics with its output.
    pub fn add(&self, ldif: &str) {
        let ldapadd = require_binary("/usr/bin/ldapadd", "ldap-utils");
        let file = self.dir.path().join("added.ldif");
        std::fs::write(&file, ldif).or_panic("slapd: write added.ldif");
        tool::run(
            Command::new(ldapadd)
                .env("LDAPNOINIT", "1")
                .args([
                    "-x",
                    "-H",
                    &self.ldap_url,
                    "-D",
                    Self::ADMIN_DN,
                    "-w",
                    Self::ADMIN_PASSWORD,
                    "-f",
                ])
                .arg(&file),
        );
    }

    /// Its output so far (the `stats` log: one line per connection and operation).
    pub fn log(&self) -> String {
        self.process.logs()
    }
}

impl SlapdBuilder {
    /// A user with `sn` (inetOrgPerson) and `password`.
    pub fn person(mut self, uid: &str, password: &str) -> Self {
        self.entries.push_str(&ldif::person(uid, password));
        self
    }

    /// A user without `sn` (account + simpleSecurityObject) and `password`.
    pub fn account(mut self, uid: &str, password: &str) -> Self {
        self.entries.push_str(&ldif::account(uid, password));
        self
    }

    /// A referral object `ou=NAME,dc=example,dc=org` pointing at `url`.
    pub fn referral(mut self, name: &str, url: &str) -> Self {
        self.entries.push_str(&ldif::referral(name, url));
        self
    }

    /// Lock an account after `failures` bad binds (ppolicy, `ppolicy_use_lockout`).
    pub fn lockout_after(mut self, failures: u32) -> Self {
        self.lockout = Some(failures);
        self
    }

    /// `count` users `user000001`... (people with sn) sharing `password`.
    pub fn generated_users(mut self, count: usize, password: &str) -> Self {
        self.generated = count;
        self.generated_password = password.to_owned();
        self
    }

    /// `count` users `person000001`... as a synchronized directory holds them: uid, cn,
    /// givenName (`Given1`), sn (`Family1`), telephoneNumber (`+1 408 0000001`) and mail; no
    /// password. They can live beside [`SlapdBuilder::generated_users`].
    pub fn directory_users(mut self, count: usize) -> Self {
        self.directory = count;
        self
    }

    /// Know Active Directory's user naming: the `sAMAccountName` attribute, a structural `user`
    /// class (cn required; sAMAccountName, sn, givenName, telephoneNumber, mail, userPassword
    /// allowed) and `computer`, a subclass of `user`. Entries using them come with
    /// [`SlapdBuilder::ldif`].
    pub fn active_directory_schema(mut self) -> Self {
        self.active_directory = true;
        self
    }

    /// More entries, as LDIF text.
    pub fn ldif(mut self, text: &str) -> Self {
        self.entries.push_str(text.trim_end());
        self.entries.push_str("\n\n");
        self
    }

    /// Load everything with slapadd, start slapd, and return once it answers a bind.
    pub fn start(self) -> Slapd {
        let slapd = require_binary("/usr/sbin/slapd", "slapd");
        let slapadd = require_binary("/usr/sbin/slapadd", "slapd");
        let dir = tempfile::tempdir().or_panic("slapd: create a temporary folder");
        let d = dir.path();
        std::fs::create_dir(d.join("db")).or_panic("slapd: create db");
        std::fs::copy(&self.cert.chain, d.join("chain.pem")).or_panic("slapd: copy the certificate");
        std::fs::copy(&self.cert.key, d.join("key.pem")).or_panic("slapd: copy the key");
        let conf = d.join("slapd.conf");
        let mut schemas = String::new();
        if self.active_directory {
            let schema = d.join("active-directory.schema");
            std::fs::write(&schema, ldif::ACTIVE_DIRECTORY_SCHEMA).or_panic("slapd: write the schema");
            schemas.push_str(&format!("include {}\n", schema.display()));
        }
        std::fs::write(&conf, config(d, &schemas)).or_panic("slapd: write slapd.conf");
        self.write_ldif(&d.join("data.ldif"));
        // Offline loading writes the database directly: far faster than ldapadd over LDAP.
        tool::run(
            Command::new(slapadd)
                .arg("-q")
                .arg("-f")
                .arg(&conf)
                .arg("-l")
                .arg(d.join("data.ldif"))
                .stdout(Stdio::null()),
        );
        let [port, tls_port] = free_ports(IpAddr::V4(Ipv4Addr::LOCALHOST));
        let ldap_url = format!("ldap://127.0.0.1:{port}");
        let ldaps_url = format!("ldaps://127.0.0.1:{tls_port}");
        let mut command = Command::new(slapd);
        // -d keeps it in the foreground (the PID is ours) and logs `stats` to stderr.
        command
            .args(["-d", "stats", "-h", &format!("{ldap_url}/ {ldaps_url}/"), "-f"])
            .arg(&conf);
        let mut process = Process::spawn("slapd", command, d, &[]);
        let ldap = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        process.wait_ready("answer to an anonymous bind", || anonymous_bind(ldap));
        Slapd {
            ldap,
            ldaps: SocketAddr::from((Ipv4Addr::LOCALHOST, tls_port)),
            ldap_url,
            ldaps_url,
            process,
            dir,
        }
    }

    /// Every entry, generated users last, into `path`.
    fn write_ldif(&self, path: &Path) {
        let file = File::create(path).or_panic("slapd: create data.ldif");
        let mut out = BufWriter::new(file);
        let written = out
            .write_all(ldif::base().as_bytes())
            .and_then(|()| out.write_all(ldif::policy(self.lockout).as_bytes()))
            .and_then(|()| out.write_all(self.entries.as_bytes()))
            .and_then(|()| ldif::write_generated(&mut out, self.generated, &self.generated_password))
            .and_then(|()| ldif::write_directory(&mut out, self.directory))
            .and_then(|()| out.flush());
        written.or_panic("slapd: write data.ldif");
    }
}

/// slapd.conf with every path under `dir`, including the `schemas` lines after the standard ones.
fn config(dir: &Path, schemas: &str) -> String {
    format!(
        r#"include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
{schemas}modulepath /usr/lib/ldap
moduleload back_mdb.so
moduleload ppolicy.so
pidfile {d}/slapd.pid
argsfile {d}/slapd.args
TLSCertificateFile {d}/chain.pem
TLSCertificateKeyFile {d}/key.pem
database mdb
maxsize 4294967296
suffix "{base}"
rootdn "{admin}"
rootpw {password}
directory {d}/db
index objectClass eq
index uid eq
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
overlay ppolicy
ppolicy_default "cn=default,ou=policies,{base}"
ppolicy_use_lockout
"#,
        d = dir.display(),
        base = ldif::BASE,
        admin = Slapd::ADMIN_DN,
        password = Slapd::ADMIN_PASSWORD,
    )
}

/// Ok once an anonymous simple bind gets result 0.
fn anonymous_bind(server: SocketAddr) -> Result<(), String> {
    // BindRequest, message 1: version 3, empty name, empty simple password.
    let request = [
        0x30, 0x0c, 0x02, 0x01, 0x01, 0x60, 0x07, 0x02, 0x01, 0x03, 0x04, 0x00, 0x80, 0x00,
    ];
    let reply = net::exchange(server, &request, |r| r.len() >= 2 && r.len() >= 2 + r[1] as usize)?;
    // BindResponse (0x61) whose resultCode (ENUMERATED 0x0a, length 1) is success.
    match reply.get(5..10) {
        Some([0x61, _, 0x0a, 0x01, 0x00]) => Ok(()),
        _ => Err(format!("bind answer {reply:02x?}")),
    }
}
