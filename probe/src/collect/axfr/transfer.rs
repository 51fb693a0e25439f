//! A zone transfer on the wire (RFC 5936): one AXFR query over TCP, then DNS messages, each
//! prefixed by its two-byte length, until the zone's SOA comes again. Every read is bounded by
//! the message length (at most 65,535 bytes) and waits at most the timeout.

use std::net::SocketAddr;
use std::time::Duration;

use hickory_proto::op::{Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::{Name, Record, RecordType};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::net;

/// The most records one transfer may bring: a bound on what a server can make the collector
/// hold (a corporate zone has thousands).
pub const MAX_RECORDS: usize = 5_000_000;

/// The zone's records in the order they came (the opening SOA first, the closing one left out),
/// and how many messages carried them.
#[derive(Debug)]
pub struct Transferred {
    /// The records.
    pub records: Vec<Record>,
    /// Messages read.
    pub messages: usize,
}

/// Transfer `zone` from `server`, each step within `timeout`.
pub async fn transfer(zone: &Name, server: SocketAddr, timeout: Duration) -> Result<Transferred, String> {
    let mut stream = net::connect(server, timeout).await.map_err(|fault| fault.detail)?;
    let id = query_id();
    let query = axfr_query(zone, id)?;
    let sent = async {
        stream.write_all(&query).await?;
        stream.flush().await
    };
    tokio::time::timeout(timeout, sent)
        .await
        .map_err(|_| net::Fault::timeout("sending the AXFR query", timeout).detail)?
        .map_err(|e| format!("sending the AXFR query: {e}"))?;
    let mut records = Vec::new();
    let mut messages = 0;
    let mut closed = false;
    while !closed {
        let message = read_message(&mut stream, timeout, messages, records.len()).await?;
        messages += 1;
        check(&message, id, zone, messages == 1)?;
        for record in message.answers {
            let soa = record.record_type() == RecordType::SOA;
            if soa && !records.is_empty() {
                closed = true;
                break;
            }
            if records.len() >= MAX_RECORDS {
                return Err(format!("the transfer holds more than {MAX_RECORDS} records: not read"));
            }
            records.push(record);
        }
    }
    Ok(Transferred { records, messages })
}

/// The AXFR question for `zone`, with message `id`, as sent over TCP (length first).
fn axfr_query(zone: &Name, id: u16) -> Result<Vec<u8>, String> {
    let mut message = Message::new(id, MessageType::Query, OpCode::Query);
    message.metadata.recursion_desired = false;
    message.add_query(Query::query(zone.clone(), RecordType::AXFR));
    let bytes = message
        .to_vec()
        .map_err(|e| format!("cannot write the AXFR query for `{zone}`: {e}"))?;
    let length = u16::try_from(bytes.len()).map_err(|_| format!("the AXFR query for `{zone}` is too long"))?;
    let mut framed = Vec::with_capacity(bytes.len() + 2);
    framed.extend_from_slice(&length.to_be_bytes());
    framed.extend_from_slice(&bytes);
    Ok(framed)
}

/// A message id that differs from run to run (RFC 5452 asks for unpredictable ones; over TCP
/// to a server the caller chose, different is enough).
fn query_id() -> u16 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    (nanos ^ std::process::id().rotate_left(16) ^ (nanos >> 16)) as u16
}

/// One length-prefixed message, each read within `timeout`.
async fn read_message(
    stream: &mut TcpStream,
    timeout: Duration,
    messages: usize,
    records: usize,
) -> Result<Message, String> {
    let doing = if messages == 0 {
        "waiting for the answer to the AXFR query".to_owned()
    } else {
        format!("reading message {} of the transfer", messages + 1)
    };
    let cut = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            if messages == 0 {
                "the server closed the connection without answering the AXFR query".to_owned()
            } else {
                format!(
                    "the server closed the connection in the middle of the transfer, after {records} records in {messages} messages; nothing is kept"
                )
            }
        } else {
            format!("{doing}: {e}")
        }
    };
    let mut length = [0u8; 2];
    tokio::time::timeout(timeout, stream.read_exact(&mut length))
        .await
        .map_err(|_| net::Fault::timeout(&doing, timeout).detail)?
        .map_err(cut)?;
    let length = usize::from(u16::from_be_bytes(length));
    let mut bytes = vec![0u8; length];
    tokio::time::timeout(timeout, stream.read_exact(&mut bytes))
        .await
        .map_err(|_| net::Fault::timeout(&doing, timeout).detail)?
        .map_err(cut)?;
    Message::from_vec(&bytes).map_err(|e| format!("{doing}: the server sent what is not a DNS message ({e})"))
}

/// Whether `message` is a good answer to AXFR query `id` for `zone`; the first must open with
/// the zone's SOA.
fn check(message: &Message, id: u16, zone: &Name, first: bool) -> Result<(), String> {
    let meta = &message.metadata;
    if meta.id != id || meta.message_type != MessageType::Response {
        return Err(format!(
            "the server sent a message that answers another query (id {}, expected {id})",
            meta.id
        ));
    }
    match meta.response_code {
        ResponseCode::NoError => {}
        ResponseCode::Refused => {
            return Err(format!(
                "the server refused to transfer `{zone}` (REFUSED): it does not allow zone transfers to this \
                 address (NSD: provide-xfr; BIND: allow-transfer; Windows: Zone Transfers tab)"
            ));
        }
        ResponseCode::NotAuth => {
            return Err(format!(
                "the server is not authoritative for `{zone}` or does not allow this transfer (NOTAUTH)"
            ));
        }
        ResponseCode::NXDomain => return Err(format!("the server says `{zone}` does not exist (NXDOMAIN)")),
        other => {
            return Err(format!(
                "the server answered the transfer of `{zone}` with {} ({})",
                other.to_str(),
                u16::from(other)
            ));
        }
    }
    if meta.truncation {
        return Err("the server sent a truncated message over TCP".to_owned());
    }
    if first {
        match message.answers.first() {
            Some(soa) if soa.record_type() == RecordType::SOA && soa.name == *zone => {}
            Some(other) => {
                return Err(format!(
                    "the transfer does not open with the SOA of `{zone}` (it opens with {} `{}`)",
                    other.record_type(),
                    other.name
                ));
            }
            None => return Err(format!("the server sent no record of `{zone}`")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_asks_for_the_whole_zone_over_tcp() {
        let zone = Name::from_ascii("acme.com.").unwrap();
        let framed = axfr_query(&zone, 0x1234).unwrap();
        let length = usize::from(u16::from_be_bytes([framed[0], framed[1]]));
        assert_eq!(length, framed.len() - 2);
        let message = Message::from_vec(&framed[2..]).unwrap();
        assert_eq!(message.metadata.id, 0x1234);
        assert!(!message.metadata.recursion_desired);
        assert_eq!(message.queries.len(), 1);
        assert_eq!(message.queries[0].query_type(), RecordType::AXFR);
        assert_eq!(message.queries[0].name(), &zone);
    }

    #[test]
    fn refusals_and_strangers_are_said() {
        let zone = Name::from_ascii("acme.com.").unwrap();
        let mut refused = Message::error_msg(7, OpCode::Query, ResponseCode::Refused);
        let why = check(&refused, 7, &zone, true).unwrap_err();
        assert!(why.contains("refused to transfer `acme.com.` (REFUSED)"), "{why}");
        refused.metadata.response_code = ResponseCode::NotAuth;
        assert!(check(&refused, 7, &zone, true).unwrap_err().contains("NOTAUTH"));
        let empty = Message::response(7, OpCode::Query);
        assert!(check(&empty, 7, &zone, true).unwrap_err().contains("no record"));
        assert!(check(&empty, 7, &zone, false).is_ok());
        assert!(check(&empty, 8, &zone, false).unwrap_err().contains("another query"));
    }
}
