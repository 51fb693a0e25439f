//! The helpers around the servers: missing packages named, free ports distinct.

use std::net::{IpAddr, Ipv4Addr, TcpListener, UdpSocket};

use uclint_test_servers::{free_port, free_ports, require_binary};

#[test]
fn an_installed_binary_is_found() {
    assert_eq!(require_binary("/bin/sh", "dash").to_str(), Some("/bin/sh"));
}

#[test]
#[should_panic(expected = "`apt-get install -y uclint-no-such-package`")]
fn a_missing_binary_names_the_package_to_install() {
    require_binary("/usr/sbin/uclint-no-such-server", "uclint-no-such-package");
}

#[test]
fn free_ports_are_distinct_high_and_free_for_tcp_and_udp() {
    let ports: [u16; 3] = free_ports(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)));
    assert!(
        ports[0] != ports[1] && ports[1] != ports[2] && ports[0] != ports[2],
        "{ports:?}"
    );
    for port in ports {
        TcpListener::bind(("127.0.0.2", port)).unwrap();
        UdpSocket::bind(("127.0.0.2", port)).unwrap();
    }
    let port = free_port();
    TcpListener::bind(("127.0.0.1", port)).unwrap();
    UdpSocket::bind(("127.0.0.1", port)).unwrap();
}
