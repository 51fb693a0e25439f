//! Jabber and Webex App service discovery, live. For each Jabber or Webex App profile, the SRV
//! queries D8 predicts (`_cisco-uds`, `_cuplogin`, `_collab-edge` under its lookup domain) are
//! asked of the DNS server that profile asks where it is, and every target found is reached over
//! TLS and its certificate judged by D8's own rule. Each observation sets what D8 predicted beside
//! what was seen: JAB001 to JAB006 where the answers show the fault, DRIFT001 where they
//! contradict the deployment file.

mod certificate;
mod found;
mod lookup;
mod plan;
mod target;
mod task;
mod view;

pub use task::tasks;
