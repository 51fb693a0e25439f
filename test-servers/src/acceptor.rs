//! The accept loop the in-process servers share: one thread per connection, and on drop every
//! connection still open shut down and every thread joined. A finished connection gives its
//! descriptor back at once, so a server can take thousands (benchmarks) without running out.

use std::collections::HashMap;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};

/// What an in-process server does with one connection; `stop` turns true when it is dropped.
pub(crate) type Handler = dyn Fn(TcpStream, &AtomicBool) + Send + Sync;

/// A listener serving each connection with a handler in its own thread.
pub(crate) struct Acceptor {
    address: SocketAddr,
    stop: Arc<AtomicBool>,
    open: Arc<Mutex<HashMap<u64, TcpStream>>>,
    workers: Arc<Mutex<Vec<JoinHandle<()>>>>,
    thread: Option<JoinHandle<()>>,
}

impl Acceptor {
    /// Serve `listener` with `handler` until dropped.
    pub(crate) fn start(listener: TcpListener, handler: Arc<Handler>) -> Self {
        let address = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("in-process server: no local address: {e}"));
        let stop = Arc::new(AtomicBool::new(false));
        let open = Arc::new(Mutex::new(HashMap::new()));
        let workers: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let (stop, open, workers) = (stop.clone(), open.clone(), workers.clone());
            thread::spawn(move || {
                for (id, stream) in (0u64..).zip(listener.incoming()) {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    // A clone to shut down on drop: it wakes a worker blocked in read or write.
                    if let Ok(copy) = stream.try_clone() {
                        open.lock().unwrap_or_else(PoisonError::into_inner).insert(id, copy);
                    }
                    let (handler, stop, open) = (handler.clone(), stop.clone(), open.clone());
                    let worker = thread::spawn(move || {
                        handler(stream, &stop);
                        open.lock().unwrap_or_else(PoisonError::into_inner).remove(&id);
                    });
                    let mut workers = workers.lock().unwrap_or_else(PoisonError::into_inner);
                    workers.retain(|w| !w.is_finished());
                    workers.push(worker);
                }
            })
        };
        Self {
            address,
            stop,
            open,
            workers,
            thread: Some(thread),
        }
    }

    /// Where it listens.
    pub(crate) fn address(&self) -> SocketAddr {
        self.address
    }
}

impl Drop for Acceptor {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // The accept loop is blocked in accept(): one last connection lets it see `stop`.
        let _ = TcpStream::connect(self.address);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        for (_, stream) in self.open.lock().unwrap_or_else(PoisonError::into_inner).drain() {
            let _ = stream.shutdown(Shutdown::Both);
        }
        for worker in self.workers.lock().unwrap_or_else(PoisonError::into_inner).drain(..) {
            let _ = worker.join();
        }
    }
}
