//! Kamailio, a real SIP server (Debian's `kamailio`, and `kamailio-tls-modules` for TLS), on
//! 127.0.0.1: OPTIONS gets 200; REGISTER gets 200 from the one trusted source address and a
//! Digest challenge (401) from any other.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use tempfile::TempDir;

use crate::binary::{missing, require_binary};
use crate::certs::CertFiles;
use crate::fail::OrPanic;
use crate::net;
use crate::ports::free_ports;
use crate::process::Process;

/// A running Kamailio; stopped when dropped.
pub struct Kamailio {
    /// Where it answers over UDP.
    pub udp: SocketAddr,
    /// Where it answers over TCP (the same port as UDP).
    pub tcp: SocketAddr,
    /// Where it answers over TLS, if started with a certificate.
    pub tls: Option<SocketAddr>,
    process: Process,
    _dir: TempDir,
}

impl Kamailio {
    /// The Digest password a REGISTER may answer the challenge with (any user name).
    pub const PASSWORD: &str = "alicepw";
    /// An address no client here sends from: trusting it challenges every REGISTER.
    pub const NOBODY: IpAddr = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));

    /// REGISTER from 127.0.0.1 (where tests send from) is let through with 200.
    pub fn letting_through(tls: Option<&CertFiles>) -> Self {
        Self::start(IpAddr::V4(Ipv4Addr::LOCALHOST), tls)
    }

    /// Every REGISTER without credentials is challenged with 401 and `WWW-Authenticate: Digest`.
    pub fn challenging(tls: Option<&CertFiles>) -> Self {
        Self::start(Self::NOBODY, tls)
    }

    /// REGISTER from `trusted` gets 200, from elsewhere 401; TLS too if `tls` is given.
    pub fn start(trusted: IpAddr, tls: Option<&CertFiles>) -> Self {
        let binary = require_binary("/usr/sbin/kamailio", "kamailio");
        let dir = tempfile::tempdir().or_panic("Kamailio: create a temporary folder");
        let d = dir.path();
        let [port, tls_port] = free_ports(IpAddr::V4(Ipv4Addr::LOCALHOST));
        let mut tls_config = String::new();
        if let Some(cert) = tls {
            require_tls_module();
            copy(&cert.chain, &d.join("chain.pem"));
            copy(&cert.key, &d.join("key.pem"));
            let tls_cfg = d.join("tls.cfg");
            std::fs::write(&tls_cfg, tls_cfg_text(d)).or_panic("Kamailio: write tls.cfg");
            tls_config = format!(
                "enable_tls=yes\nlisten=tls:127.0.0.1:{tls_port}\nloadmodule \"tls.so\"\n\
                 modparam(\"tls\", \"config\", \"{}\")\n",
                tls_cfg.display()
            );
        }
        let cfg = d.join("kamailio.cfg");
        std::fs::write(&cfg, config(port, &tls_config, trusted)).or_panic("Kamailio: write kamailio.cfg");
        let mut command = Command::new(binary);
        // -DD: the first process stays in the foreground (its PID is ours to stop); -E: log to
        // stderr; -m/-M: anonymous shared memory, no SysV segments left behind.
        command
            .args(["-DD", "-E", "-f"])
            .arg(&cfg)
            .args(["-m", "64", "-M", "8", "-P"])
            .arg(d.join("kamailio.pid"))
            .arg("-Y")
            .arg(d)
            .arg("-w")
            .arg(d);
        let mut process = Process::spawn("Kamailio", command, d, &[]);
        let udp = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        process.wait_ready("200 to OPTIONS over UDP", || options_over_udp(udp));
        process.wait_ready("200 to OPTIONS over TCP", || {
            let reply = net::exchange(udp, options("TCP", udp, "127.0.0.1:9").as_bytes(), |r| {
                r.windows(4).any(|w| w == b"\r\n\r\n")
            })?;
            is_200(&reply)
        });
        Self {
            udp,
            tcp: udp,
            tls: tls.map(|_| SocketAddr::from((Ipv4Addr::LOCALHOST, tls_port))),
            process,
            _dir: dir,
        }
    }

    /// Its output so far.
    pub fn log(&self) -> String {
        self.process.logs()
    }
}

/// The routing script: OPTIONS 200, REGISTER 200 from `trusted` or with the password, else 401.
fn config(port: u16, tls: &str, trusted: IpAddr) -> String {
    format!(
        r#"#!KAMAILIO
debug=2
log_stderror=yes
children=2
tcp_children=2
auto_aliases=no
dns=no
rev_dns=no
use_dns_cache=no
listen=udp:127.0.0.1:{port}
listen=tcp:127.0.0.1:{port}
{tls}loadmodule "sl.so"
loadmodule "pv.so"
loadmodule "textops.so"
loadmodule "auth.so"
modparam("auth", "secret", "uclint-test-nonce-secret")
request_route {{
    if (is_method("OPTIONS")) {{ sl_send_reply("200", "OK"); exit; }}
    if (is_method("REGISTER")) {{
        if (src_ip == {trusted}) {{ sl_send_reply("200", "OK"); exit; }}
        if (pv_www_authenticate("$td", "{password}", "0")) {{ sl_send_reply("200", "OK"); exit; }}
        www_challenge("$td", "0");
        exit;
    }}
    sl_send_reply("405", "Method Not Allowed");
}}
"#,
        password = Kamailio::PASSWORD
    )
}

/// The TLS module's settings: the test certificate, no client certificates.
fn tls_cfg_text(dir: &Path) -> String {
    format!(
        "[server:default]\nmethod = TLSv1.2+\nverify_certificate = no\nrequire_certificate = no\n\
         private_key = {d}/key.pem\ncertificate = {d}/chain.pem\n\n\
         [client:default]\nverify_certificate = no\nrequire_certificate = no\n",
        d = dir.display()
    )
}

/// An OPTIONS request to `server` over `transport`, replies to `via`.
fn options(transport: &str, server: SocketAddr, via: &str) -> String {
    format!(
        "OPTIONS sip:{server} SIP/2.0\r\nVia: SIP/2.0/{transport} {via};branch=z9hG4bK-ready;rport\r\n\
         Max-Forwards: 70\r\nFrom: <sip:ready@127.0.0.1>;tag=ready\r\nTo: <sip:{server}>\r\n\
         Call-ID: ready@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
    )
}

/// Whether one OPTIONS over UDP gets 200.
fn options_over_udp(server: SocketAddr) -> Result<(), String> {
    let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).map_err(|e| e.to_string())?;
    socket
        .set_read_timeout(Some(Duration::from_millis(500)))
        .map_err(|e| e.to_string())?;
    // Connected: while nothing listens yet, the receive fails at once (refused), not at the timeout.
    socket.connect(server).map_err(|e| e.to_string())?;
    let local = socket.local_addr().map_err(|e| e.to_string())?;
    socket
        .send(options("UDP", server, &local.to_string()).as_bytes())
        .map_err(|e| format!("send: {e}"))?;
    let mut reply = [0; 4096];
    let n = socket.recv(&mut reply).map_err(|e| format!("receive: {e}"))?;
    is_200(&reply[..n])
}

/// Ok if `reply` is a SIP 200.
fn is_200(reply: &[u8]) -> Result<(), String> {
    if reply.starts_with(b"SIP/2.0 200 ") {
        Ok(())
    } else {
        Err(format!("reply {:?}", String::from_utf8_lossy(reply)))
    }
}

/// Panic unless Kamailio's TLS module is installed (under the multiarch library folder).
fn require_tls_module() {
    let found = std::fs::read_dir("/usr/lib")
        .into_iter()
        .flatten()
        .flatten()
        .any(|arch| arch.path().join("kamailio/modules/tls.so").is_file());
    if !found {
        missing(
            "Kamailio's TLS module (/usr/lib/*/kamailio/modules/tls.so)",
            "kamailio-tls-modules",
        );
    }
}

/// Copy a certificate file into the server's folder.
fn copy(from: &Path, to: &Path) {
    std::fs::copy(from, to).or_panic(format_args!("Kamailio: copy {}", from.display()));
}
