//! The HTTP probe against a real Apache on 127.0.0.1 answering as Exchange does under
//! /exchange/USER/ (WebDAV behind Basic, forms-based logon, 440, no WebDAV, another host), a
//! small HTTP server of the test's own for what Apache does not say (the phones' directory, a
//! redirect on the same host), a closed port, a silent server and one that does not speak HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, UdpSocket};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use uclint_core::catalogue::{Code, Severity};
use uclint_core::model::Deployment;
use uclint_probe::{NoProgress, Observation, Outcome, Probe, ProbeReport, ProbeRequest, SecretKind, Secrets};
use uclint_test_servers::{Apache, Certs, Garbage, Mailbox, Silent, closed_port};

/// Write `text` as `lab.toml` in `dir` and load it.
fn load(dir: &Path, text: &str) -> Arc<Deployment> {
    let path = dir.join("lab.toml");
    std::fs::write(&path, text).unwrap();
    Arc::new(Deployment::load_file(&path, None, "--input-format").unwrap())
}

/// A server on 127.0.0.1 that the test certificates name (as `localhost`).
fn server(node: &str, role: &str, ports: &str, extra: &str) -> String {
    format!(
        "[[servers]]\nnode_name = \"{node}\"\nhostname = \"localhost\"\naddresses = [\"127.0.0.1\"]\nroles = [\"{role}\"]\nports = {{ {ports} }}\n{extra}\n"
    )
}

/// The users whose collections the Apache of [`exchange`] serves, each by its own mailbox.
const USERS: &str = "
[[users]]
cucm_id = \"alice\"

[[users]]
cucm_id = \"a.fba\"
ldap_id = \"fba\"

[[users]]
cucm_id = \"late\"

[[users]]
cucm_id = \"moved\"

[[users]]
cucm_id = \"plain\"
";

/// Apache as the calendar's Exchange server, over HTTP and HTTPS.
fn exchange(certs: &Certs) -> Apache {
    Apache::builder()
        .tls(&certs.good)
        .mailbox("alice", Mailbox::Basic)
        .mailbox("fba", Mailbox::FormsLogon)
        .mailbox("late", Mailbox::Expired)
        .mailbox("moved", Mailbox::Elsewhere)
        .mailbox("plain", Mailbox::NoDav)
        .start()
}

/// A deployment whose calendar is `apache`, over `protocol`, read with `alice`'s account.
fn calendar_lab(dir: &Path, apache: &Apache, protocol: &str) -> Arc<Deployment> {
    let ports = format!(
        "http = {}, https = {}",
        apache.http.port(),
        apache.https.unwrap().port()
    );
    let text = [
        server("mail", "exchange", &ports, "version = \"2007\""),
        format!("[calendar]\nexchange = \"mail\"\nprotocol = \"{protocol}\"\naccount = \"alice\"\n"),
        USERS.to_owned(),
    ]
    .concat();
    load(dir, &text)
}

fn request(user: Option<&str>, password: Option<&str>, dns: SocketAddr) -> ProbeRequest {
    let mut secrets = Secrets::default();
    if let Some(password) = password {
        secrets.set(SecretKind::Calendar, password.to_owned());
    }
    ProbeRequest {
        only: vec![Probe::Http],
        user: user.map(str::to_owned),
        dns_server: Some(dns),
        timeout: Duration::from_secs(2),
        secrets,
        ..ProbeRequest::default()
    }
}

fn probe(deployment: &Arc<Deployment>, request: &ProbeRequest) -> ProbeReport {
    uclint_probe::probe(deployment, request, &NoProgress).unwrap()
}

/// The one calendar observation.
fn calendar(report: &ProbeReport) -> &Observation {
    let found: Vec<&Observation> = report
        .observations
        .iter()
        .filter(|o| o.subject.kind == uclint_core::report::SubjectKind::Calendar)
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", report.observations);
    found[0]
}

fn evidence(o: &Observation) -> String {
    o.evidence
        .iter()
        .map(|e| e.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A DNS "server" that only counts what reaches it: nothing must.
struct NoLookups(UdpSocket);

impl NoLookups {
    fn new() -> Self {
        let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
        socket.set_nonblocking(true).unwrap();
        Self(socket)
    }

    fn address(&self) -> SocketAddr {
        self.0.local_addr().unwrap()
    }

    fn assert_none(&self) {
        let mut buffer = [0; 512];
        assert!(self.0.recv_from(&mut buffer).is_err(), "the probe looked a name up");
    }
}

#[test]
fn webdav_answers_the_right_account_over_trusted_tls() {
    let certs = Certs::new();
    let apache = exchange(&certs);
    let dir = tempfile::tempdir().unwrap();
    let lab = calendar_lab(dir.path(), &apache, "https");
    let dns = NoLookups::new();
    let mut ask = request(Some("alice"), Some(Apache::PASSWORD), dns.address());
    ask.ca = Some(certs.ca.clone());
    let report = probe(&lab, &ask);
    let o = calendar(&report);
    let shown = evidence(o);
    assert_eq!((o.outcome, o.codes()), (Outcome::Ok, vec![]), "{o:#?}");
    assert!(o.summary.contains("as `alice`: 207 Multi-Status"), "{}", o.summary);
    assert_eq!(o.target.port, apache.https.map(|a| a.port()));
    assert_eq!(o.target.transport, Some("tls"));
    assert!(shown.contains("PROPFIND /exchange/alice/ HTTP/1.1"), "{shown}");
    assert!(shown.contains("Depth: 0"), "{shown}");
    assert!(shown.contains("Authorization: Basic ********"), "{shown}");
    assert!(shown.contains("DAV: 1,2"), "{shown}");
    let everything = format!("{:?}{}{}", report.observations, report.to_json(), report.to_sarif());
    assert!(!everything.contains(Apache::PASSWORD), "the password shows");
    assert!(!everything.contains("YWxpY2U6YWxpY2Vwdw"), "the Basic token shows");
    dns.assert_none();
}

#[test]
fn a_wrong_password_is_cal008_and_withheld_credentials_are_not() {
    let certs = Certs::new();
    let apache = exchange(&certs);
    let dir = tempfile::tempdir().unwrap();
    let lab = calendar_lab(dir.path(), &apache, "https");
    let dns = closed_port();

    let mut wrong = request(Some("alice"), Some("not-alicepw"), dns);
    wrong.ca = Some(certs.ca.clone());
    let report = probe(&lab, &wrong);
    let o = calendar(&report);
    assert_eq!((o.outcome, o.codes()), (Outcome::Failed, vec![Code::CAL008]), "{o:#?}");
    assert!(o.summary.contains("401 Unauthorized"), "{}", o.summary);
    assert_eq!(o.setting.as_ref().unwrap().name, "calendar.account");
    assert_eq!(report.report.findings[0].severity, Severity::Error);

    // The system's roots do not know the test CA: the password stays home, and a 401 only says
    // the server wants credentials.
    let report = probe(&lab, &request(Some("alice"), Some(Apache::PASSWORD), dns));
    let o = calendar(&report);
    assert_eq!((o.outcome, o.codes()), (Outcome::Ok, vec![]), "{o:#?}");
    assert!(o.summary.contains("without credentials: 401"), "{}", o.summary);
    let shown = evidence(o);
    assert!(shown.contains("credentials of `alice` not sent"), "{shown}");
    assert!(!shown.contains("Authorization"), "{shown}");

    // No password at all: said, and nothing sent.
    let mut none = request(Some("alice"), None, dns);
    none.ca = Some(certs.ca.clone());
    let o = probe(&lab, &none);
    let shown = evidence(calendar(&o));
    assert!(shown.contains("UCLINT_CALENDAR_PASSWORD is not set"), "{shown}");
    assert_eq!(calendar(&o).codes(), vec![]);
}

#[test]
fn plain_http_carries_the_password_only_when_allowed() {
    let certs = Certs::new();
    let apache = exchange(&certs);
    let dir = tempfile::tempdir().unwrap();
    let lab = calendar_lab(dir.path(), &apache, "http");
    let dns = closed_port();
    let mut ask = request(Some("alice"), Some(Apache::PASSWORD), dns);
    let o = probe(&lab, &ask);
    let o = calendar(&o);
    assert!(evidence(o).contains("--allow-plaintext-password"), "{o:#?}");
    assert!(o.summary.contains("without credentials: 401"), "{}", o.summary);
    ask.allow_plaintext_password = true;
    let report = probe(&lab, &ask);
    let o = calendar(&report);
    assert_eq!((o.outcome, o.codes()), (Outcome::Ok, vec![]), "{o:#?}");
    assert_eq!(o.target.port, Some(apache.http.port()));
    assert_eq!(o.target.transport, Some("tcp"));
}

#[test]
fn forms_logon_by_302_or_440_is_cal005() {
    let certs = Certs::new();
    let apache = exchange(&certs);
    let dir = tempfile::tempdir().unwrap();
    let lab = calendar_lab(dir.path(), &apache, "https");
    for (user, how) in [
        ("a.fba", "302 Found to the OWA logon page"),
        ("late", "440 Login Timeout"),
    ] {
        let mut ask = request(Some(user), Some(Apache::PASSWORD), closed_port());
        ask.ca = Some(certs.ca.clone());
        let report = probe(&lab, &ask);
        let o = calendar(&report);
        assert_eq!((o.outcome, o.codes()), (Outcome::Failed, vec![Code::CAL005]), "{o:#?}");
        assert!(o.summary.contains(how), "{user}: {}", o.summary);
        assert_eq!(
            o.raised[0].severity,
            Severity::Error,
            "observed, it breaks the calendar"
        );
        assert!(o.raised[0].message.contains("forms_based_authentication = false"));
        assert_eq!(o.setting.as_ref().unwrap().name, "calendar.forms_based_authentication");
        let shown = evidence(o);
        assert!(!shown.contains("GET /owa"), "the logon page is never fetched: {shown}");
    }
    // The LDAP id names the collection.
    let mut ask = request(Some("a.fba"), None, closed_port());
    ask.ca = Some(certs.ca.clone());
    assert!(evidence(calendar(&probe(&lab, &ask))).contains("PROPFIND /exchange/fba/ HTTP/1.1"));
}

#[test]
fn another_host_is_reported_and_never_contacted() {
    let certs = Certs::new();
    let apache = exchange(&certs);
    let dir = tempfile::tempdir().unwrap();
    let lab = calendar_lab(dir.path(), &apache, "https");
    let dns = NoLookups::new();
    let mut ask = request(Some("moved"), Some(Apache::PASSWORD), dns.address());
    ask.ca = Some(certs.ca.clone());
    let report = probe(&lab, &ask);
    let o = calendar(&report);
    assert_eq!((o.outcome, o.codes()), (Outcome::Failed, vec![]), "{o:#?}");
    assert!(
        o.summary.contains(
            "302 Found to another host, `other.example` (`http://other.example/exchange/moved/`): not followed"
        ),
        "{}",
        o.summary
    );
    let shown = evidence(o);
    let connections: Vec<&str> = shown.lines().filter(|l| l.starts_with("TCP connection to")).collect();
    assert_eq!(connections.len(), 2, "OPTIONS and PROPFIND, nothing more: {shown}");
    assert!(connections.iter().all(|l| l.contains("127.0.0.1:")), "{connections:?}");
    dns.assert_none();
}

#[test]
fn no_webdav_is_cal006() {
    let certs = Certs::new();
    let apache = exchange(&certs);
    let dir = tempfile::tempdir().unwrap();
    let lab = calendar_lab(dir.path(), &apache, "https");
    let mut ask = request(Some("plain"), Some(Apache::PASSWORD), closed_port());
    ask.ca = Some(certs.ca.clone());
    let report = probe(&lab, &ask);
    let o = calendar(&report);
    assert_eq!((o.outcome, o.codes()), (Outcome::Failed, vec![Code::CAL006]), "{o:#?}");
    assert!(o.summary.contains("405 Method Not Allowed"), "{}", o.summary);
    assert!(evidence(o).contains("OPTIONS answered without a DAV header"), "{o:#?}");
    let setting = o.setting.as_ref().unwrap();
    assert_eq!(
        (setting.name.as_str(), setting.says.as_str()),
        ("servers[0].version", "2007")
    );
}

#[test]
fn without_a_user_the_exchange_collection_is_asked() {
    let certs = Certs::new();
    let apache = exchange(&certs);
    let dir = tempfile::tempdir().unwrap();
    let lab = calendar_lab(dir.path(), &apache, "https");
    let mut ask = request(None, None, closed_port());
    ask.ca = Some(certs.ca.clone());
    let report = probe(&lab, &ask);
    let o = calendar(&report);
    assert_eq!(o.outcome, Outcome::Ok, "{o:#?}");
    assert!(o.summary.contains("PROPFIND https://mail:"), "{}", o.summary);
    assert!(
        o.summary.contains("/exchange/ without credentials: 207"),
        "{}",
        o.summary
    );
    assert!(evidence(o).contains("no calendar.account") || evidence(o).contains("not set"));
}

/// A small HTTP server of the test's own on 127.0.0.1: the phones' directory (200 XML), and
/// `/exchange/bob/` moved on the same host, `/exchange/loop/` moved onto itself. Counts the
/// connections it takes.
struct Stub {
    address: SocketAddr,
    connections: Arc<AtomicUsize>,
}

impl Stub {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        let connections = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&connections);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                counted.fetch_add(1, Ordering::SeqCst);
                let _ = answer(stream, address);
            }
        });
        Self { address, connections }
    }
}

fn answer(stream: std::net::TcpStream, address: SocketAddr) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut length = 0;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header)?;
        if header.trim().is_empty() {
            break;
        }
        if let Some(value) = header.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    std::io::copy(&mut reader.by_ref().take(length), &mut std::io::sink())?;
    let path = line.split_whitespace().nth(1).unwrap_or_default();
    let (status, headers, body) = match path {
        "/ccmcip/xmldirectory.jsp" => (
            "200 OK",
            "Content-Type: text/xml\r\n".to_owned(),
            "<CiscoIPPhoneInput><Title>Directory</Title></CiscoIPPhoneInput>",
        ),
        "/exchange/bob/" => (
            "301 Moved Permanently",
            format!("Location: http://{address}/exchange/bob/calendar/\r\n"),
            "",
        ),
        "/exchange/loop/" => ("302 Found", "Location: /exchange/loop/\r\n".to_owned(), ""),
        _ => (
            "207 Multi-Status",
            "DAV: 1\r\n".to_owned(),
            "<D:multistatus xmlns:D=\"DAV:\"/>",
        ),
    };
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

#[test]
fn a_redirect_on_the_same_host_is_followed_once() {
    let stub = Stub::start();
    let dir = tempfile::tempdir().unwrap();
    let ports = format!("http = {}", stub.address.port());
    let text = [
        server("mail", "exchange", &ports, ""),
        "[calendar]\nexchange = \"mail\"\nprotocol = \"http\"\n\n[[users]]\ncucm_id = \"bob\"\n\n[[users]]\ncucm_id = \"loop\"\n".to_owned(),
    ]
    .concat();
    let lab = load(dir.path(), &text);
    let report = probe(&lab, &request(Some("bob"), None, closed_port()));
    let o = calendar(&report);
    assert_eq!(o.outcome, Outcome::Ok, "{o:#?}");
    assert!(
        o.summary.contains("/exchange/bob/calendar/ without credentials: 207"),
        "{}",
        o.summary
    );
    assert!(evidence(o).contains("on the same host: followed once"), "{o:#?}");
    assert_eq!(
        stub.connections.load(Ordering::SeqCst),
        3,
        "OPTIONS, PROPFIND, PROPFIND again"
    );

    let report = probe(&lab, &request(Some("loop"), None, closed_port()));
    let o = calendar(&report);
    assert_eq!((o.outcome, o.codes()), (Outcome::Failed, vec![]), "{o:#?}");
    assert!(o.summary.contains("302 Found again"), "{}", o.summary);
    assert_eq!(stub.connections.load(Ordering::SeqCst), 6, "followed once, not twice");
}

#[test]
fn the_directory_url_of_each_cucm_node() {
    let stub = Stub::start();
    let apache = Apache::builder().start();
    let silent = Silent::start();
    let garbage = Garbage::line("SSH-2.0-OpenSSH_9.2");
    let closed = closed_port();
    let dir = tempfile::tempdir().unwrap();
    let text = [
        server("ccm-ok", "cucm", &format!("http = {}", stub.address.port()), ""),
        server("ccm-apache", "cucm", &format!("http = {}", apache.http.port()), ""),
        server("ccm-closed", "cucm", &format!("http = {}", closed.port()), ""),
        server("ccm-silent", "cucm", &format!("http = {}", silent.address.port()), ""),
        server("ccm-garbage", "cucm", &format!("http = {}", garbage.address.port()), ""),
        // Not a CUCM node: no directory.
        server("cups-1", "cups", &format!("http = {}", stub.address.port()), ""),
    ]
    .concat();
    let lab = load(dir.path(), &text);
    let mut ask = request(None, None, closed_port());
    ask.timeout = Duration::from_secs(1);
    let report = probe(&lab, &ask);
    assert_eq!(report.observations.len(), 5, "{:#?}", report.observations);
    let node = |name: &str| {
        report
            .observations
            .iter()
            .find(|o| o.target.host == name)
            .unwrap_or_else(|| panic!("no {name}: {:#?}", report.observations))
    };

    let ok = node("ccm-ok");
    assert_eq!((ok.outcome, ok.codes()), (Outcome::Ok, vec![]), "{ok:#?}");
    let url = format!("http://ccm-ok:{}/ccmcip/xmldirectory.jsp", stub.address.port());
    assert_eq!(ok.summary, format!("GET {url}: 200 OK, Content-Type text/xml"));
    assert_eq!(ok.service, Some(uclint_core::catalogue::Service::Login));
    assert_eq!(ok.subject.kind, uclint_core::report::SubjectKind::Server);
    assert!(evidence(ok).contains(&format!("Host: ccm-ok:{}", stub.address.port())));

    let apache = node("ccm-apache");
    assert_eq!(
        (apache.outcome, apache.codes()),
        (Outcome::Failed, vec![]),
        "{apache:#?}"
    );
    assert!(
        apache.summary.contains("404 Not Found, Content-Type text/html"),
        "{}",
        apache.summary
    );

    let closed = node("ccm-closed");
    assert_eq!(
        (closed.outcome, closed.codes()),
        (Outcome::Refused, vec![Code::DRIFT001]),
        "{closed:#?}"
    );
    assert_eq!(closed.setting.as_ref().unwrap().name, "servers[2].ports.http");
    assert!(closed.raised[0].message.contains("phones' directory"), "{closed:#?}");

    let silent = node("ccm-silent");
    assert_eq!(
        (silent.outcome, silent.codes()),
        (Outcome::Timeout, vec![]),
        "{silent:#?}"
    );
    let garbage = node("ccm-garbage");
    assert_eq!(
        (garbage.outcome, garbage.codes()),
        (Outcome::ProtocolError, vec![]),
        "{garbage:#?}"
    );
}
