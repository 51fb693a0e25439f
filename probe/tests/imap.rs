//! The IMAP probe against a real Dovecot (on 127.0.0.2, so that the probe, coming from 127.0.0.1,
//! sees the plain port as a stranger does: LOGINDISABLED, `NO [PRIVACYREQUIRED]`), a closed port,
//! and servers that cut an answer, never end a line, or never answer. Every deployment is written
//! here; every address is loopback.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use uclint_core::catalogue::Code;
use uclint_core::model::Deployment;
use uclint_probe::{
    EvidenceKind, NoProgress, Observation, Outcome, Probe, ProbeReport, ProbeRequest, SecretKind, Secrets,
};
use uclint_test_servers::{Certs, Dovecot, DropMidAnswer, EndlessLine, Silent, closed_port};

/// A password no output may show, with a space and quotes: LOGIN must quote and escape it.
const PASSWORD: &str = "Zq7 \"plum\" 41";

fn load(dir: &Path, text: &str) -> Arc<Deployment> {
    let path = dir.join("lab.toml");
    std::fs::write(&path, text).unwrap();
    Arc::new(Deployment::load_file(&path, None, "--input-format").unwrap())
}

/// Exchange 2007 server `mail` on 127.0.0.2 with Dovecot's ports, the voicemail profile on the
/// plain port, user alice, and `extra` lines in the server's entry.
fn lab(dir: &Path, imap: u16, imaps: u16, extra: &str) -> Arc<Deployment> {
    load(
        dir,
        &format!(
            r#"
[[servers]]
node_name = "mail"
hostname = "localhost"
addresses = ["127.0.0.2"]
roles = ["exchange"]
version = "2007"
ports = {{ imap = {imap}, imaps = {imaps} }}
{extra}

[voicemail]
system = "unity"

[[voicemail.profiles]]
server = "mail"
port = {imap}

[[users]]
cucm_id = "alice"
"#
        ),
    )
}

/// `--only imap`, trusting the test CA, as alice; `login` adds `--imap-login` with PASSWORD,
/// `plain` `--allow-plaintext-password`.
fn request(certs: &Certs, login: bool, plain: bool) -> ProbeRequest {
    let mut secrets = Secrets::default();
    if login {
        secrets.set(SecretKind::User, PASSWORD.to_owned());
    }
    ProbeRequest {
        only: vec![Probe::Imap],
        dns_server: Some(closed_port()),
        timeout: Duration::from_secs(3),
        ca: Some(certs.ca.clone()),
        user: Some("alice".to_owned()),
        imap_login: login,
        allow_plaintext_password: plain,
        secrets,
        ..ProbeRequest::default()
    }
}

fn probe(deployment: &Arc<Deployment>, request: &ProbeRequest) -> ProbeReport {
    let report = uclint_probe::probe(deployment, request, &NoProgress).unwrap();
    never_shows_the_password(&report);
    report
}

/// Neither the password nor any piece of it in anything the report holds or prints.
fn never_shows_the_password(report: &ProbeReport) {
    let shown = [format!("{report:?}"), report.to_json(), report.to_sarif()];
    for text in shown {
        for piece in ["Zq7", "plum"] {
            assert!(!text.contains(piece), "`{piece}` shows in {text}");
        }
    }
}

fn at(report: &ProbeReport, port: u16) -> &Observation {
    report
        .observations
        .iter()
        .find(|o| o.target.port == Some(port))
        .unwrap_or_else(|| panic!("no observation of port {port} in {:#?}", report.observations))
}

fn said(o: &Observation, kind: EvidenceKind) -> Vec<&str> {
    o.evidence
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.text.as_str())
        .collect()
}

fn message(o: &Observation, code: Code) -> &str {
    &o.raised
        .iter()
        .find(|r| r.code == code)
        .unwrap_or_else(|| panic!("no {code:?} in {o:#?}"))
        .message
}

fn dovecot(certs: &Certs) -> Dovecot {
    Dovecot::builder(&certs.good).user("alice", PASSWORD).start()
}

#[test]
fn capability_on_the_plain_port_shows_logindisabled() {
    let certs = Certs::new();
    let server = dovecot(&certs);
    let dir = tempfile::tempdir().unwrap();
    let deployment = lab(dir.path(), server.imap.port(), server.imaps.port(), "");
    let report = probe(&deployment, &request(&certs, false, false));
    assert_eq!(report.observations.len(), 2, "{:#?}", report.observations);

    let plain = at(&report, server.imap.port());
    assert_eq!(
        (plain.outcome, plain.codes()),
        (Outcome::Ok, vec![Code::VM006]),
        "{plain:#?}"
    );
    assert_eq!(plain.target.transport, Some("tcp"));
    assert_eq!(plain.target.address, Some("127.0.0.2".parse().unwrap()));
    assert!(
        plain.summary.contains("STARTTLS and LOGINDISABLED listed"),
        "{}",
        plain.summary
    );
    let sent = said(plain, EvidenceKind::Sent);
    assert_eq!(sent, ["C: a1 CAPABILITY", "C: a2 LOGOUT"]);
    let received = said(plain, EvidenceKind::Received);
    assert!(received[0].starts_with("S: * OK"), "{received:?}");
    assert!(
        received
            .iter()
            .any(|l| l.starts_with("S: * CAPABILITY") && l.contains("LOGINDISABLED")),
        "{received:?}"
    );
    assert!(message(plain, Code::VM006).contains("voicemail.profiles[0] uses this port"));

    let tls = at(&report, server.imaps.port());
    assert_eq!((tls.outcome, tls.codes()), (Outcome::Ok, vec![]), "{tls:#?}");
    assert_eq!(tls.target.transport, Some("tls"));
    assert!(
        said(tls, EvidenceKind::Note)
            .iter()
            .any(|n| n.starts_with("TLS TLSv1_3"))
    );
}

#[test]
fn login_refused_in_plain_text_and_accepted_over_tls_is_vm001() {
    let certs = Certs::new();
    let server = dovecot(&certs);
    let dir = tempfile::tempdir().unwrap();
    let deployment = lab(dir.path(), server.imap.port(), server.imaps.port(), "");
    let report = probe(&deployment, &request(&certs, true, true));

    let plain = at(&report, server.imap.port());
    assert_eq!(plain.outcome, Outcome::Failed, "{plain:#?}");
    assert_eq!(plain.codes(), [Code::VM006, Code::VM001]);
    assert!(
        said(plain, EvidenceKind::Sent).contains(&"C: a2 LOGIN alice ********"),
        "{plain:#?}"
    );
    let vm001 = message(plain, Code::VM001);
    assert!(vm001.contains("[PRIVACYREQUIRED]"), "{vm001}");
    assert!(
        vm001.contains(&format!("over TLS on port {}", server.imaps.port())),
        "{vm001}"
    );

    let tls = at(&report, server.imaps.port());
    assert_eq!((tls.outcome, tls.codes()), (Outcome::Ok, vec![]), "{tls:#?}");
    assert_eq!(
        said(tls, EvidenceKind::Sent),
        [
            "C: a1 CAPABILITY",
            "C: a2 LOGIN alice ********",
            "C: a3 SELECT INBOX",
            "C: a4 LOGOUT"
        ]
    );
    assert!(
        tls.summary
            .contains("LOGIN as `alice` accepted over TLS; INBOX selectable"),
        "{}",
        tls.summary
    );
    let codes: Vec<Code> = report
        .report
        .findings
        .iter()
        .map(|f| f.code.builtin().unwrap())
        .collect();
    assert!(
        codes.contains(&Code::VM001) && !codes.contains(&Code::VM007),
        "{codes:?}"
    );
}

#[test]
fn without_leave_to_send_it_in_clear_the_plain_port_logs_in_after_starttls() {
    let certs = Certs::new();
    let server = dovecot(&certs);
    let dir = tempfile::tempdir().unwrap();
    let deployment = lab(dir.path(), server.imap.port(), server.imaps.port(), "");
    let report = probe(&deployment, &request(&certs, true, false));

    let plain = at(&report, server.imap.port());
    assert_eq!(
        (plain.outcome, plain.codes()),
        (Outcome::Ok, vec![Code::VM006]),
        "{plain:#?}"
    );
    let notes = said(plain, EvidenceKind::Note);
    let not_tried = format!(
        "not tried: LOGIN on {} would send the password in clear; --allow-plaintext-password allows it",
        server.imap.port()
    );
    assert!(notes.contains(&not_tried.as_str()), "{notes:#?}");
    assert_eq!(
        said(plain, EvidenceKind::Sent),
        [
            "C: a1 CAPABILITY",
            "C: a2 STARTTLS",
            "C: a3 CAPABILITY",
            "C: a4 LOGIN alice ********",
            "C: a5 SELECT INBOX",
            "C: a6 LOGOUT"
        ]
    );
    assert!(
        plain
            .summary
            .contains("plain-text LOGIN not tried; LOGIN as `alice` accepted after STARTTLS"),
        "{}",
        plain.summary
    );
    assert_eq!(at(&report, server.imaps.port()).codes(), []);
}

#[test]
fn a_wrong_password_refused_everywhere_is_vm007() {
    let certs = Certs::new();
    let mut server = dovecot(&certs);
    server.set_password("another-password");
    let dir = tempfile::tempdir().unwrap();
    let deployment = lab(dir.path(), server.imap.port(), server.imaps.port(), "");
    let report = probe(&deployment, &request(&certs, true, true));

    let plain = at(&report, server.imap.port());
    assert_eq!(plain.codes(), [Code::VM006], "no VM001: TLS refused too: {plain:#?}");
    let tls = at(&report, server.imaps.port());
    assert_eq!(
        (tls.outcome, tls.codes()),
        (Outcome::Failed, vec![Code::VM007]),
        "{tls:#?}"
    );
    let vm007 = message(tls, Code::VM007);
    assert!(vm007.contains("[AUTHENTICATIONFAILED]"), "{vm007}");
    assert!(vm007.contains("in plain text") && vm007.contains("over TLS"), "{vm007}");
    assert!(!said(tls, EvidenceKind::Sent).contains(&"C: a3 SELECT INBOX"));
}

#[test]
fn plaintext_login_allowed_logs_in_on_the_plain_port() {
    let certs = Certs::new();
    let server = Dovecot::builder(&certs.good)
        .user("alice", PASSWORD)
        .plaintext_login()
        .start();
    let dir = tempfile::tempdir().unwrap();
    let deployment = lab(dir.path(), server.imap.port(), server.imaps.port(), "");
    let report = probe(&deployment, &request(&certs, true, true));

    let plain = at(&report, server.imap.port());
    assert_eq!((plain.outcome, plain.codes()), (Outcome::Ok, vec![]), "{plain:#?}");
    assert!(
        plain
            .summary
            .contains("LOGIN as `alice` accepted in plain text; INBOX selectable"),
        "{}",
        plain.summary
    );
    assert!(report.report.findings.is_empty(), "{:#?}", report.report.findings);
}

#[test]
fn no_password_crosses_tls_that_is_untrusted_or_misnamed() {
    let certs = Certs::new();
    let dir = tempfile::tempdir().unwrap();
    // The system's roots do not know the test CA.
    let server = dovecot(&certs);
    let deployment = lab(dir.path(), server.imap.port(), server.imaps.port(), "");
    let mut untrusted = request(&certs, true, false);
    untrusted.ca = None;
    let report = probe(&deployment, &untrusted);
    for port in [server.imap.port(), server.imaps.port()] {
        let o = at(&report, port);
        assert!(
            !said(o, EvidenceKind::Sent).iter().any(|l| l.contains("LOGIN")),
            "{o:#?}"
        );
        assert!(o.summary.contains("LOGIN not sent"), "{}", o.summary);
        assert!(o.summary.contains("--ca FILE trusts a private CA"), "{}", o.summary);
    }
    drop(server);

    let misnamed = Dovecot::builder(&certs.wrong_name).user("alice", PASSWORD).start();
    let deployment = lab(dir.path(), misnamed.imap.port(), misnamed.imaps.port(), "");
    let report = probe(&deployment, &request(&certs, true, false));
    let tls = at(&report, misnamed.imaps.port());
    assert!(
        !said(tls, EvidenceKind::Sent).iter().any(|l| l.contains("LOGIN")),
        "{tls:#?}"
    );
    assert!(
        tls.summary
            .contains("LOGIN not sent over TLS: the certificate names none of the names clients ask for `mail` by (mail, localhost): it carries DNS wrong.example"),
        "{}",
        tls.summary
    );
}

#[test]
fn a_closed_port_is_vm002_and_drift_when_the_file_says_imap_runs() {
    let certs = Certs::new();
    let dir = tempfile::tempdir().unwrap();
    let (imap, imaps) = (closed_port().port(), closed_port().port());
    let stopped = lab(dir.path(), imap, imaps, "");
    let report = probe(&stopped, &request(&certs, true, true));
    for port in [imap, imaps] {
        let o = at(&report, port);
        assert_eq!((o.outcome, o.codes()), (Outcome::Refused, vec![Code::VM002]), "{o:#?}");
        assert!(message(o, Code::VM002).contains("the IMAP service is stopped"));
    }

    let said_running = lab(
        dir.path(),
        imap,
        imaps,
        "imap = { startup = \"automatic\", running = true }",
    );
    let report = probe(&said_running, &request(&certs, false, false));
    let o = at(&report, imap);
    assert_eq!(o.codes(), [Code::VM002, Code::DRIFT001], "{o:#?}");
    let setting = o.setting.as_ref().unwrap();
    assert_eq!(
        (setting.name.as_str(), setting.says.as_str()),
        ("servers[0].imap.running", "true")
    );
    assert_eq!(
        setting.location.as_ref().unwrap().line,
        9,
        "the server's `imap` line: {setting:?}"
    );
    let drift = report
        .report
        .findings
        .iter()
        .find(|f| f.code == Code::DRIFT001)
        .unwrap();
    assert_eq!(drift.location.as_ref().unwrap().line, 9, "{drift:?}");
}

/// A server on 127.0.0.1 that the profile of `voicemail.profiles[i]` points to (Unity: no IMAP
/// port of its own, so only the profile's is asked).
fn odd(node: &str, address: SocketAddr) -> String {
    format!(
        "[[servers]]\nnode_name = \"{node}\"\naddresses = [\"127.0.0.1\"]\nroles = [\"unity\"]\n\n[[voicemail.profiles]]\nserver = \"{node}\"\nport = {}\n\n",
        address.port()
    )
}

#[test]
fn a_cut_answer_an_endless_line_and_silence_end_within_the_timeout() {
    let certs = Certs::new();
    let cut = DropMidAnswer::greeting(b"* OK ready\r\n* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\na1 OK done\r\n");
    let endless = EndlessLine::start("* OK ");
    let silent = Silent::start();
    let server = dovecot(&certs);
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "[voicemail]\nsystem = \"unity\"\n\n{}{}{}[[servers]]\nnode_name = \"mail\"\nhostname = \"localhost\"\naddresses = [\"127.0.0.2\"]\nroles = [\"exchange\"]\nports = {{ imap = {}, imaps = {} }}\n\n[[users]]\ncucm_id = \"alice\"\n",
        odd("cut", cut.address),
        odd("endless", endless.address),
        odd("silent", silent.address),
        server.imap.port(),
        server.imaps.port()
    );
    let deployment = load(dir.path(), &text);
    let mut request = request(&certs, true, true);
    request.timeout = Duration::from_secs(1);
    let started = Instant::now();
    let report = probe(&deployment, &request);
    let took = started.elapsed();
    assert!(
        took < Duration::from_millis(2500),
        "one 1 s timeout, not more: {took:?}"
    );

    let outcome = |port: u16| at(&report, port).outcome;
    assert_eq!(outcome(cut.address.port()), Outcome::ProtocolError);
    let cut = at(&report, cut.address.port());
    assert!(cut.summary.contains("middle of a line"), "{}", cut.summary);
    assert_eq!(outcome(endless.address.port()), Outcome::ProtocolError);
    let endless = at(&report, endless.address.port());
    assert!(endless.summary.contains("longer than"), "{}", endless.summary);
    assert_eq!(outcome(silent.address.port()), Outcome::Timeout);
    assert!(at(&report, silent.address.port()).elapsed >= Duration::from_secs(1));
    // Dovecot, asked at the same time, is unaffected.
    assert_eq!(at(&report, server.imaps.port()).outcome, Outcome::Ok);
    assert_eq!(at(&report, server.imap.port()).codes(), [Code::VM006, Code::VM001]);
}
