//! Importing a 100,000-entry LDIF export of Active Directory, as `ldapsearch` writes it:
//! users with base64 GUIDs and SIDs, folded `memberOf` lines, a base64 name in every tenth
//! user, and a group every hundredth entry. Throughput in bytes of LDIF read.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use uclint_core::collect::import;

const ENTRIES: usize = 100_000;

/// A deterministic export of `ENTRIES` entries; one in a hundred is a group (no user id).
fn export() -> String {
    let mut out = String::from("# extended LDIF\n#\n# LDAPv3\n# base <DC=acme,DC=com> with scope subtree\n#\n\n");
    for n in 0..ENTRIES {
        if n % 100 == 99 {
            let _ = write!(
                out,
                "# Group {n}\ndn: CN=Group {n},OU=Groups,DC=acme,DC=com\nobjectClass: top\nobjectClass: group\n\
                 cn: Group {n}\nmember: CN=User {m},OU=Users,OU=Site {s},DC=acme,DC=com\n\
                 objectGUID:: LjwfWgAAAAAAAAAAAACkTg==\n\n",
                m = n - 1,
                s = n % 40,
            );
            continue;
        }
        let _ = write!(
            out,
            "# User {n}\ndn: CN=User {n},OU=Users,OU=Site {s},DC=acme,DC=com\nobjectClass: top\nobjectClass: person\n\
             objectClass: organizationalPerson\nobjectClass: user\ncn: User {n}\n",
            s = n % 40,
        );
        if n % 10 == 0 {
            // "Müller"
            out.push_str("sn:: TcO8bGxlcg==\n");
        } else {
            let _ = writeln!(out, "sn: Last{n}");
        }
        let _ = write!(
            out,
            "givenName: First{n}\ndistinguishedName: CN=User {n},OU=Users,OU=Site {s},DC=acme,DC=com\n\
             telephoneNumber: +1 408 555 {n:05}\ndisplayName: First{n} Last{n}\n\
             memberOf: CN=CUPC Users - Presence and Desk Phone Control,OU=Groups,OU=Site {s},DC\n =acme,DC=com\n\
             objectGUID:: LjwfWgAAAAAAAAAAAACkTQ==\nobjectSid:: AQUAAAAAAAUVAAAAFc1bB7Fo3jr3duVCTQQAAA==\n\
             sAMAccountName: user{n}\nsAMAccountType: 805306368\nuserPrincipalName: user{n}@acme.com\n\
             mail: user{n}@acme.com\n\n",
            s = n % 40,
        );
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = export();
    let read = import::ldif(&text, "bench.ldif").map(|r| (r.collected.users.len(), r.skipped));
    assert_eq!(read, Ok((ENTRIES - ENTRIES / 100, ENTRIES / 100)), "the export reads");
    let mut group = c.benchmark_group("import_ldif_100000");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("ldif", |b| b.iter(|| black_box(import::ldif(&text, "bench.ldif"))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
