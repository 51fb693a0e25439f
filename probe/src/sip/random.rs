//! The unguessable parts of a SIP request: the Via branch, the From tag and the Call-ID.
//!
//! Source: the operating system's random generator through the `ring` provider rustls already
//! brings (no new dependency). Should it fail, the clock and a counter mixed by SplitMix64 still
//! give values unique to this process, which is all SIP needs of them (RFC 3261 §8.1.1.4-7:
//! unique, and random enough that another client does not pick the same).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// 64 random bits as 16 lowercase hex digits.
pub fn token() -> String {
    let mut bytes = [0u8; 8];
    let provider = rustls::crypto::ring::default_provider();
    if provider.secure_random.fill(&mut bytes).is_err() {
        bytes = fallback().to_be_bytes();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The clock and a per-process counter, mixed (SplitMix64).
fn fallback() -> u64 {
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut z = nanos
        ^ CALLS
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_hex_and_differ() {
        let a = token();
        let b = token();
        assert_eq!(a.len(), 16);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()), "{a}");
        assert_ne!(a, b);
        assert_ne!(fallback(), fallback());
    }
}
