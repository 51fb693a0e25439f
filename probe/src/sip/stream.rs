//! A transaction over TCP or TLS: one request on a connection of its own, responses read line
//! by line (each at most `net::MAX_LINE`), the body skipped by its Content-Length, everything
//! read at most 64 KiB. The connection carries nothing else, so an answer that does not match
//! the request is a protocol error, not a stray to ignore.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

use super::exchange::{Answer, received, sent};
use super::message::Request;
use super::response::{MAX_MESSAGE, Malformed, Response, preview, starts_like_sip};
use crate::net::{Fault, read_line, within};
use crate::{EvidenceKind, Observation, Outcome};

/// Send `request` over `stream` (whose local end is `local`) and read its final answer, each
/// step within `timeout`.
pub async fn exchange<S: AsyncRead + AsyncWrite + Unpin>(
    stream: S,
    local: SocketAddr,
    request: &Request,
    timeout: Duration,
    observation: &mut Observation,
) -> Result<Answer, Fault> {
    let text = request.render(local);
    sent(observation, &text);
    let mut reader = BufReader::new(stream);
    let method = request.method.as_str();
    let sending = format!("sending the {method}");
    within(timeout, &sending, async {
        let stream = reader.get_mut();
        stream
            .write_all(text.as_bytes())
            .await
            .map_err(|e| Fault::io(&sending, &e))?;
        stream.flush().await.map_err(|e| Fault::io(&sending, &e))
    })
    .await?;
    let doing = format!("waiting for the answer to the {method}");
    within(timeout, &doing, async {
        let mut budget = MAX_MESSAGE;
        loop {
            let response = read_response(&mut reader, &mut budget, timeout, &doing, observation).await?;
            received(observation, &response);
            if let Some(why) = request.mismatch(&response) {
                return Err(protocol(format!(
                    "the server answered `{}` to another request ({why})",
                    response.status()
                )));
            }
            if !response.is_provisional() {
                return Ok(Answer { response, local });
            }
        }
    })
    .await
}

/// One response: keep-alive line breaks skipped, a start that must be `SIP/2.0 `, the head
/// line by line, the body read and dropped.
async fn read_response<R: AsyncBufRead + Unpin>(
    reader: &mut R,
    budget: &mut usize,
    timeout: Duration,
    doing: &str,
    observation: &mut Observation,
) -> Result<Response, Fault> {
    loop {
        let available = reader.fill_buf().await.map_err(|e| Fault::io(doing, &e))?;
        if available.is_empty() {
            return Err(protocol(format!("the server closed the connection while {doing}")));
        }
        let breaks = available.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        if breaks == 0 {
            // Said at the first bytes: garbage need not end its line for the probe to know.
            if !starts_like_sip(available) {
                return Err(protocol(format!(
                    "the server answered with bytes that are not SIP: `{}`",
                    preview(available)
                )));
            }
            break;
        }
        spend(budget, breaks)?;
        reader.consume(breaks);
    }
    let mut lines = Vec::new();
    loop {
        let line = read_line(reader, timeout, doing).await?;
        spend(budget, line.len() + 2)?;
        if line.is_empty() {
            break;
        }
        lines.push(line);
    }
    let response = Response::parse_head(&lines).map_err(malformed)?;
    let length = match response.content_length().map_err(malformed)? {
        Some(length) => length,
        None => {
            observation.evidence(
                EvidenceKind::Note,
                "the answer has no Content-Length, which RFC 3261 §18.3 requires over TCP: read as 0",
            );
            0
        }
    };
    spend(budget, length)?;
    let wanted = u64::try_from(length).unwrap_or(u64::MAX);
    let skipped = tokio::io::copy(&mut reader.take(wanted), &mut tokio::io::sink())
        .await
        .map_err(|e| Fault::io(doing, &e))?;
    if skipped < wanted {
        return Err(protocol(format!(
            "the server closed the connection {skipped} bytes into a body of {length}"
        )));
    }
    Ok(response)
}

/// Take `n` bytes from what may still be read.
fn spend(budget: &mut usize, n: usize) -> Result<(), Fault> {
    *budget = budget
        .checked_sub(n)
        .ok_or_else(|| protocol(format!("the server's answer is larger than {} KiB", MAX_MESSAGE / 1024)))?;
    Ok(())
}

fn protocol(detail: String) -> Fault {
    Fault::new(Outcome::ProtocolError, detail)
}

fn malformed(why: Malformed) -> Fault {
    protocol(format!("the server answered with {why}"))
}

#[cfg(test)]
mod tests {
    use std::net::IpAddr;

    use tokio::io::{AsyncReadExt, AsyncWriteExt, duplex};
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

    fn observation() -> Observation {
        Observation::new(Probe::Sip, Target::named("t"), Subject::new(SubjectKind::Server, "t"))
    }

    /// The answer `reply` makes of the request, over an in-memory stream.
    fn answer_with(reply: impl Fn(&Request) -> Vec<u8>) -> (Result<Answer, Fault>, Observation) {
        let request = Request::options(IpAddr::from([127, 0, 0, 1]), 5060, Transport::Tcp);
        let bytes = reply(&request);
        run(async move {
            let (client, mut server) = duplex(256 * 1024);
            tokio::spawn(async move {
                let _ = server.write_all(&bytes).await;
                // Keep the server end open a while: a short answer must not wait for the close.
                tokio::time::sleep(Duration::from_secs(5)).await;
            });
            let mut observation = observation();
            let local = SocketAddr::from(([127, 0, 0, 1], 40000));
            let result = exchange(client, local, &request, Duration::from_secs(1), &mut observation).await;
            (result, observation)
        })
    }

    fn response(request: &Request, code: &str, extra: &str, body: &str) -> String {
        format!(
            "SIP/2.0 {code}\r\nVia: SIP/2.0/TCP 127.0.0.1:40000;branch={};rport\r\nTo: <{}>;tag=x\r\n\
             Call-ID: {}\r\nCSeq: 1 OPTIONS\r\n{extra}Content-Length: {}\r\n\r\n{body}",
            request.branch,
            request.to,
            request.call_id,
            body.len()
        )
    }

    #[test]
    fn provisional_answers_are_skipped_and_bodies_honoured() {
        let (result, observation) = answer_with(|r| {
            format!(
                "\r\n{}{}",
                response(r, "100 Trying", "", "xx"),
                response(r, "200 OK", "Server: test\r\n", "v=0\r\n")
            )
            .into_bytes()
        });
        let answer = result.unwrap();
        assert_eq!(answer.response.code, 200);
        assert_eq!(answer.response.software(), Some("test"));
        let texts: Vec<&str> = observation.evidence.iter().map(|e| e.text.as_str()).collect();
        assert!(texts.contains(&"SIP/2.0 100 Trying"), "{texts:?}");
        assert!(texts[0].starts_with("OPTIONS sip:127.0.0.1:5060 SIP/2.0"), "{texts:?}");
    }

    fn fault(reply: impl Fn(&Request) -> Vec<u8>) -> Fault {
        answer_with(reply).0.unwrap_err()
    }

    #[test]
    fn malformed_answers_are_protocol_errors() {
        let garbage = fault(|_| b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03".to_vec());
        assert_eq!(garbage.outcome, Outcome::ProtocolError);
        assert!(garbage.detail.contains("not SIP: `\\x16\\x03"), "{garbage:?}");
        let http = fault(|_| b"HTTP/1.1 400 Bad Request\r\n\r\n".to_vec());
        assert!(http.detail.contains("not SIP"), "{http:?}");
        let colon = fault(|_| b"SIP/2.0 200 OK\r\nno colon\r\n\r\n".to_vec());
        assert!(colon.detail.contains("without a colon"), "{colon:?}");
        let cut = fault(|r| {
            let mut text = response(r, "200 OK", "", "");
            text = text.replace("Content-Length: 0", "Content-Length: 50");
            text.push_str("short");
            text.into_bytes()
        });
        assert_eq!(cut.outcome, Outcome::Timeout, "the body never comes: {cut:?}");
        let other = fault(|r| response(r, "200 OK", "", "").replace(&r.call_id, "other").into_bytes());
        assert!(other.detail.contains("another request"), "{other:?}");
        let endless = fault(|_| {
            let mut text = b"SIP/2.0 200 OK\r\n".to_vec();
            text.extend(std::iter::repeat_n(b'x', crate::net::MAX_LINE + 10));
            text
        });
        assert!(endless.detail.contains("longer than"), "{endless:?}");
        let huge = fault(|r| {
            let mut text = String::from("SIP/2.0 200 OK\r\n");
            for i in 0..9000 {
                text.push_str(&format!("X-{i}: 0123456789\r\n"));
            }
            text.push_str(&response(r, "200 OK", "", "")[16..]);
            text.into_bytes()
        });
        assert!(huge.detail.contains("larger than 64 KiB"), "{huge:?}");
        let silent = fault(|_| Vec::new());
        assert_eq!(silent.outcome, Outcome::Timeout);
    }

    #[test]
    fn a_closed_connection_mid_answer_is_a_protocol_error() {
        let request = Request::options(IpAddr::from([127, 0, 0, 1]), 5060, Transport::Tcp);
        let result = run(async {
            let (client, mut server) = duplex(4096);
            tokio::spawn(async move {
                let mut request = [0; 4096];
                let _ = server.read(&mut request).await;
                let _ = server.write_all(b"SIP/2.0 200 OK\r\nVia: x").await;
            });
            let local = SocketAddr::from(([127, 0, 0, 1], 40000));
            exchange(client, local, &request, Duration::from_secs(1), &mut observation()).await
        });
        let fault = result.unwrap_err();
        assert_eq!(fault.outcome, Outcome::ProtocolError, "{fault:?}");
    }
}
