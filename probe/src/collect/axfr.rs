//! The corporate zone by zone transfer (AXFR, RFC 5936): one query over TCP to the server the
//! caller names, the records read until the closing SOA, and those the core uses kept as the
//! deployment file's inline records.
//!
//! The zone's name does not become the collected `domain`: a transferred zone may be the
//! corporate domain, a subdomain, a partner's zone or a reverse zone, and only the caller knows
//! which. [`AxfrCollected::zone`] says the origin, for a front door that is told.

mod records;
mod transfer;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::Duration;

use hickory_proto::rr::Name;

use super::{CollectError, Collected, SourceKind};

pub use records::USED as USED_TYPES;

/// What a zone transfer gave.
#[derive(Debug, Clone, PartialEq)]
pub struct AxfrCollected {
    /// The records the core uses (kind `axfr`, origin `ZONE@SERVER`).
    pub collected: Collected,
    /// The zone transferred, absolute (`acme.com.`).
    pub zone: String,
    /// Records in the transfer (the SOA once).
    pub transferred: usize,
    /// Records left out, by type: the SOA, and every type the core does not use.
    pub skipped: BTreeMap<String, usize>,
    /// DNS messages that carried the transfer.
    pub messages: usize,
}

/// Transfer `zone` from `server` over TCP, each step (connect, send, each message) within
/// `timeout`. Blocks the calling thread on a runtime of its own.
pub fn collect_axfr(zone: &str, server: SocketAddr, timeout: Duration) -> Result<AxfrCollected, CollectError> {
    let shown = format!("{}@{server}", zone.trim_end_matches('.'));
    let fail = |why: String| CollectError::new(SourceKind::Axfr, shown.clone(), why);
    let origin = Name::from_ascii(format!("{}.", zone.trim().trim_end_matches('.')))
        .ok()
        .filter(|name| !name.is_root() && !zone.trim().is_empty())
        .ok_or_else(|| fail(format!("`{zone}` is not a zone name")))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(format!("cannot start the transfer: {e}")))?;
    let transferred = runtime
        .block_on(transfer::transfer(&origin, server, timeout))
        .map_err(&fail)?;
    let zone = origin.to_ascii();
    let converted = records::convert(&transferred.records, &zone);
    let mut collected = Collected::from(SourceKind::Axfr, shown);
    collected.records = converted.records;
    Ok(AxfrCollected {
        collected,
        zone,
        transferred: transferred.records.len(),
        skipped: converted.skipped,
        messages: transferred.messages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_name_is_checked_before_anything_is_sent() {
        let nowhere = uclint_test_servers::closed_port();
        let error = collect_axfr("", nowhere, Duration::from_secs(1)).unwrap_err();
        assert!(error.reason.contains("is not a zone name"), "{error}");
        let error = collect_axfr("bad..name", nowhere, Duration::from_secs(1)).unwrap_err();
        assert_eq!(error.kind, SourceKind::Axfr);
        assert_eq!(error.origin, format!("bad..name@{nowhere}"));
    }
}
