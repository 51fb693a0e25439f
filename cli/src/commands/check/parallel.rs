//! Checking many deployments on every core: a few scoped threads take the next deployment
//! until none is left, and the results come back in the order given.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The cores this process may use (one when the system will not say).
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `f` of every item, on up to `jobs` threads, in the items' order.
pub fn map<T: Sync, R: Send>(items: &[T], jobs: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let jobs = jobs.clamp(1, items.len().max(1));
    if jobs == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let result = f(item);
                    results.lock().unwrap_or_else(|poisoned| poisoned.into_inner())[i] = Some(result);
                }
            });
        }
    });
    // Every slot is filled: the threads run until no item is left, and a panic in one would
    // have ended the scope by panicking here.
    results
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_given_whatever_the_thread_count() {
        let items: Vec<u64> = (0..100).collect();
        for jobs in [1, 2, 3, 8, 1000] {
            assert_eq!(
                map(&items, jobs, |n| n * n),
                items.iter().map(|n| n * n).collect::<Vec<_>>()
            );
        }
        assert!(map(&[] as &[u8], 4, |n| *n).is_empty());
    }

    #[test]
    fn more_than_one_thread_does_the_work() {
        let items: Vec<u32> = (0..64).collect();
        let threads = map(&items, 4, |_| {
            std::thread::sleep(std::time::Duration::from_millis(2));
            std::thread::current().id()
        });
        let distinct: std::collections::HashSet<_> = threads.into_iter().collect();
        assert!(distinct.len() > 1, "every item ran on one thread");
    }
}
