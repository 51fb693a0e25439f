//! One way to fix a finding, and what it costs.

use std::borrow::Cow;

use serde::Serialize;

/// One way to fix a finding, with what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What to do.
    pub action: Cow<'static, str>,
    /// What it costs (in security, effort or features).
    pub tradeoff: Cow<'static, str>,
}

impl Fix {
    /// A fix written into the program (built-in rules' registry entries).
    pub const fn new(action: &'static str, tradeoff: &'static str) -> Self {
        Self {
            action: Cow::Borrowed(action),
            tradeoff: Cow::Borrowed(tradeoff),
        }
    }
}
