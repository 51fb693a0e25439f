//! D8 for every user of a 100,000-user synthetic deployment, each with their own sign-in
//! address, on a Jabber for Windows profile inside (a dead first target, then CUCM and IM&P)
//! and a Jabber for Mac profile outside (MRA): criterion's throughput gives the time per user.

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use uclint_core::derive::jabber::{SignIn, discover_as};
use uclint_core::model::{Deployment, Format, User};
use uclint_core::synth::{Spec, generate};

const USERS: usize = 100_000;

fn bench(c: &mut Criterion) {
    let s = generate(&Spec {
        users: USERS,
        ..Spec::default()
    });
    let files = BTreeMap::from([("users.csv".to_owned(), s.users_csv.clone())]);
    let deployment = Deployment::load(&s.deployment, Format::Toml, "synthetic.toml", &files).unwrap_or_default();
    let sign_ins: Vec<(SignIn, &User)> = deployment
        .users
        .iter()
        .filter_map(|u| Some((SignIn::parse(&format!("{}@synth.example", u.cucm_id)).ok()?, u)))
        .collect();
    assert_eq!(sign_ins.len(), USERS, "every user has a sign-in address");

    let mut group = c.benchmark_group("jabber_discovery");
    group.sample_size(10);
    group.throughput(Throughput::Elements(USERS as u64));
    for profile in ["jabber-hq", "jabber-road"] {
        let Some(client) = deployment.client(profile) else {
            panic!("the synthetic deployment has no `{profile}`");
        };
        group.bench_with_input(BenchmarkId::new(profile, USERS), &USERS, |b, _| {
            b.iter(|| {
                for (sign_in, user) in &sign_ins {
                    black_box(discover_as(&deployment, client, sign_in, Some(user)));
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
