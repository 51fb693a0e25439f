//! A TLS listener (rustls with ring) presenting one of the test certificates: it completes
//! handshakes, echoes one line, then closes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::{ServerConfig, ServerConnection, StreamOwned};

use crate::acceptor::Acceptor;
use crate::certs::CertFiles;
use crate::fail::OrPanic;

/// How long a connection may stay idle before the server gives up on it.
const IDLE: Duration = Duration::from_secs(10);
/// The longest line echoed back.
const MAX_LINE: u64 = 64 * 1024;

/// A TLS server on 127.0.0.1 in a background thread; stopped when dropped.
pub struct TlsServer {
    /// Where it listens.
    pub address: SocketAddr,
    handshakes: Arc<AtomicUsize>,
    _acceptor: Acceptor,
}

/// A rustls server configuration presenting `cert` (its chain), for `who` (named in panics).
pub(crate) fn server_config(cert: &CertFiles, who: &str) -> Arc<ServerConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let chain = cert
        .chain_der
        .iter()
        .map(|der| CertificateDer::from(der.clone()))
        .collect();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(cert.key_der.clone()));
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .or_panic(format_args!("{who}: protocol versions"))
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .or_panic(format_args!("{who}: certificate {}", cert.cert.display()));
    Arc::new(config)
}

impl TlsServer {
    /// Present `cert` (its chain) on a free port of 127.0.0.1.
    pub fn start(cert: &CertFiles) -> Self {
        let config = server_config(cert, "TLS server");
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).or_panic("TLS server: bind 127.0.0.1");
        let handshakes = Arc::new(AtomicUsize::new(0));
        let counter = handshakes.clone();
        let acceptor = Acceptor::start(
            listener,
            Arc::new(move |stream: TcpStream, _: &AtomicBool| serve(stream, config.clone(), &counter)),
        );
        Self {
            address: acceptor.address(),
            handshakes,
            _acceptor: acceptor,
        }
    }

    /// How many handshakes completed (a client that rejects the certificate completes none).
    pub fn handshakes(&self) -> usize {
        self.handshakes.load(Ordering::SeqCst)
    }
}

/// Handshake, echo one line, close.
fn serve(stream: TcpStream, config: Arc<ServerConfig>, handshakes: &AtomicUsize) {
    let _ = stream.set_read_timeout(Some(IDLE));
    let _ = stream.set_write_timeout(Some(IDLE));
    let Ok(connection) = ServerConnection::new(config) else {
        return;
    };
    let mut tls = StreamOwned::new(connection, stream);
    while tls.conn.is_handshaking() {
        if tls.conn.complete_io(&mut tls.sock).is_err() {
            return;
        }
    }
    handshakes.fetch_add(1, Ordering::SeqCst);
    let mut line = Vec::new();
    if BufReader::new((&mut tls).take(MAX_LINE))
        .read_until(b'\n', &mut line)
        .is_err()
    {
        return;
    }
    let _ = tls.write_all(&line);
    tls.conn.send_close_notify();
    let _ = tls.flush();
}
