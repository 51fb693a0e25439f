//! Whether a password may cross a TLS session: only when the certificate leads to a trusted root,
//! is valid now and names the server as its clients ask for it. The TLS probe judges certificates
//! (TLS002 to TLS004); this only reuses its checks to say no, and why.

use std::time::{SystemTime, UNIX_EPOCH};

use uclint_core::catalogue::Severity;
use uclint_core::model::Server;

use super::leaf::Leaf;
use super::{Session, chain, names, validity};
use crate::Context;

/// Why no password may be sent over `session` to `server`, or `None` when its certificate is
/// trusted, valid now and names `server`.
pub fn refusal(cx: &Context, session: &Session, server: &Server) -> Option<String> {
    let Some(der) = session.chain.first() else {
        return Some("the server showed no certificate".to_owned());
    };
    let leaf = match Leaf::parse(der) {
        Ok(leaf) => leaf,
        Err(why) => return Some(why),
    };
    if let Some(why) = distrust(cx, session, &leaf) {
        return Some(why);
    }
    let wanted = names::wanted(server, cx.deployment.domain.as_deref());
    if !wanted.iter().any(|name| names::names(&leaf, name)) {
        return Some(format!(
            "the certificate names none of the names clients ask for `{}` by ({}): it carries {}",
            server.node_name,
            wanted.join(", "),
            leaf.names()
        ));
    }
    None
}

/// Why `leaf`, shown in `session`, is not to be trusted whatever name was asked for: its chain
/// leads to no trusted root, or it is not valid now.
pub fn distrust(cx: &Context, session: &Session, leaf: &Leaf) -> Option<String> {
    let now = now();
    if let Some(why) = chain::check(&session.chain, leaf, &cx.roots, &trusted(cx), now) {
        return Some(format!("{why} (--ca FILE trusts a private CA)"));
    }
    match validity::check(leaf, now) {
        Some((Severity::Error, why)) => Some(why),
        _ => None,
    }
}

/// What chains must lead to, in words: the `--ca` bundle, or this system's roots.
pub fn trusted(cx: &Context) -> String {
    match &cx.request.ca {
        Some(path) => format!("the CA bundle `{}`", path.display()),
        None => "this system".to_owned(),
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
