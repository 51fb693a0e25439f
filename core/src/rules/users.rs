//! The one walk over the users.
//!
//! Rules that judge users one at a time, and the per-client and per-node tallies other rules
//! read, all ride on a single pass: at 100,000 users the users no longer fit the cache, and
//! every separate walk is another trip through main memory.

use rustc_hash::FxHashMap as HashMap;

use super::engine::{Context, Sink};
use crate::derive::implicit::ClientNodes;
use crate::model::User;

/// Rules that look at one user at a time, prepared once per check by their family
/// (see [`USER_RULES`](super::USER_RULES)).
pub trait UserRules<'a> {
    /// Judge `user`.
    fn check_user(&mut self, cx: &Context<'a>, user: &'a User, out: &mut Sink<'_>);
}

/// A family's user rules, ready for the walk, or nothing when none of them applies (disabled,
/// or the deployment lacks what they judge).
pub type Prepare = for<'a> fn(&Context<'a>, &mut Sink<'_>) -> Option<Box<dyn UserRules<'a> + 'a>>;

/// What the walk tallies for the rules that judge clients, nodes and the LDAP setup.
#[derive(Debug, Default)]
pub struct UserFacts<'a> {
    /// The nodes each client profile's users use.
    pub client_nodes: HashMap<&'a str, ClientNodes<'a>>,
    /// How many users register presence with each node.
    pub presence_users: HashMap<&'a str, usize>,
    /// How many users control a desk phone from CUPC.
    pub desk_phone_users: usize,
}

impl<'a> UserFacts<'a> {
    fn add(&mut self, user: &'a User) {
        for client in &user.clients {
            self.client_nodes.entry(&**client).or_default().add(user);
        }
        if let Some(node) = user.presence_node() {
            *self.presence_users.entry(node).or_default() += 1;
        }
        self.desk_phone_users += usize::from(user.desk_phone_control);
    }
}

/// Walk the users once: run every family's user rules and tally [`UserFacts`].
pub fn walk<'a>(cx: &Context<'a>, prepare: &[Prepare], out: &mut Sink<'_>) -> UserFacts<'a> {
    let mut rules: Vec<_> = prepare.iter().filter_map(|prepare| prepare(cx, out)).collect();
    let mut facts = UserFacts::default();
    for user in &cx.deployment.users {
        facts.add(user);
        for rules in &mut rules {
            rules.check_user(cx, user, out);
        }
    }
    facts
}
