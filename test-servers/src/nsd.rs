//! NSD, a real authoritative DNS server (Debian's `nsd`), serving zone files on 127.0.0.1.

use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use tempfile::TempDir;

use crate::binary::require_binary;
use crate::fail::OrPanic;
use crate::ports::free_port;
use crate::process::Process;

/// One zone for NSD to serve.
#[derive(Clone, Debug)]
pub struct Zone {
    origin: String,
    text: String,
    axfr: bool,
}

impl Zone {
    /// The zone `origin` (e.g. `example.com`) from its zone-file text.
    pub fn text(origin: &str, text: &str) -> Self {
        Self {
            origin: origin.trim_end_matches('.').to_owned(),
            text: text.to_owned(),
            axfr: false,
        }
    }

    /// The zone `origin` from the zone file at `path` (read now).
    pub fn file(origin: &str, path: &Path) -> Self {
        let text = std::fs::read_to_string(path).or_panic(format_args!("NSD: read zone file {}", path.display()));
        Self::text(origin, &text)
    }

    /// Let 127.0.0.1 transfer the zone (AXFR), as `provide-xfr: 127.0.0.1 NOKEY` does.
    pub fn with_axfr(mut self) -> Self {
        self.axfr = true;
        self
    }
}

/// A running NSD on 127.0.0.1 (UDP and TCP on one port); stopped when dropped. Several may run
/// at once, e.g. an internal and a public view of one domain.
pub struct Nsd {
    /// Where it answers, over UDP and TCP.
    pub address: SocketAddr,
    process: Process,
    _dir: TempDir,
}

impl Nsd {
    /// Serve `zones` until dropped; returns once it answers a query for the first zone.
    pub fn start(zones: &[Zone]) -> Self {
        let binary = require_binary("/usr/sbin/nsd", "nsd");
        let dir = tempfile::tempdir().or_panic("NSD: create a temporary folder");
        let port = free_port();
        let d = dir.path().display();
        let mut conf = format!(
            "server:\n  ip-address: 127.0.0.1\n  port: {port}\n  do-ip6: no\n  username: \"\"\n  chroot: \"\"\n  \
             zonesdir: \"{d}\"\n  database: \"\"\n  pidfile: \"{d}/nsd.pid\"\n  xfrdfile: \"{d}/xfrd.state\"\n  \
             zonelistfile: \"{d}/zone.list\"\n  logfile: \"{d}/nsd.log\"\n  server-count: 1\n  verbosity: 1\n\
             remote-control:\n  control-enable: no\n"
        );
        for (i, zone) in zones.iter().enumerate() {
            let name = format!("zone{i}.zone");
            let path = dir.path().join(&name);
            std::fs::write(&path, &zone.text).or_panic(format_args!("NSD: write {}", path.display()));
            conf.push_str(&format!("zone:\n  name: \"{}\"\n  zonefile: \"{name}\"\n", zone.origin));
            if zone.axfr {
                conf.push_str("  provide-xfr: 127.0.0.1 NOKEY\n");
            }
        }
        let conf_path = dir.path().join("nsd.conf");
        std::fs::write(&conf_path, conf).or_panic("NSD: write nsd.conf");
        let mut command = Command::new(binary);
        command.arg("-d").arg("-c").arg(&conf_path);
        let mut process = Process::spawn("NSD", command, dir.path(), &[dir.path().join("nsd.log")]);
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        // A zone with errors is not loaded: NSD answers SERVFAIL for it, never NOERROR.
        let origin = zones.first().map_or(".", |z| z.origin.as_str());
        let wanted = if zones.is_empty() { REFUSED } else { NOERROR };
        process.wait_ready(&format!("answer for {origin} SOA"), || {
            match soa_rcode(address, origin) {
                Ok(rcode) if rcode == wanted => Ok(()),
                Ok(rcode) => Err(format!("response code {rcode}")),
                Err(e) => Err(e),
            }
        });
        Self {
            address,
            process,
            _dir: dir,
        }
    }

    /// Its output and log so far.
    pub fn log(&self) -> String {
        self.process.logs()
    }
}

/// DNS response code "no error".
const NOERROR: u8 = 0;
/// DNS response code "refused" (a zone NSD does not serve).
const REFUSED: u8 = 5;

/// The response code of an SOA query for `origin` over UDP.
fn soa_rcode(server: SocketAddr, origin: &str) -> Result<u8, String> {
    let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).map_err(|e| e.to_string())?;
    socket.connect(server).map_err(|e| e.to_string())?;
    socket
        .set_read_timeout(Some(Duration::from_millis(500)))
        .map_err(|e| e.to_string())?;
    let id: u16 = 0x5eed;
    let mut query = id.to_be_bytes().to_vec();
    query.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]); // RD, one question
    for label in origin.split('.').filter(|l| !l.is_empty()) {
        query.push(label.len() as u8);
        query.extend_from_slice(label.as_bytes());
    }
    query.extend_from_slice(&[0, 0, 6, 0, 1]); // root, SOA, IN
    socket.send(&query).map_err(|e| format!("send: {e}"))?;
    let mut answer = [0; 4096];
    let n = socket.recv(&mut answer).map_err(|e| format!("receive: {e}"))?;
    if n < 12 || answer[..2] != id.to_be_bytes() {
        return Err(format!("not an answer to the query ({n} bytes)"));
    }
    Ok(answer[3] & 0x0f)
}
