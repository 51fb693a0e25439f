//! A non-INVITE transaction over UDP (RFC 3261 §17.1.2): the request is sent again after T1
//! (500 ms), then after twice as long each time, at most T2 (4 s) apart (timer E, the
//! non-INVITE twin of INVITE's timer A), until a final answer or the request's timeout, which
//! stands in for timer F (64 T1 = 32 s) when it is shorter. After a provisional answer the
//! request is repeated every T2.
//!
//! The socket is connected to the server: only its datagrams are read, and the ICMP port
//! unreachable a closed port sends back is seen (Linux reports it as a refused connection on
//! the next receive, on loopback at once; across a network, a firewall that drops the datagram
//! silently leaves a timeout). A reply from another address than the one asked is not read
//! (RFC 3261 §18.2.2 has the server answer from the address the request reached).

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use tokio::net::UdpSocket;
use tokio::time::Instant;

use super::exchange::{Answer, received, sent};
use super::message::Request;
use super::response::{Datagram, MAX_MESSAGE, Response};
use crate::net::{Fault, seconds};
use crate::{EvidenceKind, Observation, Outcome};

/// RFC 3261's round-trip estimate.
pub const T1: Duration = Duration::from_millis(500);
/// The longest interval between two sends of a non-INVITE request.
pub const T2: Duration = Duration::from_secs(4);

/// Send `request` to `server` and wait at most `timeout` for its final answer.
pub async fn exchange(
    server: SocketAddr,
    request: &Request,
    timeout: Duration,
    observation: &mut Observation,
) -> Result<Answer, Fault> {
    let any: SocketAddr = if server.is_ipv4() {
        (Ipv4Addr::UNSPECIFIED, 0).into()
    } else {
        (Ipv6Addr::UNSPECIFIED, 0).into()
    };
    let socket = UdpSocket::bind(any)
        .await
        .map_err(|e| Fault::io("opening a UDP socket", &e))?;
    socket
        .connect(server)
        .await
        .map_err(|e| Fault::io(&format!("sending to {server}"), &e))?;
    let local = socket
        .local_addr()
        .map_err(|e| Fault::io("reading the UDP socket's address", &e))?;
    let text = request.render(local);
    let first_line = text.lines().next().unwrap_or_default().to_owned();
    let doing = format!("waiting for {server} to answer the {}", request.method.as_str());

    let started = Instant::now();
    let deadline = started + timeout;
    sent(observation, &text);
    send(&socket, &text, server).await?;
    let mut interval = T1;
    let mut next = started + T1;
    let mut retransmissions = 0u32;
    let mut buffer = vec![0u8; MAX_MESSAGE + 1];
    loop {
        let wake = next.min(deadline);
        let received_bytes = match tokio::time::timeout_at(wake, socket.recv(&mut buffer)).await {
            Ok(result) => result.map_err(|e| Fault::io(&doing, &e))?,
            Err(_) if Instant::now() >= deadline => {
                observation.evidence(
                    EvidenceKind::Note,
                    format!(
                        "sent {} times ({retransmissions} retransmission{}), no answer",
                        retransmissions + 1,
                        if retransmissions == 1 { "" } else { "s" }
                    ),
                );
                return Err(Fault::timeout(&doing, timeout));
            }
            Err(_) => {
                retransmissions += 1;
                observation.evidence(
                    EvidenceKind::Sent,
                    format!(
                        "{first_line} (retransmission {retransmissions}, {} after the first send)",
                        seconds(next - started)
                    ),
                );
                send(&socket, &text, server).await?;
                interval = (interval * 2).min(T2);
                next += interval;
                continue;
            }
        };
        let response = match Response::parse_datagram(&buffer[..received_bytes]) {
            Err(why) => {
                return Err(Fault::new(
                    Outcome::ProtocolError,
                    format!("{server} answered with {why}"),
                ));
            }
            Ok(Datagram::KeepAlive) => continue,
            Ok(Datagram::Request(line)) => {
                observation.evidence(EvidenceKind::Note, format!("ignored a request from {server}: {line}"));
                continue;
            }
            Ok(Datagram::Response(response)) => response,
        };
        if let Some(why) = request.mismatch(&response) {
            observation.evidence(
                EvidenceKind::Note,
                format!(
                    "ignored `{}` from {server}: not the answer to this request ({why})",
                    response.status()
                ),
            );
            continue;
        }
        received(observation, &response);
        if response.is_provisional() {
            // Proceeding: the request keeps going, every T2 (RFC 3261 §17.1.2.2).
            interval = T2;
            next = Instant::now() + T2;
            continue;
        }
        return Ok(Answer { response, local });
    }
}

async fn send(socket: &UdpSocket, text: &str, server: SocketAddr) -> Result<(), Fault> {
    match socket.send(text.as_bytes()).await {
        Ok(_) => Ok(()),
        Err(error) => Err(Fault::io(&format!("sending to {server}"), &error)),
    }
}

#[cfg(test)]
mod tests {
    use std::net::IpAddr;

    use uclint_core::model::Transport;
    use uclint_core::report::{Subject, SubjectKind};

    use super::*;
    use crate::{Probe, Target};

    fn run<T>(work: impl Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(work)
    }

    /// A response to `request` (as received) with `status`, its Call-ID replaced by `call_id`
    /// when given.
    fn reply(request: &str, status: &str, call_id: Option<&str>) -> Vec<u8> {
        let mut text = format!("SIP/2.0 {status}\r\n");
        for line in request.split("\r\n").skip(1) {
            let name = line.split(':').next().unwrap_or_default();
            match (name, call_id) {
                ("Call-ID", Some(other)) => text.push_str(&format!("Call-ID: {other}\r\n")),
                ("Via" | "From" | "To" | "Call-ID" | "CSeq", _) => text.push_str(&format!("{line}\r\n")),
                _ => {}
            }
        }
        text.push_str("Content-Length: 0\r\n\r\n");
        text.into_bytes()
    }

    /// Ask a server that answers each datagram it receives with `answers(n, request)`.
    fn ask(timeout: Duration, answers: fn(usize, &str) -> Vec<Vec<u8>>) -> (Result<Answer, Fault>, Observation) {
        run(async move {
            let server = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
            let address = server.local_addr().unwrap();
            tokio::spawn(async move {
                let mut buffer = [0; 4096];
                let mut n = 0;
                while let Ok((len, from)) = server.recv_from(&mut buffer).await {
                    let request = String::from_utf8_lossy(&buffer[..len]).into_owned();
                    for datagram in answers(n, &request) {
                        let _ = server.send_to(&datagram, from).await;
                    }
                    n += 1;
                }
            });
            let request = Request::options(IpAddr::from([127, 0, 0, 1]), address.port(), Transport::Udp);
            let mut observation =
                Observation::new(Probe::Sip, Target::named("t"), Subject::new(SubjectKind::Route, "t"));
            let result = exchange(address, &request, timeout, &mut observation).await;
            (result, observation)
        })
    }

    fn texts(observation: &Observation) -> Vec<&str> {
        observation.evidence.iter().map(|e| e.text.as_str()).collect()
    }

    #[test]
    fn strays_keep_alives_and_provisional_answers_are_passed_over() {
        let (result, observation) = ask(Duration::from_secs(2), |_, request| {
            vec![
                reply(request, "200 OK", Some("someone-else")),
                b"OPTIONS sip:probe SIP/2.0\r\nCSeq: 9 OPTIONS\r\n\r\n".to_vec(),
                b"\r\n\r\n".to_vec(),
                reply(request, "100 Trying", None),
                reply(request, "200 OK", None),
            ]
        });
        let answer = result.unwrap();
        assert_eq!(answer.response.code, 200);
        assert_eq!(answer.local.ip(), IpAddr::from([127, 0, 0, 1]));
        let texts = texts(&observation);
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("ignored `200 OK`") && t.contains("Call-ID")),
            "{texts:?}"
        );
        assert!(texts.iter().any(|t| t.starts_with("ignored a request")), "{texts:?}");
        assert!(texts.contains(&"SIP/2.0 100 Trying"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("retransmission")), "{texts:?}");
    }

    #[test]
    fn a_lost_request_is_sent_again_after_t1() {
        let started = std::time::Instant::now();
        let (result, observation) = ask(Duration::from_secs(2), |n, request| {
            if n == 0 {
                Vec::new()
            } else {
                vec![reply(request, "200 OK", None)]
            }
        });
        assert_eq!(result.unwrap().response.code, 200);
        let elapsed = started.elapsed();
        assert!(elapsed >= T1 && elapsed < 2 * T1 + T1 / 2, "{elapsed:?}");
        let texts = texts(&observation);
        let again: Vec<&&str> = texts.iter().filter(|t| t.contains("(retransmission")).collect();
        assert_eq!(again.len(), 1, "{texts:?}");
        assert!(again[0].starts_with("OPTIONS sip:127.0.0.1:"), "{texts:?}");
    }

    #[test]
    fn garbage_from_the_server_is_a_protocol_error() {
        let (result, _) = ask(Duration::from_secs(2), |_, _| vec![b"\x16\x03\x01garbage".to_vec()]);
        let fault = result.unwrap_err();
        assert_eq!(fault.outcome, Outcome::ProtocolError);
        assert!(fault.detail.contains("not SIP"), "{fault:?}");
    }

    #[test]
    fn silence_is_a_timeout_at_the_deadline() {
        let started = std::time::Instant::now();
        let (result, observation) = ask(Duration::from_millis(1200), |_, _| Vec::new());
        assert_eq!(result.unwrap_err().outcome, Outcome::Timeout);
        let elapsed = started.elapsed();
        assert!(
            elapsed >= Duration::from_millis(1200) && elapsed < Duration::from_millis(1700),
            "{elapsed:?}"
        );
        // Sent at 0, 500 ms, 1.5 s (past the deadline: not sent).
        let texts = texts(&observation);
        assert_eq!(
            texts.iter().filter(|t| t.contains("(retransmission")).count(),
            1,
            "{texts:?}"
        );
        assert!(
            texts.contains(&"sent 2 times (1 retransmission), no answer"),
            "{texts:?}"
        );
    }
}
