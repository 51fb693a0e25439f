//! A real authoritative DNS server (NSD, from Debian's `nsd` package) on 127.0.0.1 at a free
//! high port, serving zone files for the length of a test.

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running NSD; stopped when dropped.
pub struct Nsd {
    child: Child,
    /// Where it answers (UDP and TCP).
    pub address: SocketAddr,
    _dir: tempfile::TempDir,
}

impl Nsd {
    /// Serve `zones` (origin, zone file) until dropped.
    pub fn serve(zones: &[(&str, &Path)]) -> Self {
        let binary = ["/usr/sbin/nsd", "/usr/bin/nsd"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .unwrap_or_else(|| {
                panic!("NSD is not installed: `apt-get install -y nsd` (the live DNS tests need a real DNS server)")
            });
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let mut conf = format!(
            "server:\n  ip-address: 127.0.0.1\n  port: {port}\n  username: \"\"\n  chroot: \"\"\n  zonesdir: \"{dir}\"\n  database: \"\"\n  pidfile: \"{dir}/nsd.pid\"\n  xfrdfile: \"{dir}/xfrd.state\"\n  zonelistfile: \"{dir}/zone.list\"\n  logfile: \"{dir}/nsd.log\"\n  server-count: 1\n  verbosity: 1\nremote-control:\n  control-enable: no\n",
            dir = dir.path().display()
        );
        for (origin, file) in zones {
            let name = format!("{origin}.zone");
            std::fs::copy(file, dir.path().join(&name)).unwrap();
            conf.push_str(&format!("zone:\n  name: \"{origin}\"\n  zonefile: \"{name}\"\n"));
        }
        let conf_path = dir.path().join("nsd.conf");
        std::fs::write(&conf_path, conf).unwrap();
        let child = Command::new(binary)
            .arg("-d")
            .arg("-c")
            .arg(&conf_path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let nsd = Self {
            child,
            address,
            _dir: dir,
        };
        nsd.wait_until_listening();
        nsd
    }

    fn wait_until_listening(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if TcpStream::connect_timeout(&self.address, Duration::from_millis(200)).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let log = std::fs::read_to_string(self._dir.path().join("nsd.log")).unwrap_or_default();
        panic!(
            "NSD did not start listening on {} within 20 s; its log:\n{log}",
            self.address
        );
    }
}

impl Drop for Nsd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port free for both UDP and TCP on 127.0.0.1, above 20000.
pub fn free_port() -> u16 {
    for _ in 0..200 {
        let Ok(tcp) = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)) else {
            continue;
        };
        let port = tcp.local_addr().unwrap().port();
        if port > 20_000 && UdpSocket::bind((Ipv4Addr::LOCALHOST, port)).is_ok() {
            return port;
        }
    }
    panic!("no free port on 127.0.0.1");
}

/// A UDP socket and a TCP listener on one port that take queries and never answer.
pub struct Silent {
    /// Where nothing answers.
    pub address: SocketAddr,
    _udp: UdpSocket,
    _tcp: TcpListener,
}

impl Silent {
    /// Bind both.
    pub fn bind() -> Self {
        for _ in 0..200 {
            let Ok(udp) = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)) else {
                continue;
            };
            let address = udp.local_addr().unwrap();
            if let Ok(tcp) = TcpListener::bind(address) {
                return Self {
                    address,
                    _udp: udp,
                    _tcp: tcp,
                };
            }
        }
        panic!("no free port on 127.0.0.1");
    }
}
