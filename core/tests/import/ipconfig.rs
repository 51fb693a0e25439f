//! Windows `ipconfig /all`.

use uclint_core::collect::SourceKind;
use uclint_core::collect::import::{self, ImportError};
use uclint_core::model::ClientKind;

use crate::{fixture, shown};

fn read(text: &str) -> Result<uclint_core::model::Client, ImportError> {
    let collected = import::ipconfig(text, "pc-jdoe.txt", "hq-pc", ClientKind::Cupc)?;
    assert_eq!(collected.clients.len(), 1);
    Ok(collected.clients.into_iter().next().unwrap())
}

#[test]
fn windows_10_with_ipv6_a_vpn_and_disconnected_adapters() {
    let text = fixture("ipconfig-win10.txt");
    assert!(text.contains("\r\n"), "the fixture keeps Windows line endings");
    let collected = import::ipconfig(&text, "pc-jdoe.txt", "hq-pc", ClientKind::Cupc).unwrap();
    assert_eq!(collected.source.kind, SourceKind::Ipconfig);
    assert_eq!(collected.source.origin, "pc-jdoe.txt");
    assert_eq!(collected.domain, None, "a client never sets the deployment's domain");
    let client = &collected.clients[0];
    assert_eq!((client.id.as_str(), client.kind), ("hq-pc", ClientKind::Cupc));
    // The search list as Windows shows it, not the Wi-Fi's suffix (disconnected).
    assert_eq!(client.dns_suffixes, ["acme.com", "emea.acme.com"]);
    // Connected adapters only (Ethernet0 and the PPP VPN); no link-local address.
    assert_eq!(
        client.addresses,
        [
            "fd00:10:1:2::25",
            "fd00:10:1:2:9c3e:41d2:7a0b:c5e1",
            "10.1.2.37",
            "192.168.50.12"
        ]
    );
    assert_eq!(
        shown(&client.dns_servers),
        ["10.1.1.53", "10.1.1.54", "fd00:10:1:1::53", "10.1.1.55"]
    );
    assert!(client.hosts.is_empty());
}

#[test]
fn windows_xp_off_site_with_the_isp_suffix() {
    let client = read(&fixture("ipconfig-winxp-vpn.txt")).unwrap();
    assert_eq!(client.dns_suffixes, ["isp.com"]);
    assert_eq!(client.addresses, ["192.168.1.100", "10.200.1.15"]);
    assert_eq!(shown(&client.dns_servers), ["192.168.1.1", "10.1.1.53", "10.1.1.54"]);
    let collected = import::ipconfig(&fixture("ipconfig-winxp-vpn.txt"), "xp", "vpn", ClientKind::Cupc).unwrap();
    assert_eq!(collected.domain, None, "no primary DNS suffix");
}

#[test]
fn without_a_search_list_the_primary_then_the_connected_adapters_suffixes() {
    let text = "\r\nWindows IP Configuration\r\n\r\n   Host Name . . . . . . . . . . . . : pc\r\n   Primary Dns Suffix  . . . . . . . : acme.com\r\n\r\nEthernet adapter A:\r\n\r\n   Connection-specific DNS Suffix  . : emea.acme.com\r\n   IPv4 Address. . . . . . . . . . . : 10.1.2.3(Preferred) \r\n\r\nWireless LAN adapter B:\r\n\r\n   Media State . . . . . . . . . . . : Media disconnected\r\n   Connection-specific DNS Suffix  . : guest.acme.com\r\n\r\nPPP adapter C:\r\n\r\n   Connection-specific DNS Suffix  . : ACME.COM\r\n   IPv4 Address. . . . . . . . . . . : 10.9.9.9(Preferred) \r\n";
    let client = read(text).unwrap();
    assert_eq!(client.dns_suffixes, ["acme.com", "emea.acme.com"]);
    assert_eq!(client.addresses, ["10.1.2.3", "10.9.9.9"]);
}

#[test]
fn french_output_is_refused_at_its_header() {
    let e = read(&fixture("ipconfig-win10-french.txt")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 2: expected \"Windows IP Configuration\", found \"Configuration IP de Windows\" \
         (is this `ipconfig /all` in English?)"
    );
}

#[test]
fn a_field_in_another_language_is_refused_at_its_line() {
    let english = fixture("ipconfig-win10.txt");
    let mixed = english.replace(
        "   Connection-specific DNS Suffix  . : emea.acme.com",
        "   Suffixe DNS propre à la connexion. . . : acme.fr",
    );
    let e = read(&mixed).unwrap_err();
    assert_eq!(e.line, 14);
    assert_eq!(
        e.found.as_deref(),
        Some("   Suffixe DNS propre à la connexion. . . : acme.fr")
    );
    assert_eq!(e.hint.as_deref(), Some("is this `ipconfig /all` in English?"));
    let adapter = english.replace("Ethernet adapter Ethernet0:", "Carte Ethernet Ethernet0 :");
    assert_eq!(read(&adapter).unwrap_err().line, 12);
}

#[test]
fn truncated_output_is_refused_where_it_stops() {
    let text = fixture("ipconfig-win10.txt");
    let cut = |lines: usize| text.split_inclusive('\n').take(lines).collect::<String>();
    // Cut after the first adapter's header (line 12): line 13 would begin its block.
    let e = read(&cut(12)).unwrap_err();
    assert_eq!(e.line, 13);
    assert_eq!(e.found, None);
    assert_eq!(e.hint.as_deref(), Some("is the output truncated?"));
    // Cut inside the global block: no adapter follows.
    let e = read(&cut(10)).unwrap_err();
    assert_eq!((e.line, e.found.as_deref()), (11, None));
    // Cut in the middle of a DNS server's line.
    let mut partial = cut(31);
    partial.push_str("                                       10.1.");
    let e = read(&partial).unwrap_err();
    assert_eq!((e.line, e.found.as_deref()), (32, Some("10.1.")));
    // A field cut before its colon.
    let e = read(&format!("{}   DNS Servers . . . . .", cut(30))).unwrap_err();
    assert_eq!(e.line, 31);
}

#[test]
fn empty_and_binary_input_is_refused() {
    let e = read("").unwrap_err();
    assert_eq!((e.line, e.found.as_deref()), (1, None));
    assert_eq!(e.hint.as_deref(), Some("the input is empty"));
    let e = read("\r\n\r\n  \r\n").unwrap_err();
    assert_eq!(e.line, 1);
    // `ipconfig /all > file` in PowerShell is UTF-16; read as UTF-8 it is full of NULs.
    let utf16: Vec<u8> = "\r\nWindows IP Configuration\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let e = read(&String::from_utf8_lossy(&utf16)).unwrap_err();
    assert_eq!(e.line, 1);
    assert!(e.to_string().contains("UTF-16"), "{e}");
    // Decoded first, the same bytes read.
    let mut bom = vec![0xFF, 0xFE];
    bom.extend(fixture("ipconfig-win10.txt").encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        read(&import::decode(&bom).unwrap()).unwrap().dns_suffixes,
        ["acme.com", "emea.acme.com"]
    );
}

#[test]
fn a_bad_address_names_its_line() {
    let text = fixture("ipconfig-win10.txt").replace("10.1.1.54", "10.1.1.540");
    let e = read(&text).unwrap_err();
    assert_eq!(e.line, 32);
    assert_eq!(e.expected, "a DNS server address such as 10.1.1.53");
}

#[test]
fn a_block_without_fields_is_refused_where_the_next_one_starts() {
    let e = read("\r\nWindows IP Configuration\r\n\r\nEthernet adapter Ethernet0:\r\n\r\n   Media State . . . : Media disconnected\r\n").unwrap_err();
    assert_eq!((e.line, e.found.as_deref()), (4, Some("Ethernet adapter Ethernet0:")));
    assert_eq!(e.expected, "\"   Host Name . . . . : NAME\"");
    let e = read("Windows IP Configuration\r\n   Host Name . . : pc\r\nEthernet adapter A:\r\nEthernet adapter B:\r\n")
        .unwrap_err();
    assert_eq!(
        (e.line, e.expected.as_str()),
        (4, "the fields of the adapter on line 3")
    );
}
