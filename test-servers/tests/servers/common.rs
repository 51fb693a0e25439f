//! Clients the tests share: TLS with rustls, raw TCP exchanges, Debian client tools.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};

/// How long a test client waits for a server.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// A TLS client stream.
pub type Tls = StreamOwned<ClientConnection, TcpStream>;

/// A TCP connection whose reads and writes time out.
pub fn connect(address: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect_timeout(&address, TIMEOUT).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    stream
}

/// Complete a TLS handshake with `stream`, trusting only `ca_der`, checking the name `name`.
pub fn tls_over(stream: TcpStream, ca_der: &[u8], name: &str) -> Result<Tls, rustls::Error> {
    let mut roots = RootCertStore::empty();
    roots.add(CertificateDer::from(ca_der.to_vec())).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = ServerName::try_from(name.to_owned()).unwrap();
    let connection = ClientConnection::new(Arc::new(config), name)?;
    let mut tls = StreamOwned::new(connection, stream);
    while tls.conn.is_handshaking() {
        if let Err(e) = tls.conn.complete_io(&mut tls.sock) {
            return Err(match e.into_inner().and_then(|e| e.downcast::<rustls::Error>().ok()) {
                Some(e) => *e,
                None => rustls::Error::General("handshake I/O failed".into()),
            });
        }
    }
    Ok(tls)
}

/// A TLS connection to `address`, trusting only `ca_der`, checking the name `name`.
pub fn tls_connect(address: SocketAddr, ca_der: &[u8], name: &str) -> Result<Tls, rustls::Error> {
    tls_over(connect(address), ca_der, name)
}

/// Write `request`, then read until `done` says the answer is whole (or the server closes).
pub fn exchange(stream: &mut impl ReadWrite, request: &[u8], done: impl Fn(&str) -> bool) -> String {
    if !request.is_empty() {
        stream.write_all(request).unwrap();
        stream.flush().unwrap();
    }
    read_until(stream, done)
}

/// Read until `done` says the text is whole, or the server closes.
pub fn read_until(stream: &mut impl Read, done: impl Fn(&str) -> bool) -> String {
    let mut answer = Vec::new();
    let mut buffer = [0; 8192];
    loop {
        let text = String::from_utf8_lossy(&answer).into_owned();
        if done(&text) {
            return text;
        }
        match stream.read(&mut buffer) {
            Ok(0) => return text,
            Ok(n) => answer.extend_from_slice(&buffer[..n]),
            Err(e) => panic!("read failed after {text:?}: {e}"),
        }
    }
}

/// Something to exchange bytes with: TCP or TLS.
pub trait ReadWrite: Read + Write {}
impl<T: Read + Write> ReadWrite for T {}

/// Run a client tool with `env` added; its output and exit status.
pub fn tool(program: &str, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    std::process::Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

/// Stdout then stderr of `output`.
pub fn text(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}
