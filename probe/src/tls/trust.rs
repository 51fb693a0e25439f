//! Whether a TLS session is one to send a password over: the chain leads to a trusted root, the
//! certificate is valid now, and it names the server as the probe asked for it. Nothing is raised
//! here: the TLS probe judges certificates; this only decides whether credentials may go.

use uclint_core::catalogue::Severity;
use uclint_core::model::Server;

use super::leaf::Leaf;
use super::task::{now, trusted};
use super::{Session, chain, names, validity};
use crate::Context;

/// Why credentials must not be sent over `session` with `server`, or `None` when they may.
pub fn doubt(cx: &Context, server: &Server, session: &Session) -> Option<String> {
    let Some(der) = session.chain.first() else {
        return Some("the server showed no certificate".to_owned());
    };
    let leaf = match Leaf::parse(der) {
        Ok(leaf) => leaf,
        Err(why) => return Some(why),
    };
    let now = now();
    if let Some(why) = chain::check(&session.chain, &leaf, &cx.roots, &trusted(cx), now) {
        return Some(why);
    }
    if let Some((Severity::Error, why)) = validity::check(&leaf, now) {
        return Some(why);
    }
    let wanted = names::wanted(server, cx.deployment.domain.as_deref());
    if !wanted.iter().any(|name| names::names(&leaf, name)) {
        return Some(format!(
            "the certificate names none of {} (it carries {})",
            wanted.join(", "),
            leaf.names()
        ));
    }
    None
}
