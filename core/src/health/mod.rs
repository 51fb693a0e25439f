//! Show Server Health: what CUPC's Help > Show Server Health will say for one user on one client,
//! service by service. It joins the derivations and every rule's findings, so it sits above both.

mod predicted;

pub use predicted::{Health, ServiceHealth, Status, health, health_from_report};
