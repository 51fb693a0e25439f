//! What `uclint collect --from axl=...` reads: the AXL service, as which user, and how patiently.

use std::path::PathBuf;
use std::time::Duration;

/// Users asked for per `listUser` page.
pub const PAGE_SIZE: u64 = 1000;
/// Further attempts after a throttled answer.
pub const THROTTLE_RETRIES: u32 = 3;
/// The pause before each of them.
pub const THROTTLE_PAUSE: Duration = Duration::from_secs(5);
/// The timeout of each step.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// One CUCM cluster's AXL service (and IM&P's, when it is another). The password is not here:
/// it comes from [`crate::Secrets`] (`UCLINT_AXL_PASSWORD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxlTarget {
    /// CUCM's AXL service, `https://HOST[:8443]`.
    pub url: String,
    /// IM&P's AXL service (the IM&P publisher), asked for the SIP proxy's settings; CUCM's when
    /// `None`.
    pub presence_url: Option<String>,
    /// The application user with the Standard AXL API Access role.
    pub user: String,
    /// The timeout of each request (connection, TLS, answer).
    pub timeout: Duration,
    /// The CA bundle (PEM) the services' certificates must chain to; the system's roots when
    /// `None`.
    pub ca: Option<PathBuf>,
    /// Users asked for per `listUser` page.
    pub page_size: u64,
    /// Further attempts after a throttled answer (HTTP 599 or 503).
    pub throttle_retries: u32,
    /// The pause before each further attempt.
    pub throttle_pause: Duration,
}

impl AxlTarget {
    /// CUCM's AXL at `url` as `user`, with the defaults.
    pub fn new(url: impl Into<String>, user: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            presence_url: None,
            user: user.into(),
            timeout: TIMEOUT,
            ca: None,
            page_size: PAGE_SIZE,
            throttle_retries: THROTTLE_RETRIES,
            throttle_pause: THROTTLE_PAUSE,
        }
    }
}
