//! resolv.conf, `scutil --dns` and hosts files.

use uclint_core::collect::SourceKind;
use uclint_core::collect::import;
use uclint_core::model::ClientKind;

use crate::{fixture, shown};

#[test]
fn resolv_conf_from_networkmanager_keeps_the_last_search_line_and_three_servers() {
    let collected = import::resolv(
        &fixture("resolv-networkmanager.conf"),
        "/etc/resolv.conf",
        "linux",
        ClientKind::Other,
    )
    .unwrap();
    assert_eq!(collected.source.kind, SourceKind::Resolv);
    assert_eq!(collected.domain, None, "a client never sets the deployment's domain");
    let client = &collected.clients[0];
    assert_eq!(client.dns_suffixes, ["emea.acme.com", "acme.com"]);
    // glibc asks three name servers; the fourth is never used.
    assert_eq!(
        shown(&client.dns_servers),
        ["10.1.1.53", "10.1.1.54", "fd00:10:1:1::53"]
    );
}

#[test]
fn resolv_conf_of_systemd_resolved_points_at_its_stub() {
    let collected = import::resolv(
        &fixture("resolv-systemd-resolved.conf"),
        "stub-resolv.conf",
        "linux",
        ClientKind::Other,
    )
    .unwrap();
    let client = &collected.clients[0];
    assert_eq!(client.dns_suffixes, ["acme.com"]);
    assert_eq!(shown(&client.dns_servers), ["127.0.0.53"]);
    assert_eq!(collected.domain, None);
}

#[test]
fn resolv_conf_the_last_of_search_and_domain_wins() {
    let read = |text: &str| {
        import::resolv(text, "r", "c", ClientKind::Other).unwrap().clients[0]
            .dns_suffixes
            .clone()
    };
    assert_eq!(read("search a.com b.com\ndomain c.com\n"), ["c.com"]);
    assert_eq!(read("domain c.com\nsearch a.com b.com ; old\n"), ["a.com", "b.com"]);
    assert_eq!(
        read("; comment\n# comment\nnameserver 10.0.0.1 # inline\n"),
        Vec::<String>::new()
    );
}

#[test]
fn resolv_conf_refusals_name_their_line() {
    let read = |text: &str| import::resolv(text, "r", "c", ClientKind::Other).unwrap_err();
    let e = read("search acme.com\nnameserver dns1.acme.com\n");
    assert_eq!((e.line, e.found.as_deref()), (2, Some("nameserver dns1.acme.com")));
    let e = read("# resolv.conf\nWindows IP Configuration\n");
    assert_eq!(e.line, 2);
    let e = read("# only\n# comments\n");
    assert_eq!((e.line, e.found.as_deref()), (3, None));
    assert_eq!(read("").line, 1);
    assert_eq!(read("domain\n").line, 1);
}

#[test]
fn scutil_reads_resolver_1_only() {
    let collected = import::scutil(&fixture("scutil-dns-macos.txt"), "scutil.txt", "mac", ClientKind::Cupc).unwrap();
    assert_eq!(collected.source.kind, SourceKind::Scutil);
    let client = &collected.clients[0];
    assert_eq!(client.dns_suffixes, ["emea.acme.com", "acme.com"]);
    // Not resolver #5's split-DNS server, nor anything of the scoped section.
    assert_eq!(shown(&client.dns_servers), ["10.1.1.53", "fd00:10:1:1::53"]);
    assert_eq!(collected.domain, None);
}

#[test]
fn scutil_orders_by_index_and_falls_back_to_the_domain() {
    let text = "DNS configuration\n\nresolver #1\n  domain   : acme.com\n  nameserver[1] : 10.1.1.54\n  nameserver[0] : fe80::1%en0\n  options  : \n";
    let collected = import::scutil(text, "s", "mac", ClientKind::Cupc).unwrap();
    assert_eq!(collected.clients[0].dns_suffixes, ["acme.com"]);
    assert_eq!(shown(&collected.clients[0].dns_servers), ["fe80::1", "10.1.1.54"]);
    assert_eq!(collected.domain, None, "a client never sets the deployment's domain");
}

#[test]
fn scutil_refusals_name_their_line() {
    let read = |text: &str| import::scutil(text, "s", "mac", ClientKind::Cupc).unwrap_err();
    let e = read("Configuration DNS\n\nrésolveur #1\n");
    assert_eq!((e.line, e.found.as_deref()), (1, Some("Configuration DNS")));
    let e = read("DNS configuration\n\nresolver #1\n");
    assert_eq!((e.line, e.found), (4, None));
    let e = read("DNS configuration\n\nresolver #1\n  nameserver[0] : ns1\n");
    assert_eq!(e.line, 4);
    let e = read("DNS configuration\n\nresolver #1\n  search domain[0] acme.com\n");
    assert_eq!(e.line, 4);
    assert_eq!(read(" \n").line, 1);
}

#[test]
fn windows_hosts_file_with_bom_crlf_and_comments() {
    let collected = import::hosts(&fixture("hosts-windows.txt"), "hosts", "hq-pc", ClientKind::Cupc).unwrap();
    assert_eq!(collected.source.kind, SourceKind::Hosts);
    let client = &collected.clients[0];
    let lines: Vec<(String, String)> = client
        .hosts
        .iter()
        .map(|h| (h.name.clone(), h.address.to_string()))
        .collect();
    let expected = [
        ("cups-1.acme.com", "10.1.1.20"),
        ("cups-1", "10.1.1.20"),
        ("cups-2.acme.com", "10.1.1.21"),
        ("cups-2", "10.1.1.21"),
        ("ccm-1", "10.1.1.10"),
    ];
    assert_eq!(lines, expected.map(|(n, a)| (n.to_owned(), a.to_owned())));
    // The profile resolves with them at once.
    assert_eq!(
        client.hosts_table.lookup("CCM-1").unwrap().address.to_string(),
        "10.1.1.10"
    );
}

#[test]
fn unix_hosts_file_with_ipv6() {
    let collected = import::hosts(&fixture("hosts-unix.txt"), "/etc/hosts", "linux", ClientKind::Other).unwrap();
    let client = &collected.clients[0];
    assert_eq!(client.hosts.len(), 11);
    assert_eq!(client.hosts.last().unwrap().address.to_string(), "fd00:10:1:1::20");
}

#[test]
fn hosts_refusals_name_their_line() {
    let e = import::hosts("127.0.0.1 localhost\ncups-1 10.1.1.20\n", "h", "c", ClientKind::Other).unwrap_err();
    assert_eq!((e.line, e.found.as_deref()), (2, Some("cups-1 10.1.1.20")));
    assert_eq!(e.hint.as_deref(), Some("`cups-1` is not an IP address"));
    assert_eq!(import::hosts("", "h", "c", ClientKind::Other).unwrap_err().line, 1);
    // A file of comments only is what Windows ships: a profile without entries.
    let only_comments = import::hosts("# Copyright\r\n#\r\n", "h", "c", ClientKind::Other).unwrap();
    assert!(only_comments.clients[0].hosts.is_empty());
}
