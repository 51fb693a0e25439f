//! The rule catalogue: every rule's stable code, its page (title, severity, what it checks, why,
//! fixes) and the service its findings break, and the typed id that names a built-in or a
//! plugin rule.
//!
//! A leaf: it imports nothing else of this crate, so derivations, routing and the model can name
//! the codes behind their answers without depending on the rules that emit findings. The checks
//! themselves live in [`crate::rules`], one file per family, beside this catalogue's entries.

mod code;
mod families;
mod fix;
mod registry;
mod rule_id;
mod rule_info;
mod service;
mod severity;

pub use code::{Code, FoundBy, UnknownCode};
pub use fix::Fix;
pub use registry::{all, info};
pub use rule_id::RuleId;
pub use rule_info::{Reference, RuleInfo, help, page, references};
pub use service::Service;
pub use severity::Severity;
