//! RFC 2782 ordering of next hops: priority ascending; within a priority each target carries its
//! weight's share of the load, and a seed draws one concrete weighted order reproducibly.

use super::outcome::Target;
use crate::rng::SplitMix;

/// Order `targets` by priority, give each its share within its priority, and, with a seed,
/// draw the order within each priority by RFC 2782's weighted selection. Without a seed the
/// order within a priority is by weight, heaviest first (the most likely order), then as given.
pub(crate) fn order(targets: &mut Vec<Target>, seed: Option<u64>) {
    targets.sort_by_key(|t| (t.fallback, t.priority));
    let mut rng = seed.map(SplitMix::new);
    let mut ordered = Vec::with_capacity(targets.len());
    let mut rest = std::mem::take(targets);
    while !rest.is_empty() {
        let key = (rest[0].fallback, rest[0].priority);
        let split = rest
            .iter()
            .position(|t| (t.fallback, t.priority) != key)
            .unwrap_or(rest.len());
        let mut group: Vec<Target> = rest.drain(..split).collect();
        share(&mut group);
        match rng.as_mut() {
            Some(rng) => draw(group, rng, &mut ordered),
            None => {
                group.sort_by_key(|t| std::cmp::Reverse(t.weight));
                ordered.extend(group);
            }
        }
    }
    *targets = ordered;
}

/// Each target's weight over the group's total (equal shares when every weight is 0).
fn share(group: &mut [Target]) {
    let total: u64 = group.iter().map(|t| u64::from(t.weight)).sum();
    let count = group.len() as f64;
    for target in group {
        target.share = if total == 0 {
            1.0 / count
        } else {
            f64::from(target.weight) / total as f64
        };
    }
}

/// RFC 2782: zero weights first, then repeatedly pick the first target whose running weight sum
/// reaches a uniform random number in `0..=sum`.
fn draw(mut group: Vec<Target>, rng: &mut SplitMix, out: &mut Vec<Target>) {
    group.sort_by_key(|t| t.weight != 0);
    while !group.is_empty() {
        let sum: u64 = group.iter().map(|t| u64::from(t.weight)).sum();
        let pick = rng.below(sum + 1);
        let mut running = 0u64;
        let chosen = group
            .iter()
            .position(|t| {
                running += u64::from(t.weight);
                running >= pick
            })
            .unwrap_or(0);
        out.push(group.remove(chosen));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Transport;
    use crate::route::outcome::Origin;

    fn target(host: &str, priority: u16, weight: u16) -> Target {
        Target {
            host: host.to_owned(),
            address: None,
            addresses: Vec::new(),
            port: 5060,
            transport: Transport::Udp,
            priority,
            weight,
            share: 0.0,
            origin: Origin::Address,
            fallback: false,
        }
    }

    fn hosts(targets: &[Target]) -> Vec<&str> {
        targets.iter().map(|t| t.host.as_str()).collect()
    }

    #[test]
    fn priority_first_then_weight_shares() {
        let mut t = vec![
            target("c", 20, 0),
            target("a", 10, 60),
            target("b", 10, 20),
            target("d", 10, 20),
        ];
        order(&mut t, None);
        assert_eq!(hosts(&t), ["a", "b", "d", "c"]);
        assert_eq!(t.iter().map(|t| t.share).collect::<Vec<_>>(), [0.6, 0.2, 0.2, 1.0]);
    }

    #[test]
    fn a_seed_reproduces_one_weighted_order() {
        let make = || {
            vec![
                target("a", 10, 60),
                target("b", 10, 30),
                target("c", 10, 10),
                target("z", 20, 5),
            ]
        };
        let mut first = make();
        order(&mut first, Some(7));
        let mut again = make();
        order(&mut again, Some(7));
        assert_eq!(hosts(&first), hosts(&again));
        assert_eq!(first[3].host, "z", "a lower priority never moves ahead");
    }

    #[test]
    fn heavier_targets_come_first_in_proportion() {
        let mut firsts = [0u32; 3];
        for seed in 0..3000 {
            let mut t = vec![target("a", 1, 60), target("b", 1, 30), target("c", 1, 10)];
            order(&mut t, Some(seed));
            firsts[usize::from(t[0].host.as_bytes()[0] - b'a')] += 1;
        }
        // 60/30/10 of 3000 draws, give or take sampling noise.
        assert!((1650..2000).contains(&firsts[0]), "{firsts:?}");
        assert!((750..1050).contains(&firsts[1]), "{firsts:?}");
        assert!((180..420).contains(&firsts[2]), "{firsts:?}");
    }

    #[test]
    fn zero_weight_targets_still_get_picked_sometimes() {
        let picked = (0..500).any(|seed| {
            let mut t = vec![target("heavy", 1, 100), target("zero", 1, 0)];
            order(&mut t, Some(seed));
            t[0].host == "zero"
        });
        assert!(picked);
    }
}
