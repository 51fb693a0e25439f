//! The LDAP probe's listing of a directory of 10,000 users on a local slapd, against `ldapsearch`
//! fetching the same entries the same way (the same attributes, pages of 500): the server's own
//! cost is the floor both stand on. Both bind as slapd's administrator, whom no size limit stops
//! (slapd gives any other account 500 entries at most, paged or not), over plain LDAP on
//! loopback. The probe's figure is a whole run: its runtime, the connection, the bind, the pages,
//! and reading every entry (LDAP002 and LDAP006 looked at on each).
//!
//! `benches/ldap.sh` runs it and prints both times and their ratio.

use std::hint::black_box;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use uclint_core::model::Deployment;
use uclint_probe::{NoProgress, Probe, ProbeRequest, SecretKind, Secrets};
use uclint_test_servers::{Certs, Slapd, closed_port, require_binary};

const USERS: usize = 10_000;

fn deployment(dir: &std::path::Path, port: u16) -> Arc<Deployment> {
    let text = format!(
        "[[servers]]\nnode_name = \"dc\"\naddresses = [\"127.0.0.1\"]\nroles = [\"ldap\"]\n\n\
         [ldap]\nserver = \"dc\"\nsynchronization = true\nauthentication = false\nsync_port = {port}\n\
         base = \"{}\"\n\n[ldap.cupc_profile]\nservice_account = \"{}\"\npassword = true\nuser_id_attribute = \"uid\"\n",
        Slapd::BASE,
        Slapd::ADMIN_DN
    );
    let path = dir.join("bench.toml");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    match Deployment::load_file(&path, None, "--input-format") {
        Ok(deployment) => Arc::new(deployment),
        Err(e) => panic!("the bench deployment does not load: {e}"),
    }
}

fn bench(c: &mut Criterion) {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).generated_users(USERS, "pw").start();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"));
    let deployment = deployment(dir.path(), slapd.ldap.port());
    let mut secrets = Secrets::default();
    secrets.set(SecretKind::LdapAccount, Slapd::ADMIN_PASSWORD.to_owned());
    let request = ProbeRequest {
        only: vec![Probe::Ldap],
        dns_server: Some(closed_port()),
        timeout: Duration::from_secs(10),
        // A one-certificate bundle: loading the system's roots is no part of a search.
        ca: Some(certs.ca.clone()),
        secrets,
        allow_plaintext_password: true,
        ..ProbeRequest::default()
    };
    let ldapsearch = require_binary("/usr/bin/ldapsearch", "ldap-utils");
    let search = || {
        Command::new(&ldapsearch)
            .env("LDAPNOINIT", "1")
            .args([
                "-x",
                "-LLL",
                "-H",
                &slapd.ldap_url,
                "-D",
                Slapd::ADMIN_DN,
                "-w",
                Slapd::ADMIN_PASSWORD,
            ])
            .args([
                "-b",
                Slapd::BASE,
                "-E",
                "pr=500/noprompt",
                "(uid=*)",
                "sn",
                "uid",
                "telephoneNumber",
                "ref",
            ])
            .stdout(Stdio::null())
            .status()
    };

    // Both see every user, or the comparison means nothing.
    let report = uclint_probe::probe(&deployment, &request, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
    let summary = report
        .observations
        .first()
        .map(|o| o.summary.clone())
        .unwrap_or_default();
    assert!(
        summary.contains(&format!("{USERS} entries")),
        "the probe listed: {summary}"
    );
    let output = Command::new(&ldapsearch)
        .env("LDAPNOINIT", "1")
        .args([
            "-x",
            "-LLL",
            "-H",
            &slapd.ldap_url,
            "-D",
            Slapd::ADMIN_DN,
            "-w",
            Slapd::ADMIN_PASSWORD,
        ])
        .args(["-b", Slapd::BASE, "-E", "pr=500/noprompt", "(uid=*)", "1.1"])
        .output()
        .unwrap_or_else(|e| panic!("ldapsearch: {e}"));
    let listed = String::from_utf8_lossy(&output.stdout).matches("dn: uid=user").count();
    assert_eq!(listed, USERS, "ldapsearch listed {listed}");

    let mut group = c.benchmark_group("ldap_search_10k");
    group.sample_size(20);
    group.throughput(Throughput::Elements(USERS as u64));
    group.bench_function("probe", |b| {
        b.iter(|| black_box(uclint_probe::probe(&deployment, &request, &NoProgress)));
    });
    group.bench_function("ldapsearch", |b| {
        b.iter(|| black_box(search()));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
