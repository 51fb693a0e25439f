//! One shared allocation per distinct name that users refer to.

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use super::user::User;

/// Hands out one `Arc<str>` per distinct text.
#[derive(Debug, Default)]
pub struct Interner {
    names: HashMap<Box<str>, Arc<str>>,
}

impl Interner {
    /// The shared copy of `text`.
    pub fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.names.get(text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text);
        self.names.insert(text.into(), Arc::clone(&shared));
        shared
    }

    /// Make `user`'s node and client names point at the shared copies.
    pub fn share(&mut self, user: &mut User) {
        for node in [&mut user.home_node, &mut user.presence_node].into_iter().flatten() {
            *node = self.get(node);
        }
        for client in &mut user.clients {
            *client = self.get(client);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_allocation() {
        let mut interner = Interner::default();
        let a = interner.get("cups-1");
        let b = interner.get("cups-1");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &interner.get("cups-2")));
    }
}
