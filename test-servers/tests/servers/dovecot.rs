//! Dovecot says LOGINDISABLED on the plain port, logs in over IMAPS and after STARTTLS, and
//! allows plaintext LOGIN when asked; a changed password makes the old one wrong.

use uclint_test_servers::{Certs, Dovecot};

use crate::common::{connect, tls_connect, tls_over};
use crate::imap::{command, greeting, tagged};

#[test]
fn the_plain_port_refuses_login_and_imaps_selects_inbox() {
    let certs = Certs::new();
    let dovecot = Dovecot::builder(&certs.good).start();
    assert_eq!(dovecot.imap.ip().to_string(), "127.0.0.2");
    let mut plain = connect(dovecot.imap);
    let hello = greeting(&mut plain);
    assert!(hello.starts_with("* OK "), "{hello}");
    let capability = command(&mut plain, "a1", "CAPABILITY");
    let line = capability.lines().next().unwrap();
    assert!(
        line.contains("STARTTLS") && line.contains("LOGINDISABLED"),
        "{capability}"
    );
    let refused = command(&mut plain, "a2", "LOGIN alice alicepw");
    assert!(
        tagged(&refused, "a2").starts_with("a2 NO [PRIVACYREQUIRED]"),
        "{refused}"
    );

    let mut imaps = tls_connect(dovecot.imaps, &certs.ca_der, "127.0.0.2").unwrap();
    assert!(greeting(&mut imaps).starts_with("* OK "));
    let login = command(&mut imaps, "b1", "LOGIN alice alicepw");
    assert!(tagged(&login, "b1").starts_with("b1 OK"), "{login}");
    let select = command(&mut imaps, "b2", "SELECT INBOX");
    assert!(tagged(&select, "b2").starts_with("b2 OK [READ-WRITE]"), "{select}");
}

#[test]
fn starttls_upgrades_the_plain_port_to_a_login() {
    let certs = Certs::new();
    let dovecot = Dovecot::builder(&certs.good).user("bob", "bobpw").start();
    let mut plain = connect(dovecot.imap);
    greeting(&mut plain);
    let ok = command(&mut plain, "a1", "STARTTLS");
    assert!(tagged(&ok, "a1").starts_with("a1 OK"), "{ok}");
    let mut tls = tls_over(plain, &certs.ca_der, "127.0.0.2").unwrap();
    let capability = command(&mut tls, "a2", "CAPABILITY");
    assert!(!capability.contains("LOGINDISABLED"), "{capability}");
    let login = command(&mut tls, "a3", "LOGIN bob bobpw");
    assert!(tagged(&login, "a3").starts_with("a3 OK"), "{login}");
}

#[test]
fn plaintext_login_when_allowed_and_a_changed_password() {
    let certs = Certs::new();
    let mut dovecot = Dovecot::builder(&certs.good).plaintext_login().start();
    let mut plain = connect(dovecot.imap);
    greeting(&mut plain);
    let capability = command(&mut plain, "a1", "CAPABILITY");
    assert!(!capability.contains("LOGINDISABLED"), "{capability}");
    let login = command(&mut plain, "a2", "LOGIN alice alicepw");
    assert!(tagged(&login, "a2").starts_with("a2 OK"), "{login}");
    let select = command(&mut plain, "a3", "SELECT INBOX");
    assert!(tagged(&select, "a3").starts_with("a3 OK"), "{select}");

    dovecot.set_password("changed");
    assert_eq!(dovecot.password, "changed");
    let mut again = connect(dovecot.imap);
    greeting(&mut again);
    let wrong = command(&mut again, "b1", "LOGIN alice alicepw");
    assert!(
        tagged(&wrong, "b1").starts_with("b1 NO [AUTHENTICATIONFAILED]"),
        "{wrong}"
    );
    let right = command(&mut again, "b2", "LOGIN alice changed");
    assert!(tagged(&right, "b2").starts_with("b2 OK"), "{right}");
}
