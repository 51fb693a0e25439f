//! One request and its answer over a stream the probe opened itself (TCP, or TLS over it), with
//! hyper's HTTP/1.1 client connection: no pool, no resolver, no redirect followed by the library.
//! The answer's head within the timeout (at most [`MAX_HEAD`] bytes), its body within another
//! (at most [`MAX_BODY`] bytes kept, reading stops there), then the connection closes.

use std::error::Error as _;
use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::time::Duration;

use hyper::body::{Body, Incoming};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};

use super::reply::Reply;
use super::request::HttpRequest;
use crate::net::{Fault, within};
use crate::{Observation, Outcome};

/// The most bytes of a body kept; the rest is not read.
pub const MAX_BODY: usize = 1024 * 1024;
/// The largest head (status line and headers) read.
pub const MAX_HEAD: usize = 64 * 1024;

/// Send `request` over `stream` and read its answer, each step within `timeout`. The request
/// and the answer's head go into `observation`'s evidence.
pub async fn exchange<S>(
    stream: S,
    request: &HttpRequest,
    timeout: Duration,
    observation: &mut Observation,
) -> Result<Reply, Fault>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let built = request.build()?;
    request.show(observation);
    let doing = format!("the {} of {}", request.method, request.place.url());
    let (mut sender, connection) = http1::Builder::new()
        .max_buf_size(MAX_HEAD)
        .max_header_size(MAX_HEAD)
        .handshake::<_, String>(TokioIo::new(stream))
        .await
        .map_err(|e| fault(&doing, &e))?;
    let answer = async {
        let waiting = format!("waiting for the answer to {doing}");
        let response = within(timeout, &waiting, async {
            sender.send_request(built).await.map_err(|e| fault(&waiting, &e))
        })
        .await?;
        let (head, body) = response.into_parts();
        let reading = format!("reading the body of the answer to {doing}");
        let (body, cut) = within(timeout, &reading, read(body, &reading)).await?;
        let reason = head
            .extensions
            .get::<hyper::ext::ReasonPhrase>()
            .map(|r| String::from_utf8_lossy(r.as_bytes()).into_owned())
            .or_else(|| head.status.canonical_reason().map(str::to_owned))
            .unwrap_or_default();
        Ok(Reply {
            status: head.status,
            reason,
            version: head.version,
            headers: head.headers,
            body,
            cut,
        })
    };
    let reply = drive(connection, answer, &doing).await?;
    reply.show(observation);
    Ok(reply)
}

/// Run the connection beside `answer` until the answer is in. A connection that fails first
/// (bytes that are not HTTP, a cut answer) says why, unless the answer came whole all the same.
async fn drive<C>(
    connection: C,
    answer: impl Future<Output = Result<Reply, Fault>>,
    doing: &str,
) -> Result<Reply, Fault>
where
    C: Future<Output = hyper::Result<()>>,
{
    let mut connection = Box::pin(connection);
    let mut answer = std::pin::pin!(answer);
    tokio::select! {
        biased;
        result = &mut answer => result,
        ended = &mut connection => {
            // The connection is done: whatever it still owed the answer is there or never comes.
            drop(connection);
            match (ended, answer.await) {
                (_, Ok(reply)) => Ok(reply),
                (Err(error), Err(_)) => Err(fault(doing, &error)),
                (Ok(()), Err(fault)) => Err(fault),
            }
        }
    }
}

/// The body, at most [`MAX_BODY`] bytes of it, and whether there was more.
async fn read(mut body: Incoming, doing: &str) -> Result<(Vec<u8>, bool), Fault> {
    let mut kept = Vec::new();
    while let Some(frame) = poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(|e| fault(doing, &e))?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        let room = MAX_BODY - kept.len();
        if data.len() > room {
            kept.extend_from_slice(&data[..room]);
            return Ok((kept, true));
        }
        kept.extend_from_slice(&data);
    }
    Ok((kept, false))
}

/// A hyper error as the outcome it means.
fn fault(doing: &str, error: &hyper::Error) -> Fault {
    let mut source = error.source();
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return Fault::io(doing, io);
        }
        source = cause.source();
    }
    if error.is_parse() {
        return Fault::new(
            Outcome::ProtocolError,
            format!("{doing}: the server's answer is not HTTP/1.1 ({error})"),
        );
    }
    if error.is_incomplete_message() || error.is_closed() || error.is_canceled() {
        return Fault::new(
            Outcome::ProtocolError,
            format!("{doing}: the server closed the connection before a whole answer ({error})"),
        );
    }
    if error.is_timeout() {
        return Fault::new(Outcome::Timeout, format!("{doing}: {error}"));
    }
    Fault::new(Outcome::Failed, format!("{doing}: {error}"))
}

#[cfg(test)]
mod tests {
    use hyper::Method;
    use tokio::io::{AsyncReadExt, AsyncWriteExt, duplex};
    use uclint_core::report::{Subject, SubjectKind};

    use super::super::location::{Place, Scheme};
    use super::*;
    use crate::{Probe, Target};

    fn run<T>(work: impl Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(work)
    }

    /// What the probe makes of `answer`, sent after the request arrives (or at once).
    fn answered(answer: Vec<u8>, at_once: bool) -> (Result<Reply, Fault>, Observation) {
        run(async move {
            let (client, mut server) = duplex(64 * 1024);
            tokio::spawn(async move {
                if !at_once {
                    let mut request = [0; 4096];
                    let _ = server.read(&mut request).await;
                }
                let _ = server.write_all(&answer).await;
                // Held open: an answer must not wait for the close.
                tokio::time::sleep(Duration::from_secs(5)).await;
            });
            let place = Place {
                scheme: Scheme::Http,
                host: "ccm-1".to_owned(),
                port: 8080,
                path: "/ccmcip/xmldirectory.jsp".to_owned(),
            };
            let request = HttpRequest::new(Method::GET, place);
            let mut observation = Observation::new(
                Probe::Http,
                Target::named("ccm-1"),
                Subject::new(SubjectKind::Server, "ccm-1"),
            );
            let result = exchange(client, &request, Duration::from_secs(1), &mut observation).await;
            (result, observation)
        })
    }

    #[test]
    fn an_answer_is_read_whole_and_shown() {
        let answer =
            b"HTTP/1.1 440 Login Timeout\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\nhello".to_vec();
        let (reply, observation) = answered(answer, false);
        let reply = reply.unwrap();
        assert_eq!((reply.code(), reply.status_text().as_str()), (440, "440 Login Timeout"));
        assert_eq!(reply.body, b"hello");
        let shown: Vec<&str> = observation.evidence.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(shown[0], "GET /ccmcip/xmldirectory.jsp HTTP/1.1");
        assert!(shown.contains(&"HTTP/1.1 440 Login Timeout"), "{shown:?}");
        assert!(shown.contains(&"Content-Type: text/html"), "{shown:?}");
        assert!(shown.contains(&"a body of 5 bytes"), "{shown:?}");
    }

    #[test]
    fn a_long_body_is_cut_at_the_bound() {
        let mut answer = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", MAX_BODY + 10).into_bytes();
        answer.extend(std::iter::repeat_n(b'x', MAX_BODY + 10));
        let (reply, _) = answered(answer, false);
        let reply = reply.unwrap();
        assert_eq!(reply.body.len(), MAX_BODY);
        assert!(reply.cut);
    }

    #[test]
    fn what_is_not_http_is_a_protocol_error_and_silence_a_timeout() {
        let (garbage, _) = answered(b"SSH-2.0-OpenSSH_9.2\r\n".to_vec(), true);
        assert_eq!(garbage.unwrap_err().outcome, Outcome::ProtocolError);
        let (cut, _) = answered(b"HTTP/1.1 200 OK\r\nContent-Le".to_vec(), false);
        let cut = cut.unwrap_err();
        assert_eq!(cut.outcome, Outcome::Timeout, "the head never ends: {cut:?}");
        let (silent, _) = answered(Vec::new(), false);
        let silent = silent.unwrap_err();
        assert_eq!(silent.outcome, Outcome::Timeout, "{silent:?}");
        assert!(
            silent.detail.contains("waiting for the answer to the GET"),
            "{silent:?}"
        );
        let mut huge = b"HTTP/1.1 200 OK\r\n".to_vec();
        for i in 0..5000 {
            huge.extend(format!("X-{i}: 0123456789\r\n").into_bytes());
        }
        let (huge, _) = answered(huge, false);
        assert_eq!(huge.unwrap_err().outcome, Outcome::ProtocolError);
    }
}
