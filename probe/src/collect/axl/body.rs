//! The body of an answer, read frame by frame up to a bound.

use std::future::poll_fn;
use std::pin::Pin;

use hyper::body::{Body, Incoming};

use crate::Outcome;
use crate::net::Fault;

/// The whole body, or a fault when it is longer than `max` bytes or breaks off.
pub async fn read_body(mut body: Incoming, max: usize, doing: &str) -> Result<Vec<u8>, Fault> {
    let mut kept = Vec::new();
    while let Some(frame) = poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(|e| Fault::new(Outcome::ProtocolError, format!("{doing}: {e}")))?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        if kept.len() + data.len() > max {
            return Err(Fault::new(
                Outcome::ProtocolError,
                format!("{doing}: the answer is longer than {max} bytes"),
            ));
        }
        kept.extend_from_slice(&data);
    }
    Ok(kept)
}
