//! A bare DNS client over UDP and TCP: enough to read response codes and addresses.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};

use crate::common::{TIMEOUT, connect};

/// Record type A.
pub const A: u16 = 1;
/// Record type SOA.
pub const SOA: u16 = 6;
/// Query type AXFR (zone transfer, TCP only).
pub const AXFR: u16 = 252;

/// A query for `name` of type `qtype`.
fn query(name: &str, qtype: u16) -> Vec<u8> {
    let mut query = vec![0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
    for label in name.split('.').filter(|l| !l.is_empty()) {
        query.push(label.len() as u8);
        query.extend_from_slice(label.as_bytes());
    }
    query.push(0);
    query.extend_from_slice(&qtype.to_be_bytes());
    query.extend_from_slice(&[0, 1]);
    query
}

/// The response to a UDP query.
pub fn udp(server: SocketAddr, name: &str, qtype: u16) -> Vec<u8> {
    let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    socket.set_read_timeout(Some(TIMEOUT)).unwrap();
    socket.send_to(&query(name, qtype), server).unwrap();
    let mut answer = vec![0; 65535];
    let (n, _) = socket.recv_from(&mut answer).unwrap();
    answer.truncate(n);
    answer
}

/// The first response message to a TCP query.
pub fn tcp(server: SocketAddr, name: &str, qtype: u16) -> Vec<u8> {
    let mut stream = connect(server);
    let query = query(name, qtype);
    stream.write_all(&(query.len() as u16).to_be_bytes()).unwrap();
    stream.write_all(&query).unwrap();
    let mut length = [0; 2];
    stream.read_exact(&mut length).unwrap();
    let mut answer = vec![0; u16::from_be_bytes(length) as usize];
    stream.read_exact(&mut answer).unwrap();
    answer
}

/// The response code.
pub fn rcode(answer: &[u8]) -> u8 {
    answer[3] & 0x0f
}

/// How many answer records.
pub fn answers(answer: &[u8]) -> u16 {
    u16::from_be_bytes([answer[6], answer[7]])
}

/// Whether an A record's data `address` appears in the answer.
pub fn has_address(answer: &[u8], address: Ipv4Addr) -> bool {
    let mut rdata = vec![0, 4];
    rdata.extend_from_slice(&address.octets());
    answer.windows(rdata.len()).any(|w| w == rdata)
}
