//! An index over static routes, so a request finds its candidate routes without scanning the
//! table: domain routes by their reversed base, user routes in a character trie.
//!
//! A lookup costs a few hash probes per label of the domain and a walk of the user part through
//! the trie, whatever the number of routes.

use rustc_hash::FxHashMap;

use super::pattern::{reverse, specificity, user_matches};
use crate::model::{RouteType, StaticRoute};

/// Static routes indexed for lookup. Indices refer to the slice the table was built from.
#[derive(Debug, Default)]
pub struct RouteTable {
    /// `.com.acme` -> routes written exactly `.com.acme`.
    domain_exact: FxHashMap<String, Vec<u32>>,
    /// `.com.acme` -> routes written `.com.acme.*`; `""` holds the catch-all `*`.
    domain_below: FxHashMap<String, Vec<u32>>,
    user: UserTrie,
    /// Each route's specificity, computed once.
    specificity: Vec<Specificity>,
}

/// How specific a matching route is; larger is more specific.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Specificity {
    /// Characters the pattern fixes.
    pub fixed: usize,
    /// A pattern without wildcard beats one with the same fixed characters.
    pub exact: bool,
}

impl Specificity {
    /// The specificity of `pattern`.
    pub fn of(pattern: &str) -> Self {
        Self {
            fixed: specificity(pattern),
            exact: !pattern.contains('*'),
        }
    }
}

impl RouteTable {
    /// Index `routes` (all of them: callers decide what out-of-service means).
    pub fn new(routes: &[StaticRoute]) -> Self {
        let mut table = Self {
            specificity: routes.iter().map(|r| Specificity::of(&r.pattern)).collect(),
            ..Self::default()
        };
        for (i, route) in routes.iter().enumerate() {
            let Ok(index) = u32::try_from(i) else { break };
            match route.route_type {
                RouteType::Domain => table.insert_domain(&route.pattern, index),
                RouteType::User => table.user.insert(&route.pattern, index),
            }
        }
        table
    }

    fn insert_domain(&mut self, pattern: &str, index: u32) {
        let pattern = pattern.trim();
        let (map, base) = match pattern.strip_suffix(".*") {
            Some(base) => (&mut self.domain_below, base),
            None if pattern == "*" => (&mut self.domain_below, ""),
            None => (&mut self.domain_exact, pattern),
        };
        map.entry(normalise_base(base)).or_default().push(index);
    }

    /// The specificity of route `index` (the lowest for an index out of range).
    pub fn specificity(&self, index: u32) -> Specificity {
        self.specificity.get(index as usize).copied().unwrap_or_default()
    }

    /// Indices of the domain routes whose pattern matches `domain`.
    pub fn domain_matches(&self, domain: &str) -> Vec<u32> {
        let reversed = reverse(domain).to_ascii_lowercase();
        let mut found = Vec::new();
        if let Some(routes) = self.domain_exact.get(&reversed) {
            found.extend_from_slice(routes);
        }
        if let Some(routes) = self.domain_below.get("") {
            found.extend_from_slice(routes);
        }
        // `.com.acme.*` matches `.com.acme` and everything below it: probe each label boundary.
        let bytes = reversed.as_bytes();
        for end in (1..=bytes.len()).filter(|&end| end == bytes.len() || bytes[end] == b'.') {
            if let Some(routes) = self.domain_below.get(&reversed[..end]) {
                found.extend_from_slice(routes);
            }
        }
        found
    }

    /// Indices of the user routes whose pattern matches `user`.
    pub fn user_matches(&self, user: &str, routes: &[StaticRoute]) -> Vec<u32> {
        self.user.matches(user, routes)
    }
}

/// `com.acme`, `.COM.acme` -> `.com.acme`.
fn normalise_base(base: &str) -> String {
    if base.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(base.len() + 1);
    if !base.starts_with('.') {
        out.push('.');
    }
    out.push_str(&base.to_ascii_lowercase());
    out
}

/// User patterns as a character trie. `.` is its own edge (any one character); a `*` ends the
/// indexed part: routes with a star are kept where it starts and checked in full when reached.
#[derive(Debug)]
struct UserTrie {
    nodes: Vec<TrieNode>,
}

#[derive(Debug, Default)]
struct TrieNode {
    /// Few per node (digits mostly): a small vector scans faster than a map and stays compact.
    children: Vec<(char, u32)>,
    any: Option<u32>,
    /// Routes whose pattern ends here.
    ends: Vec<u32>,
    /// Routes whose pattern has a `*` here.
    stars: Vec<u32>,
}

impl TrieNode {
    fn child(&self, c: char) -> Option<u32> {
        self.children.iter().find(|(k, _)| *k == c).map(|(_, next)| *next)
    }
}

impl Default for UserTrie {
    fn default() -> Self {
        Self {
            nodes: vec![TrieNode::default()],
        }
    }
}

impl UserTrie {
    fn insert(&mut self, pattern: &str, index: u32) {
        let mut at = 0usize;
        for c in pattern.trim().chars() {
            if c == '*' {
                self.nodes[at].stars.push(index);
                return;
            }
            at = self.child(at, c);
        }
        self.nodes[at].ends.push(index);
    }

    fn child(&mut self, at: usize, c: char) -> usize {
        let c = c.to_ascii_lowercase();
        let existing = if c == '.' {
            self.nodes[at].any
        } else {
            self.nodes[at].child(c)
        };
        if let Some(next) = existing {
            return next as usize;
        }
        let next = self.nodes.len();
        let id = u32::try_from(next).unwrap_or(u32::MAX);
        self.nodes.push(TrieNode::default());
        if c == '.' {
            self.nodes[at].any = Some(id);
        } else {
            self.nodes[at].children.push((c, id));
        }
        next
    }

    fn matches(&self, user: &str, routes: &[StaticRoute]) -> Vec<u32> {
        let mut found = Vec::new();
        let mut states = vec![0u32];
        let mut next = Vec::new();
        let check_stars = |node: &TrieNode, found: &mut Vec<u32>| {
            found.extend(
                node.stars
                    .iter()
                    .filter(|&&i| routes.get(i as usize).is_some_and(|r| user_matches(&r.pattern, user))),
            );
        };
        for c in user.chars() {
            next.clear();
            for &state in &states {
                let node = &self.nodes[state as usize];
                check_stars(node, &mut found);
                next.extend(node.child(c.to_ascii_lowercase()));
                next.extend(node.any);
            }
            std::mem::swap(&mut states, &mut next);
            if states.is_empty() {
                return found;
            }
        }
        for &state in &states {
            let node = &self.nodes[state as usize];
            check_stars(node, &mut found);
            found.extend_from_slice(&node.ends);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::pattern::domain_matches;

    fn route(pattern: &str, route_type: RouteType) -> StaticRoute {
        StaticRoute {
            pattern: pattern.to_owned(),
            route_type,
            next_hop: Some("192.0.2.1".to_owned()),
            port: 5060,
            transport: crate::model::Transport::Udp,
            priority: 1,
            weight: 10,
            in_service: true,
            block: false,
            allow_less_specific: false,
            location: None,
        }
    }

    /// The index answers exactly what testing every pattern one by one answers.
    #[test]
    fn index_agrees_with_scanning_every_pattern() {
        let domains = [
            ".com.acme.*",
            ".com.acme",
            "com.acme.sales.*",
            ".COM.Acme.eu",
            "*",
            ".net.*",
            ".com.acmex.*",
        ];
        let users = ["4...", "4*", "9*", "*", "+1408*", "1.0*9", "5551234", "..."];
        let routes: Vec<StaticRoute> = domains
            .iter()
            .map(|p| route(p, RouteType::Domain))
            .chain(users.iter().map(|p| route(p, RouteType::User)))
            .collect();
        let table = RouteTable::new(&routes);
        for domain in [
            "acme.com",
            "sales.acme.com",
            "ACME.COM",
            "eu.acme.com",
            "acmex.com",
            "x.net",
            "org",
            "a.b.sales.acme.com",
        ] {
            let mut got = table.domain_matches(domain);
            got.sort_unstable();
            let want: Vec<u32> = (0..domains.len() as u32)
                .filter(|&i| domain_matches(&routes[i as usize].pattern, domain))
                .collect();
            assert_eq!(got, want, "{domain}");
        }
        for user in [
            "4001",
            "40011",
            "4",
            "9011",
            "",
            "+14085551234",
            "10009",
            "1x0abc9",
            "5551234",
            "123",
        ] {
            let mut got = table.user_matches(user, &routes);
            got.sort_unstable();
            let want: Vec<u32> = (domains.len() as u32..routes.len() as u32)
                .filter(|&i| user_matches(&routes[i as usize].pattern, user))
                .collect();
            assert_eq!(got, want, "{user}");
        }
    }

    #[test]
    fn exact_beats_wildcard_of_the_same_length() {
        assert!(Specificity::of(".com.acme") > Specificity::of(".com.acme.*"));
        assert!(Specificity::of(".com.acme.sales.*") > Specificity::of(".com.acme"));
        assert!(Specificity::of("4...") > Specificity::of("4*"));
    }
}
