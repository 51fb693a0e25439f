//! The misbehaving servers misbehave exactly as named, and a closed port refuses.

use std::io::{ErrorKind, Read, Write};
use std::net::{Ipv4Addr, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use uclint_test_servers::{DropMidAnswer, EndlessLine, Garbage, Silent, closed_port};

use crate::common::{connect, read_until};

#[test]
fn silent_accepts_and_never_answers_tcp_or_udp() {
    let silent = Silent::start();
    let mut stream = connect(silent.address);
    stream.set_read_timeout(Some(Duration::from_millis(300))).unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\n\r\n").unwrap();
    let error = stream.read(&mut [0; 16]).unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
        "{error}"
    );
    let udp = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    udp.set_read_timeout(Some(Duration::from_millis(300))).unwrap();
    udp.send_to(b"query", silent.address).unwrap();
    assert!(udp.recv_from(&mut [0; 16]).is_err());
}

#[test]
fn garbage_answers_noise_on_connect_after_requests_and_over_udp() {
    let garbage = Garbage::random();
    let mut stream = connect(garbage.address);
    let mut first = [0; 256];
    stream.read_exact(&mut first).unwrap();
    stream.write_all(b"OPTIONS sip:x SIP/2.0\r\n\r\n").unwrap();
    let mut second = [0; 256];
    stream.read_exact(&mut second).unwrap();
    assert_ne!(first, second, "random each time");
    let udp = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    udp.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    udp.send_to(b"query", garbage.address).unwrap();
    let (n, _) = udp.recv_from(&mut [0; 1024]).unwrap();
    assert_eq!(n, 256);

    let text = Garbage::line("220 not what you expected");
    let mut stream = connect(text.address);
    assert_eq!(
        read_until(&mut stream, |t| t.ends_with("\r\n")),
        "220 not what you expected\r\n"
    );
}

#[test]
fn endless_line_never_sends_a_newline_and_stops_when_the_client_hangs_up() {
    let endless = EndlessLine::start("* OK ");
    let mut stream = connect(endless.address);
    let mut received = Vec::new();
    let mut buffer = [0; 65536];
    while received.len() < 4 * 1024 * 1024 {
        let n = stream.read(&mut buffer).unwrap();
        assert!(n > 0, "closed early");
        received.extend_from_slice(&buffer[..n]);
    }
    assert!(received.starts_with(b"* OK xxx"));
    assert!(!received.contains(&b'\n'));
    assert!(endless.sent() >= 4 * 1024 * 1024 - 5);
    drop(stream);
    // A client that stops reading without hanging up must not keep the drop waiting.
    let _stuck = connect(endless.address);
    let started = Instant::now();
    drop(endless);
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
}

#[test]
fn drop_mid_answer_sends_half_then_closes() {
    let answer = b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789";
    let server = DropMidAnswer::after_request(answer);
    let mut stream = connect(server.address);
    stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut received = Vec::new();
    stream.read_to_end(&mut received).unwrap();
    assert_eq!(received, answer[..answer.len() / 2]);

    let greeting = b"* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n";
    let server = DropMidAnswer::greeting(greeting);
    let mut received = Vec::new();
    connect(server.address).read_to_end(&mut received).unwrap();
    assert_eq!(received, greeting[..greeting.len() / 2]);
}

#[test]
fn a_closed_port_refuses_tcp_and_udp() {
    let address = closed_port();
    let error = TcpStream::connect(address).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ConnectionRefused);
    let udp = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    udp.connect(address).unwrap();
    udp.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    udp.send(b"query").unwrap();
    let error = udp.recv(&mut [0; 16]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ConnectionRefused);
}
