//! A lab on loopback to try `uclint probe` and `uclint health --live` on: real servers (NSD,
//! Kamailio, slapd, Dovecot, Apache, TLS listeners) playing an ACME deployment with a few of the
//! field notes' faults, and the deployment file that describes them.
//!
//! ```sh
//! cargo run -p uclint-test-servers --example lab -- target/lab
//! ```
//!
//! It writes `lab.toml` and `ca.pem` into the folder given (default `target/lab`), prints the
//! commands to try, and keeps the servers running until Enter is pressed (or stdin closes).
//! Everything listens on 127.0.0.1 and 127.0.0.2 only.

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::PathBuf;

use uclint_test_servers::{
    Apache, AxlServer, Certs, Dovecot, Kamailio, Mailbox, Nsd, Slapd, TlsServer, Zone, closed_port,
};

/// The corporate zone as real DNS serves it: `ccm-1` moved to 127.0.0.9 since the deployment file
/// was written.
const ACME_ZONE: &str = "\
$TTL 300
@ IN SOA ns.acme.com. admin.acme.com. 1 3600 600 86400 300
@ IN NS ns.acme.com.
ns IN A 127.0.0.1
ccm-1 IN A 127.0.0.9
cups-1 IN A 127.0.0.1
cups-2 IN A 127.0.0.1
mail IN A 127.0.0.2
owa IN A 127.0.0.1
dc IN A 127.0.0.1
";

/// The zone of the ISP a VPN client's DNS suffix points into: none of ACME's names.
const ISP_ZONE: &str = "\
$TTL 300
@ IN SOA ns.isp.example. admin.isp.example. 1 3600 600 86400 300
@ IN NS ns.isp.example.
ns IN A 127.0.0.1
";

/// The AXL application user the lab's CUCM stand-in accepts.
const AXL_USER: &str = "axladmin";
const AXL_PASSWORD: &str = "axlpw";

fn main() {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/lab".to_owned()));
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("cannot create {}: {e}", out.display()));

    let certs = Certs::new();
    let cups1 = certs.issue("cups-1", &["cups-1.acme.com", "cups-1"]);
    // One SIP proxy answers for both nodes' SIP over TLS in the lab.
    let proxy = certs.issue("proxy", &["cups-1.acme.com", "cups-1", "ccm-1.acme.com", "ccm-1"]);
    let ccm1 = certs.issue("ccm-1", &["ccm-1.acme.com", "ccm-1"]);
    let mail = certs.issue("mail", &["mail.acme.com", "mail", "127.0.0.2"]);
    let owa = certs.issue("owa", &["owa.acme.com", "owa"]);
    let dc = certs.issue("dc", &["dc.acme.com", "dc", "127.0.0.1"]);

    let axl_cert = certs.issue("ccm-1-axl", &["ccm-1.acme.com", "ccm-1", "127.0.0.1"]);
    // The corporate zone may be transferred, for `uclint collect --from axfr=...`.
    let dns = Nsd::start(&[
        Zone::text("acme.com", ACME_ZONE).with_axfr(),
        Zone::text("isp.example", ISP_ZONE),
    ]);
    // CUCM's AXL, stood in for by a server that answers as Cisco's schema says.
    let axl = AxlServer::start(&axl_cert, AXL_USER, AXL_PASSWORD);
    // cups-1's SIP proxy lets REGISTER from 127.0.0.1 through (its incoming ACL trusts it).
    let sip = Kamailio::letting_through(Some(&proxy));
    let cups1_https = TlsServer::start(&cups1);
    let ccm1_https = TlsServer::start(&ccm1);
    // cups-2's Tomcat still shows a certificate that expired in 2021, for another name.
    let cups2_https = TlsServer::start(&certs.expired);
    let directory = Slapd::builder(&dc)
        .person("alice", "alicepw")
        .account("bob", "bobpw")
        .start();
    let voicemail = Dovecot::builder(&mail).user("alice", "alicepw").start();
    // Exchange's calendar sits behind forms-based authentication.
    let exchange = Apache::builder()
        .tls(&owa)
        .mailbox("alice", Mailbox::FormsLogon)
        .start();
    let owa_https = exchange.https.unwrap_or_else(|| panic!("Apache was started with TLS"));
    let (nothing, partner) = (closed_port(), closed_port());

    let ca = out.join("ca.pem");
    std::fs::copy(&certs.ca, &ca).unwrap_or_else(|e| panic!("cannot write {}: {e}", ca.display()));
    let deployment = out.join("lab.toml");
    let text = lab(&Ports {
        sip: sip.udp,
        sip_tls: sip.tls.unwrap_or_else(|| panic!("Kamailio was started with TLS")),
        cups1_https: cups1_https.address,
        ccm1_https: ccm1_https.address,
        cups2_https: cups2_https.address,
        cups2_sip: nothing,
        partner,
        ldap: directory.ldap,
        imap: voicemail.imap,
        imaps: voicemail.imaps,
        owa_https,
        owa_http: exchange.http,
    });
    std::fs::write(&deployment, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", deployment.display()));

    let (file, server, ca) = (deployment.display(), dns.address, ca.display());
    println!("The ACME lab is running on loopback. Try:");
    println!();
    println!("  uclint check {file}");
    println!("  uclint probe {file} --dns-server {server} --ca {ca}");
    println!(
        "  UCLINT_LDAP_PASSWORD={} UCLINT_USER_PASSWORD=alicepw UCLINT_CALENDAR_PASSWORD=alicepw \\\n    uclint probe {file} --dns-server {server} --ca {ca} --user alice --imap-login --allow-plaintext-password -v",
        Slapd::ADMIN_PASSWORD
    );
    println!("  uclint health --live --user alice --client vpn -c {file} --dns-server {server} --ca {ca}");
    println!();
    println!("Write a deployment file from the lab's AXL, directory and DNS, then check it:");
    println!();
    let collected = out.join("collected.toml");
    println!(
        "  UCLINT_AXL_PASSWORD={AXL_PASSWORD} UCLINT_LDAP_PASSWORD={} \\\n    uclint collect --out {} --force --ca {ca} \\\n      --from axl={},user={AXL_USER} \\\n      --from ldap={},base={},bind={},starttls \\\n      --from axfr=acme.com@{server}",
        Slapd::ADMIN_PASSWORD,
        collected.display(),
        axl.url(),
        directory.ldap_url,
        Slapd::BASE,
        Slapd::ADMIN_DN,
    );
    println!("  uclint check {}", collected.display());
    println!();
    println!("Press Enter to stop the servers.");
    let _ = std::io::stdin().lock().lines().next();
}

/// Where each lab service listens.
struct Ports {
    sip: SocketAddr,
    sip_tls: SocketAddr,
    cups1_https: SocketAddr,
    ccm1_https: SocketAddr,
    cups2_https: SocketAddr,
    cups2_sip: SocketAddr,
    partner: SocketAddr,
    ldap: SocketAddr,
    imap: SocketAddr,
    imaps: SocketAddr,
    owa_https: SocketAddr,
    owa_http: SocketAddr,
}

/// The deployment file: what the administrator believes, which the lab contradicts here and
/// there.
fn lab(p: &Ports) -> String {
    format!(
        r#"# The ACME lab: every server on loopback (see test-servers/examples/lab.rs).
name = "ACME lab"
domain = "acme.com"

[[servers]]
node_name = "ccm-1"
addresses = ["127.0.0.1"]
roles = ["cucm"]
ports = {{ https = {ccm1_https}, sip-tls = {sip_tls}, http = {owa_http} }}

[[servers]]
node_name = "cups-1"
addresses = ["127.0.0.1"]
roles = ["cups"]
version = "7.0.2"
ports = {{ sip = {sip}, sip-tls = {sip_tls}, https = {cups1_https} }}

[[servers]]
node_name = "cups-2"
addresses = ["127.0.0.1"]
roles = ["cups"]
version = "7.0.2"
ports = {{ sip = {cups2_sip}, sip-tls = {cups2_sip}, https = {cups2_https} }}

[[servers]]
node_name = "mail"
addresses = ["127.0.0.2"]
roles = ["unity-connection"]
# The appliance's web port is not in the lab: its IMAPS port stands in for the TLS probe.
ports = {{ imap = {imap}, imaps = {imaps}, https = {imaps} }}

[[servers]]
node_name = "owa"
addresses = ["127.0.0.1"]
roles = ["exchange"]
version = "2007"
# Voicemail is on `mail`: Exchange's IMAPS is not in the lab, its HTTPS port stands in.
ports = {{ https = {owa_https}, imaps = {owa_https} }}

[[servers]]
node_name = "dc"
addresses = ["127.0.0.1"]
roles = ["ldap"]

[sip_proxy]
proxy_domain = "acme.com"
incoming_acl = ["127.0.0.0/8"]
static_routes = [
  {{ pattern = ".com.partner.*", type = "domain", next_hop = "127.0.0.1", port = {partner}, transport = "tcp" }},
]

[dns]
records = [
  {{ name = "ccm-1.acme.com.", type = "A", value = "127.0.0.1" }},
  {{ name = "cups-1.acme.com.", type = "A", value = "127.0.0.1" }},
  {{ name = "cups-2.acme.com.", type = "A", value = "127.0.0.1" }},
  {{ name = "mail.acme.com.", type = "A", value = "127.0.0.2" }},
  {{ name = "owa.acme.com.", type = "A", value = "127.0.0.1" }},
  {{ name = "dc.acme.com.", type = "A", value = "127.0.0.1" }},
]

[[clients]]
id = "hq"
kind = "cupc"
version = "7.0.2"
dns_suffixes = ["acme.com"]
addresses = ["127.0.0.0/8"]

[[clients]]
id = "vpn"
kind = "cupc"
version = "7.0.2"
dns_suffixes = ["isp.example"]
addresses = ["127.0.0.0/8"]
on_corporate_network = false

[[clients]]
id = "phones"
kind = "ip-phone"
dns_suffixes = ["acme.com"]

[ldap]
server = "dc"
synchronization = true
authentication = true
sync_port = {ldap}
auth_port = {ldap}
tls = true
base = "{base}"

[ldap.cupc_profile]
service_account = "{admin}"
password = true
user_id_attribute = "uid"

[[users]]
cucm_id = "alice"
ldap_id = "alice"
first_name = "Alice"
last_name = "Liddell"
home_node = "cups-1"
digest_credential = true
desk_phone_control = true
clients = ["hq", "vpn"]

[[users]]
cucm_id = "bob"
ldap_id = "bob"
first_name = "Bob"
last_name = "Builder"
home_node = "cups-2"
digest_credential = false
clients = ["hq"]

[voicemail]
system = "unity-connection"
profiles = [{{ server = "mail", port = {imap} }}]

[calendar]
exchange = "owa"
protocol = "https"
account = "alice"
"#,
        ccm1_https = p.ccm1_https.port(),
        sip = p.sip.port(),
        sip_tls = p.sip_tls.port(),
        cups1_https = p.cups1_https.port(),
        cups2_sip = p.cups2_sip.port(),
        cups2_https = p.cups2_https.port(),
        imap = p.imap.port(),
        imaps = p.imaps.port(),
        owa_https = p.owa_https.port(),
        owa_http = p.owa_http.port(),
        partner = p.partner.port(),
        ldap = p.ldap.port(),
        base = Slapd::BASE,
        admin = Slapd::ADMIN_DN,
    )
}
