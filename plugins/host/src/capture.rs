//! A plugin's stdout or stderr: kept in memory up to a cap, and past the cap accepted and
//! counted but not kept, so a plugin that prints without end still finishes its call.

use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use wasmtime_wasi::cli::{IsTerminal, StdoutStream};
use wasmtime_wasi_io::bytes::Bytes;
use wasmtime_wasi_io::streams::{OutputStream, StreamResult};

/// One output stream of one call; clones share the buffer.
#[derive(Debug, Clone)]
pub struct Capture {
    shared: Arc<Mutex<Captured>>,
    cap: usize,
}

/// What a stream received.
#[derive(Debug, Default)]
pub struct Captured {
    /// The first bytes written, at most the cap.
    pub kept: Vec<u8>,
    /// Bytes written past the cap.
    pub dropped: u64,
}

/// How much one write may hand over; the guest splits larger writes.
const PERMIT: usize = 64 << 10;

impl Capture {
    /// An empty stream that keeps at most `cap` bytes.
    pub fn new(cap: usize) -> Self {
        Self {
            shared: Arc::new(Mutex::new(Captured::default())),
            cap,
        }
    }

    /// Keep what fits, count the rest.
    pub fn accept(&self, bytes: &[u8]) {
        // A poisoned lock only means another writer panicked; the bytes are still sound.
        let mut captured = self.shared.lock().unwrap_or_else(PoisonError::into_inner);
        let room = self.cap.saturating_sub(captured.kept.len());
        let (keep, drop) = bytes.split_at(room.min(bytes.len()));
        captured.kept.extend_from_slice(keep);
        captured.dropped = captured.dropped.saturating_add(drop.len() as u64);
    }

    /// Everything received so far, leaving the stream empty.
    pub fn take(&self) -> Captured {
        let mut captured = self.shared.lock().unwrap_or_else(PoisonError::into_inner);
        std::mem::take(&mut *captured)
    }
}

#[wasmtime_wasi_io::async_trait]
impl wasmtime_wasi_io::poll::Pollable for Capture {
    // Always ready: writing never waits.
    async fn ready(&mut self) {}
}

impl OutputStream for Capture {
    fn write(&mut self, bytes: Bytes) -> StreamResult<()> {
        self.accept(&bytes);
        Ok(())
    }

    fn flush(&mut self) -> StreamResult<()> {
        Ok(())
    }

    fn check_write(&mut self) -> StreamResult<usize> {
        Ok(PERMIT)
    }
}

impl IsTerminal for Capture {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl StdoutStream for Capture {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(self.clone())
    }

    // Used by WASI 0.3 streams only, which plugins are not given; kept equivalent anyway.
    fn async_stream(&self) -> Box<dyn tokio::io::AsyncWrite + Send + Sync> {
        Box::new(self.clone())
    }
}

impl tokio::io::AsyncWrite for Capture {
    fn poll_write(self: Pin<&mut Self>, _: &mut Context<'_>, bytes: &[u8]) -> Poll<std::io::Result<usize>> {
        self.accept(bytes);
        Poll::Ready(Ok(bytes.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_up_to_the_cap_and_counts_the_rest() {
        let capture = Capture::new(10);
        let mut stream = capture.p2_stream();
        stream.write(Bytes::from_static(b"hello ")).unwrap();
        stream.write(Bytes::from_static(b"world, and more")).unwrap();
        assert!(stream.check_write().unwrap() > 0, "a full stream still accepts");
        let captured = capture.take();
        assert_eq!(captured.kept, b"hello worl");
        assert_eq!(captured.dropped, 11);
        assert!(capture.take().kept.is_empty());
    }
}
