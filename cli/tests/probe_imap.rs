//! `uclint probe --only imap` through the binary, against a real Dovecot on 127.0.0.2 (right
//! password, wrong password, plaintext LOGIN allowed), a closed port and misbehaving servers on
//! 127.0.0.1; and the password, given as UCLINT_USER_PASSWORD, in no output of any run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde_json::Value;
use uclint_test_servers::{Certs, Dovecot, DropMidAnswer, EndlessLine, Silent, closed_port};

/// The user's password: a space and quotes, so LOGIN must quote and escape it.
const PASSWORD: &str = "Kx4 \"lantern\" 77";

/// Pieces of it, any of which in an output would be a leak (raw, escaped or quoted).
const PIECES: [&str; 2] = ["Kx4", "lantern"];

/// `uclint ARGS` with UCLINT_USER_PASSWORD set: status, stdout, stderr.
fn uclint(args: &[&str]) -> (Option<i32>, String, String) {
    support::outcome(
        support::uclint_in(Path::new(env!("CARGO_MANIFEST_DIR")))
            .env("UCLINT_USER_PASSWORD", PASSWORD)
            .args(args),
    )
}

/// An Exchange server on 127.0.0.2 with these IMAP ports, and `extra` lines in its entry.
fn mailbox(node: &str, imap: u16, imaps: u16, extra: &str) -> String {
    format!(
        "[[servers]]\nnode_name = \"{node}\"\nhostname = \"localhost\"\naddresses = [\"127.0.0.2\"]\nroles = [\"exchange\"]\nports = {{ imap = {imap}, imaps = {imaps} }}\n{extra}\n\n"
    )
}

/// A Unity server on 127.0.0.1 that a voicemail profile points to on `address`'s port (Unity has
/// no IMAP port of its own: only the profile's is asked).
fn odd(node: &str, address: SocketAddr) -> String {
    format!(
        "[[servers]]\nnode_name = \"{node}\"\naddresses = [\"127.0.0.1\"]\nroles = [\"unity\"]\n\n[[voicemail.profiles]]\nserver = \"{node}\"\nport = {}\n\n",
        address.port()
    )
}

fn write(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("lab.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// `uclint probe LAB --only imap --user alice --imap-login ...` and `extra`.
fn probe(lab: &Path, extra: &[&str]) -> (Option<i32>, String, String) {
    let dns = closed_port().to_string();
    let mut args = vec![
        "probe",
        lab.to_str().unwrap(),
        "--only",
        "imap",
        "--dns-server",
        &dns,
        "--user",
        "alice",
        "--imap-login",
        "--timeout",
        "1",
    ];
    args.extend_from_slice(extra);
    uclint(&args)
}

fn observation<'a>(v: &'a Value, node: &str, port: u16) -> &'a Value {
    v["observations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["target"]["host"] == node && o["target"]["port"] == port)
        .unwrap_or_else(|| panic!("no observation of {node}:{port}: {v:#}"))
}

fn codes(o: &Value) -> Vec<&str> {
    o["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect()
}

#[test]
fn vm001_and_vm006_as_json_and_the_transcript_with_v() {
    let certs = Certs::new();
    let dovecot = Dovecot::builder(&certs.good).user("alice", PASSWORD).start();
    let (imap, imaps) = (dovecot.imap.port(), dovecot.imaps.port());
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{}[voicemail]\nsystem = \"unity\"\n\n[[voicemail.profiles]]\nserver = \"mail\"\nport = {imap}\n\n[[users]]\ncucm_id = \"alice\"\n",
        mailbox("mail", imap, imaps, "version = \"2007\"")
    );
    let lab = write(dir.path(), &text);
    let ca = certs.ca.to_str().unwrap();

    let (status, stdout, stderr) = probe(&lab, &["--ca", ca, "--allow-plaintext-password", "--format", "json"]);
    assert_eq!(status, Some(1), "VM001 is an error: {stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
    let plain = observation(&v, "mail", imap);
    assert_eq!(
        (plain["probe"].as_str(), plain["outcome"].as_str(), codes(plain)),
        (Some("imap"), Some("failed"), vec!["VM006", "VM001"]),
        "{plain:#}"
    );
    assert_eq!(plain["service"], "voicemail");
    assert_eq!(plain["target"]["transport"], "tcp");
    let tls = observation(&v, "mail", imaps);
    assert_eq!((tls["outcome"].as_str(), codes(tls).len()), (Some("ok"), 0), "{tls:#}");
    let vm001 = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "VM001")
        .unwrap();
    assert_eq!(vm001["subject"]["name"], "mail");
    assert!(
        vm001["message"].as_str().unwrap().contains("[PRIVACYREQUIRED]"),
        "{vm001}"
    );

    let (status, stdout, stderr) = probe(&lab, &["--ca", ca, "--allow-plaintext-password", "-v"]);
    assert_eq!(status, Some(1), "{stderr}");
    for line in [
        "> C: a1 CAPABILITY",
        "< S: * CAPABILITY IMAP4rev1",
        "> C: a2 LOGIN alice ********",
        "< S: a2 NO [PRIVACYREQUIRED]",
        "> C: a3 SELECT INBOX",
        "error[VM001]",
        "error[VM006]",
    ] {
        assert!(stdout.contains(line), "no `{line}` in:\n{stdout}");
    }
}

#[test]
fn the_password_shows_in_no_output_whatever_the_outcome() {
    let certs = Certs::new();
    let right = Dovecot::builder(&certs.good).user("alice", PASSWORD).start();
    let wrong = Dovecot::builder(&certs.good).user("alice", "not-the-users").start();
    let plaintext = Dovecot::builder(&certs.good)
        .user("alice", PASSWORD)
        .plaintext_login()
        .start();
    let cut = DropMidAnswer::greeting(b"* OK ready\r\n* CAPABILITY IMAP4rev1 LOGINDISABLED\r\na1 OK done\r\n");
    let endless = EndlessLine::start("* OK ");
    let silent = Silent::start();
    let (closed_imap, closed_imaps) = (closed_port().port(), closed_port().port());
    let dir = tempfile::tempdir().unwrap();
    let text = [
        "[voicemail]\nsystem = \"unity\"\n\n".to_owned(),
        mailbox("right", right.imap.port(), right.imaps.port(), ""),
        mailbox("wrong", wrong.imap.port(), wrong.imaps.port(), ""),
        mailbox("plaintext", plaintext.imap.port(), plaintext.imaps.port(), ""),
        mailbox("closed", closed_imap, closed_imaps, "imap = { running = true }"),
        odd("cut", cut.address),
        odd("endless", endless.address),
        odd("silent", silent.address),
        "[[users]]\ncucm_id = \"alice\"\n".to_owned(),
    ]
    .concat();
    let lab = write(dir.path(), &text);
    let ca = certs.ca.to_str().unwrap();

    let mut seen = Vec::new();
    // Trusted, in clear or not; then untrusted (no --ca): every login outcome there is.
    for trust in [&["--ca", ca][..], &[]] {
        for clear in [&["--allow-plaintext-password"][..], &[]] {
            for format in [
                &["--format", "text"][..],
                &["-v"],
                &["--format", "json"],
                &["--format", "sarif"],
            ] {
                let args = [trust, clear, format].concat();
                let (status, stdout, stderr) = probe(&lab, &args);
                assert_eq!(status, Some(1), "{args:?}: {stderr}");
                for piece in PIECES {
                    assert!(!stdout.contains(piece), "{args:?}: `{piece}` on stdout:\n{stdout}");
                    assert!(!stderr.contains(piece), "{args:?}: `{piece}` on stderr:\n{stderr}");
                }
                seen.push((args, stdout));
            }
        }
    }

    // The runs did reach every outcome: the check above covered them all.
    let (_, json) = seen
        .iter()
        .find(|(args, _)| {
            args.contains(&"--ca") && args.contains(&"--allow-plaintext-password") && args.contains(&"json")
        })
        .unwrap();
    let v: Value = serde_json::from_str(json).unwrap();
    let outcome = |node: &str, port: u16| observation(&v, node, port)["outcome"].as_str().unwrap().to_owned();
    assert_eq!(outcome("right", right.imaps.port()), "ok");
    assert_eq!(codes(observation(&v, "right", right.imap.port())), ["VM006", "VM001"]);
    assert_eq!(codes(observation(&v, "wrong", wrong.imaps.port())), ["VM007"]);
    let plain = observation(&v, "plaintext", plaintext.imap.port());
    assert_eq!(
        (plain["outcome"].as_str(), codes(plain).len()),
        (Some("ok"), 0),
        "{plain:#}"
    );
    let closed = observation(&v, "closed", closed_imap);
    assert_eq!(codes(closed), ["VM002", "DRIFT001"]);
    assert_eq!(closed["setting"]["name"], "servers[3].imap.running");
    assert_eq!(outcome("cut", cut.address.port()), "protocol-error");
    assert_eq!(outcome("endless", endless.address.port()), "protocol-error");
    assert_eq!(outcome("silent", silent.address.port()), "timeout");
    let (_, verbose) = seen
        .iter()
        .find(|(args, _)| {
            !args.contains(&"--ca") && !args.contains(&"--allow-plaintext-password") && args.contains(&"-v")
        })
        .unwrap();
    assert!(verbose.contains("not tried: LOGIN on"), "{verbose}");
    assert!(verbose.contains("LOGIN not sent over TLS"), "{verbose}");
    assert!(verbose.contains("--ca FILE trusts a private CA"), "{verbose}");
}
