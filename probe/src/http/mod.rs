//! HTTP as the phones and CUPS use it: the phones' Directory URL on each CUCM node, and the
//! calendar's WebDAV on Exchange (OPTIONS, then PROPFIND, with the calendar account's Basic
//! credentials only over trusted TLS, or plain HTTP when allowed).
//!
//! hyper's HTTP/1.1 client connection carries each request over a TCP or TLS stream the probe
//! opens itself ([`crate::net::connect`], [`crate::tls::handshake`]): the probe's own timeouts,
//! its own certificate handling, and no host contacted but the address the deployment (or DNS,
//! for a node name without one) gives. A redirect to another host is reported, never followed.

mod calendar;
mod connection;
mod credentials;
mod directory;
mod exchange;
mod location;
mod reply;
mod request;
mod verdict;

use std::sync::Arc;

use credentials::Basic;

use crate::runner::Task;
use crate::{Context, Observation, Probe};

/// The questions of the HTTP probe: each CUCM node's directory, and the calendar.
pub fn tasks(cx: &Arc<Context>) -> Vec<Task> {
    if !cx.request.runs(Probe::Http) {
        return Vec::new();
    }
    let mut tasks = directory::tasks(cx);
    tasks.extend(calendar::task(cx));
    tasks
}

/// Every secret out of what an observation shows: the passwords, and the Basic token sent.
fn redact(cx: &Context, basic: Option<&Basic>, observation: &mut Observation) {
    let clean = |text: &str| {
        let text = cx.request.secrets.redact(text);
        basic.map_or(text.clone(), |b| b.redact(&text))
    };
    for line in &mut observation.evidence {
        line.text = clean(&line.text);
    }
    observation.summary = clean(&observation.summary);
    for raised in &mut observation.raised {
        raised.message = clean(&raised.message);
    }
}
