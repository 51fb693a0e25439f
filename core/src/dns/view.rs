//! The deployment's own DNS data, answering queries the way an authoritative server would.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;

use hickory_proto::rr::{LowerName, Name, RData, Record, RecordType};

use super::resolver::{Answer, Resolver};

/// How many CNAMEs a query follows before giving up (a loop, or a chain too long to trust).
const MAX_CNAME_CHAIN: usize = 8;

/// Records from zone files and inline records, indexed by owner name.
#[derive(Debug, Clone, Default)]
pub struct DnsView {
    records: HashMap<LowerName, Vec<Record>>,
    /// Names that own nothing but have records below them (empty non-terminals answer NoData).
    interior: HashSet<LowerName>,
    len: usize,
}

impl DnsView {
    /// An empty view.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add one record.
    pub fn add(&mut self, record: Record) {
        let mut parent = record.name.base_name();
        while !parent.is_root() && self.interior.insert(LowerName::new(&parent)) {
            parent = parent.base_name();
        }
        self.records
            .entry(LowerName::new(&record.name))
            .or_default()
            .push(record);
        self.len += 1;
    }

    /// Add many records.
    pub fn extend(&mut self, records: impl IntoIterator<Item = Record>) {
        for record in records {
            self.add(record);
        }
    }

    /// Whether the view holds no records.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many records the view holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Every record, in no particular order.
    pub fn records(&self) -> impl Iterator<Item = &Record> {
        self.records.values().flatten()
    }
}

impl Resolver for DnsView {
    fn query(&self, name: &Name, rtype: RecordType) -> Answer {
        let mut chain: Vec<Record> = Vec::new();
        let mut current = LowerName::new(name);
        loop {
            let Some(owned) = self.records.get(&current) else {
                // A dangling CNAME target is NXDOMAIN for the target, as a server says it.
                return if self.interior.contains(&current) {
                    Answer::NoData
                } else {
                    Answer::NxDomain
                };
            };
            let matching: Vec<Record> = owned.iter().filter(|r| r.record_type() == rtype).cloned().collect();
            if !matching.is_empty() {
                chain.extend(matching);
                return Answer::Records(chain);
            }
            let cname = owned.iter().find_map(|r| match &r.data {
                RData::CNAME(target) if rtype != RecordType::CNAME => Some((r, target.0.clone())),
                _ => None,
            });
            let Some((record, target)) = cname else {
                return Answer::NoData;
            };
            if chain.len() >= MAX_CNAME_CHAIN
                || chain.iter().any(|r| LowerName::new(&r.name) == LowerName::new(&target))
            {
                return Answer::Failed(format!(
                    "CNAME chain from {name} loops or is longer than {MAX_CNAME_CHAIN}"
                ));
            }
            chain.push(record.clone());
            current = LowerName::new(&target);
        }
    }

    fn source(&self) -> String {
        "deployment DNS data".to_owned()
    }
}

/// What an address lookup (A, then AAAA) found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressLookup {
    /// Addresses, A records before AAAA.
    Found(Vec<IpAddr>),
    /// The name does not exist.
    NxDomain,
    /// The name exists without address records.
    NoData,
    /// No answer in time.
    Timeout,
    /// The server refused.
    Refused,
    /// Any other failure.
    Failed(String),
}

/// Ask `resolver` for the A and AAAA records of the absolute `name`.
///
/// When nothing is found the most telling outcome wins: NXDOMAIN (the name does not exist at
/// all, so AAAA is not asked), then a failure to get an answer, then NoData.
pub fn lookup_addresses(resolver: &dyn Resolver, name: &Name) -> AddressLookup {
    let mut addresses = Vec::new();
    let mut failure: Option<AddressLookup> = None;
    for rtype in [RecordType::A, RecordType::AAAA] {
        match resolver.query(name, rtype) {
            Answer::Records(records) => addresses.extend(records.iter().filter_map(|r| match &r.data {
                RData::A(a) => Some(IpAddr::V4(a.0)),
                RData::AAAA(aaaa) => Some(IpAddr::V6(aaaa.0)),
                _ => None,
            })),
            Answer::NxDomain if addresses.is_empty() => return AddressLookup::NxDomain,
            Answer::NxDomain | Answer::NoData => {}
            Answer::Timeout => failure = failure.or(Some(AddressLookup::Timeout)),
            Answer::Refused => failure = failure.or(Some(AddressLookup::Refused)),
            Answer::Failed(why) => failure = failure.or(Some(AddressLookup::Failed(why))),
        }
    }
    if !addresses.is_empty() {
        AddressLookup::Found(addresses)
    } else {
        failure.unwrap_or(AddressLookup::NoData)
    }
}

#[cfg(test)]
mod tests {
    use super::super::zone::parse_zone;
    use super::*;

    fn view(zone: &str) -> DnsView {
        let mut view = DnsView::new();
        view.extend(parse_zone(zone, Some("acme.com"), "z").unwrap());
        view
    }

    fn name(text: &str) -> Name {
        Name::from_ascii(text).unwrap()
    }

    #[test]
    fn answers_like_an_authoritative_server() {
        let v =
            view("cups-1 IN A 10.1.1.20\n_sip._tcp IN SRV 10 60 5060 cups-1\nwww IN CNAME cups-1\nold IN CNAME gone\n");
        assert!(matches!(v.query(&name("CUPS-1.Acme.Com."), RecordType::A), Answer::Records(r) if r.len() == 1));
        assert_eq!(v.query(&name("cups-1.acme.com."), RecordType::AAAA), Answer::NoData);
        assert_eq!(v.query(&name("cups-9.acme.com."), RecordType::A), Answer::NxDomain);
        // _tcp.acme.com owns nothing but has a record below it.
        assert_eq!(v.query(&name("_tcp.acme.com."), RecordType::A), Answer::NoData);
        match v.query(&name("www.acme.com."), RecordType::A) {
            Answer::Records(r) => {
                assert_eq!(r[0].record_type(), RecordType::CNAME);
                assert_eq!(r[1].record_type(), RecordType::A);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(v.query(&name("www.acme.com."), RecordType::CNAME), Answer::Records(r) if r.len() == 1));
        assert_eq!(v.query(&name("old.acme.com."), RecordType::A), Answer::NxDomain);
        assert_eq!(v.len(), 4);
    }

    #[test]
    fn cname_loops_fail_instead_of_spinning() {
        let v = view("a IN CNAME b\nb IN CNAME a\n");
        assert!(matches!(
            v.query(&name("a.acme.com."), RecordType::A),
            Answer::Failed(_)
        ));
    }

    #[test]
    fn address_lookup_joins_a_and_aaaa() {
        let v = view("cups-1 IN A 10.1.1.20\ncups-1 IN AAAA fd00::20\nsrvonly IN TXT \"x\"\n");
        assert_eq!(
            lookup_addresses(&v, &name("cups-1.acme.com.")),
            AddressLookup::Found(vec!["10.1.1.20".parse().unwrap(), "fd00::20".parse().unwrap()])
        );
        assert_eq!(lookup_addresses(&v, &name("srvonly.acme.com.")), AddressLookup::NoData);
        assert_eq!(lookup_addresses(&v, &name("nope.acme.com.")), AddressLookup::NxDomain);
    }
}
