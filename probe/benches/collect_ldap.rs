//! The LDAP collector reading 100,000 users from a local slapd, against `ldapsearch` fetching the
//! same entries the same way (the same filter and attributes, pages of 1,000) into /dev/null: the
//! server's own cost is the floor both stand on. Both bind as slapd's administrator, whom no size
//! limit stops, over plain LDAP on loopback. The collector's figure is a whole collection: its
//! runtime, the connection, the bind, 100 pages, and every entry turned into a user.
//!
//! Before timing, one collection runs in a process of its own (this binary again), which reports
//! its peak resident memory (VmHWM): the users held, and the one page in flight.
//!
//! `benches/collect_ldap.sh` runs it and prints both times, their ratio and the peak memory.

use std::hint::black_box;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, Throughput};
use uclint_probe::collect::ldap::USERS_FILTER;
use uclint_probe::collect::{LdapSource, collect_ldap};
use uclint_probe::{SecretKind, Secrets};
use uclint_test_servers::{Certs, Slapd, require_binary};

const USERS: usize = 100_000;
/// Set in the child that measures one collection's memory: the slapd URL to read.
const CHILD: &str = "UCLINT_BENCH_COLLECT_LDAP_URL";

fn source(url: &str) -> LdapSource {
    LdapSource {
        bind_dn: Some(Slapd::ADMIN_DN.to_owned()),
        allow_plaintext_password: true,
        timeout: Duration::from_secs(30),
        ..LdapSource::new(url, Slapd::BASE)
    }
}

fn secrets() -> Secrets {
    let mut secrets = Secrets::default();
    secrets.set(SecretKind::LdapAccount, Slapd::ADMIN_PASSWORD.to_owned());
    secrets
}

fn collect(url: &str) -> usize {
    match collect_ldap(&source(url), &secrets()) {
        Ok(read) => read.collected.users.len(),
        Err(e) => panic!("{e}"),
    }
}

/// This process's peak resident memory, in kB (Linux's VmHWM).
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_else(|e| panic!("/proc/self/status: {e}"));
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no VmHWM in /proc/self/status"))
}

/// One collection in a fresh process; its users and peak memory.
fn measure_memory(url: &str) -> (usize, u64) {
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("this bench's path: {e}"));
    let output = Command::new(exe)
        .env(CHILD, url)
        .stderr(Stdio::inherit())
        .output()
        .unwrap_or_else(|e| panic!("run the measuring child: {e}"));
    let text = String::from_utf8_lossy(&output.stdout);
    let mut words = text.split_whitespace().map(|w| w.parse::<u64>().ok());
    match (words.next().flatten(), words.next().flatten()) {
        (Some(users), Some(kb)) => (usize::try_from(users).unwrap_or(usize::MAX), kb),
        _ => panic!("the measuring child said {text:?}"),
    }
}

fn bench(c: &mut Criterion) {
    let certs = Certs::new();
    let slapd = Slapd::builder(&certs.good).directory_users(USERS).start();
    let ldapsearch = require_binary("/usr/bin/ldapsearch", "ldap-utils");
    let search = |out: Stdio| {
        Command::new(&ldapsearch)
            .env("LDAPNOINIT", "1")
            .args(["-x", "-LLL", "-H", &slapd.ldap_url, "-D", Slapd::ADMIN_DN])
            .args(["-w", Slapd::ADMIN_PASSWORD, "-b", Slapd::BASE, "-E", "pr=1000/noprompt"])
            .args([
                USERS_FILTER,
                "sAMAccountName",
                "uid",
                "sn",
                "givenName",
                "telephoneNumber",
            ])
            .stdout(out)
            .output()
            .unwrap_or_else(|e| panic!("ldapsearch: {e}"))
    };

    // Both see every user, or the comparison means nothing.
    assert_eq!(collect(&slapd.ldap_url), USERS);
    let listed = search(Stdio::piped());
    let found = String::from_utf8_lossy(&listed.stdout).matches("\nuid: ").count();
    assert_eq!(found, USERS, "ldapsearch listed {found}");
    let (users, kb) = measure_memory(&slapd.ldap_url);
    assert_eq!(users, USERS);
    let mb = kb as f64 / 1024.0;
    println!("collect_ldap peak memory: {mb:.1} MB (VmHWM of one collection of {USERS} users)");
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("collect_ldap");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join("peak_kb"), kb.to_string());

    let mut group = c.benchmark_group("collect_ldap_100k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(USERS as u64));
    group.bench_function("collector", |b| {
        b.iter(|| black_box(collect(&slapd.ldap_url)));
    });
    group.bench_function("ldapsearch", |b| {
        b.iter(|| black_box(search(Stdio::null()).status));
    });
    group.finish();
}

fn main() {
    if let Ok(url) = std::env::var(CHILD) {
        let users = collect(&url);
        println!("{users} {}", peak_kb());
        return;
    }
    let mut criterion = Criterion::default().configure_from_args();
    // A listing (nextest's, `--list`) names the benchmarks without loading 100,000 users into a
    // slapd or printing anything else on stdout, which the lister parses.
    if std::env::args().any(|a| a == "--list") {
        let mut group = criterion.benchmark_group("collect_ldap_100k");
        for name in ["collector", "ldapsearch"] {
            group.bench_function(name, |b| b.iter(|| ()));
        }
        group.finish();
        return;
    }
    bench(&mut criterion);
    criterion.final_summary();
}
