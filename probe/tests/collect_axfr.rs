//! The AXFR collector against a real NSD on loopback: a zone transferred and its records matched
//! exactly as the deployment file's inline records, a refused transfer, a transfer cut in the
//! middle, a silent server and a closed port.

use std::collections::BTreeMap;
use std::time::Duration;

use uclint_core::model::InlineRecord;
use uclint_probe::collect::{SourceKind, collect_axfr};
use uclint_test_servers::{Nsd, Relay, Silent, Zone, closed_port};

const TIMEOUT: Duration = Duration::from_secs(5);

/// The corporate zone of the field notes: hosts, an alias, SIP SRV and NAPTR, and records the
/// core does not use (NS, MX, TXT).
const ACME: &str = "$ORIGIN acme.com.\n$TTL 300\n\
@ IN SOA ns1.acme.com. hostmaster.acme.com. 7 3600 600 86400 300\n\
@ IN NS ns1.acme.com.\n\
@ IN MX 10 mail.acme.com.\n\
@ 600 IN TXT \"v=spf1 -all\"\n\
@ IN NAPTR 50 50 \"s\" \"SIP+D2T\" \"\" _sip._tcp.acme.com.\n\
ns1 IN A 127.0.0.1\n\
cups-1 IN A 192.0.2.10\n\
cups-1 IN AAAA 2001:db8::10\n\
presence 3600 IN CNAME cups-1.acme.com.\n\
_sip._tcp IN SRV 10 60 5060 cups-1.acme.com.\n\
_cuplogin._tcp IN SRV 0 0 8443 cups-1.acme.com.\n";

fn record(name: &str, rtype: &str, value: &str, ttl: u32) -> InlineRecord {
    InlineRecord {
        name: name.to_owned(),
        rtype: rtype.to_owned(),
        value: value.to_owned(),
        ttl: Some(ttl),
    }
}

#[test]
fn a_transferred_zone_gives_the_records_the_core_uses_exactly() {
    let nsd = Nsd::start(&[Zone::text("acme.com", ACME).with_axfr()]);
    let read = collect_axfr("acme.com", nsd.address, TIMEOUT).unwrap_or_else(|e| panic!("{e}\n{}", nsd.log()));
    assert_eq!(read.collected.source.kind, SourceKind::Axfr);
    assert_eq!(read.collected.source.origin, format!("acme.com@{}", nsd.address));
    assert_eq!(read.zone, "acme.com.");
    assert_eq!(
        read.collected.domain, None,
        "the caller says whether the zone is the corporate one"
    );
    let mut records = read.collected.records.clone();
    records.sort_by(|a, b| (&a.name, &a.rtype, &a.value).cmp(&(&b.name, &b.rtype, &b.value)));
    assert_eq!(
        records,
        [
            record("_cuplogin._tcp.acme.com.", "SRV", "0 0 8443 cups-1.acme.com.", 300),
            record("_sip._tcp.acme.com.", "SRV", "10 60 5060 cups-1.acme.com.", 300),
            record(
                "acme.com.",
                "NAPTR",
                "50 50 \"s\" \"SIP+D2T\" \"\" _sip._tcp.acme.com.",
                300
            ),
            record("cups-1.acme.com.", "A", "192.0.2.10", 300),
            record("cups-1.acme.com.", "AAAA", "2001:db8::10", 300),
            record("ns1.acme.com.", "A", "127.0.0.1", 300),
            record("presence.acme.com.", "CNAME", "cups-1.acme.com.", 3600),
        ]
    );
    let skipped: BTreeMap<&str, usize> = read.skipped.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(skipped, BTreeMap::from([("MX", 1), ("NS", 1), ("SOA", 1), ("TXT", 1)]));
    assert_eq!(read.transferred, 11);
    assert!(read.messages >= 1);
}

#[test]
fn a_zone_without_transfers_allowed_is_refused() {
    let nsd = Nsd::start(&[Zone::text("acme.com", ACME)]);
    let error = collect_axfr("acme.com.", nsd.address, TIMEOUT).unwrap_err();
    assert_eq!(error.kind, SourceKind::Axfr);
    assert_eq!(error.origin, format!("acme.com@{}", nsd.address));
    assert!(
        error.reason.contains("refused to transfer `acme.com.` (REFUSED)") || error.reason.contains("(NOTAUTH)"),
        "{error}"
    );
}

#[test]
fn a_transfer_cut_in_the_middle_is_an_error_not_part_of_a_zone() {
    let mut zone = String::from(ACME);
    for i in 0..3_000 {
        zone.push_str(&format!("host{i} IN A 10.0.{}.{}\n", i / 250, i % 250 + 1));
    }
    let nsd = Nsd::start(&[Zone::text("acme.com", &zone).with_axfr()]);
    let whole = collect_axfr("acme.com", nsd.address, TIMEOUT).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(whole.collected.records.len(), 3_007);
    // The transfer is about 50 kB: cut after 20 kB.
    let relay = Relay::cut_after(nsd.address, 20_000);
    let error = collect_axfr("acme.com", relay.address, TIMEOUT).unwrap_err();
    assert!(
        error
            .reason
            .contains("the server closed the connection in the middle of the transfer"),
        "{error}"
    );
}

#[test]
fn a_silent_server_times_out_and_a_closed_port_is_refused() {
    let silent = Silent::start();
    let error = collect_axfr("acme.com", silent.address, Duration::from_millis(300)).unwrap_err();
    assert!(
        error
            .reason
            .contains("no answer within 300 ms while waiting for the answer to the AXFR query"),
        "{error}"
    );
    let closed = closed_port();
    let error = collect_axfr("acme.com", closed, TIMEOUT).unwrap_err();
    assert_eq!(error.origin, format!("acme.com@{closed}"));
    assert!(error.reason.to_lowercase().contains("refused"), "{error}");
}
