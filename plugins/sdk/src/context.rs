//! [`Context`]: what a plugin's `check` reads the deployment and the core's derivations through.

use std::cell::OnceCell;
use std::fmt;

use crate::jabber::JabberDiscovery;
use crate::model::{Client, Placement, Presence, Resolution, Routing, Server, SipProxy, User};

/// How many users [`Context::users`] asks the host for at a time (the contract's maximum).
pub const USER_PAGE: u32 = 10_000;

/// How many placements [`Context::placements`] asks the host for at a time (the contract's
/// maximum).
pub const PLACEMENT_PAGE: u32 = 100_000;

/// Where a [`Context`] reads from: the host's imports inside WebAssembly, or
/// [`crate::testing::FakeDeployment`] in native unit tests. Plugin authors rarely implement it.
pub trait Host {
    /// The deployment's name.
    fn name(&self) -> String;
    /// The corporate DNS domain, when known.
    fn domain(&self) -> Option<String>;
    /// Every server.
    fn servers(&self) -> Vec<Server>;
    /// Every client profile.
    fn clients(&self) -> Vec<Client>;
    /// The SIP proxy's parameters.
    fn sip_proxy(&self) -> SipProxy;
    /// How many users there are.
    fn user_count(&self) -> u32;
    /// Users `start .. start + count` (fewer at the end; `count` at most [`USER_PAGE`]).
    fn users(&self, start: u32, count: u32) -> Vec<User>;
    /// Placements of users `start .. start + count` (fewer at the end; `count` at most
    /// [`PLACEMENT_PAGE`]).
    fn placements(&self, start: u32, count: u32) -> Vec<Placement>;
    /// the presence address, as the core derives it.
    fn presence_address(&self, node: &str, domain: Option<&str>, user: Option<&str>) -> Presence;
    /// Name resolution: resolve `name` as client profile `client` would; an error names an unknown client.
    fn resolve(&self, name: &str, client: &str) -> Result<Resolution, String>;
    /// SIP routing: route a request URI; an error explains a bad URI.
    fn route(&self, uri: &str) -> Result<Routing, String>;
    /// Jabber discovery (D8): sign in on client profile `client` as `address` (none: as
    /// `check` does); an error names an unknown or non-Jabber profile, or a bad address.
    fn jabber_discovery(&self, client: &str, address: Option<&str>) -> Result<JabberDiscovery, String>;
}

/// The deployment being checked, read-only, and the core's derivations.
///
/// Servers, clients and the SIP proxy are fetched from the host once and kept; users are
/// streamed page by page ([`Context::users`]) so 100,000 of them never sit in memory at once.
pub struct Context {
    host: Box<dyn Host>,
    name: OnceCell<String>,
    domain: OnceCell<Option<String>>,
    servers: OnceCell<Vec<Server>>,
    clients: OnceCell<Vec<Client>>,
    sip_proxy: OnceCell<SipProxy>,
    user_count: OnceCell<u32>,
}

impl fmt::Debug for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("name", &self.name())
            .finish_non_exhaustive()
    }
}

impl Context {
    /// A context reading from `host`.
    pub fn new(host: impl Host + 'static) -> Self {
        Context {
            host: Box::new(host),
            name: OnceCell::new(),
            domain: OnceCell::new(),
            servers: OnceCell::new(),
            clients: OnceCell::new(),
            sip_proxy: OnceCell::new(),
            user_count: OnceCell::new(),
        }
    }

    /// The deployment's name.
    pub fn name(&self) -> &str {
        self.name.get_or_init(|| self.host.name())
    }

    /// The corporate DNS domain, when the deployment says.
    pub fn domain(&self) -> Option<&str> {
        self.domain.get_or_init(|| self.host.domain()).as_deref()
    }

    /// Every server.
    pub fn servers(&self) -> &[Server] {
        self.servers.get_or_init(|| self.host.servers())
    }

    /// The server with this node name (exact match).
    pub fn server(&self, node_name: &str) -> Option<&Server> {
        self.servers().iter().find(|s| s.node_name == node_name)
    }

    /// The servers holding `role` (`cups`, `cucm`, ...).
    pub fn servers_with_role<'a>(&'a self, role: &'a str) -> impl Iterator<Item = &'a Server> + 'a {
        self.servers().iter().filter(move |s| s.has_role(role))
    }

    /// Every client profile.
    pub fn clients(&self) -> &[Client] {
        self.clients.get_or_init(|| self.host.clients())
    }

    /// The client profile with this id.
    pub fn client(&self, id: &str) -> Option<&Client> {
        self.clients().iter().find(|c| c.id == id)
    }

    /// The SIP proxy's parameters.
    pub fn sip_proxy(&self) -> &SipProxy {
        self.sip_proxy.get_or_init(|| self.host.sip_proxy())
    }

    /// The SIP (proxy) domain, when set.
    pub fn proxy_domain(&self) -> Option<&str> {
        self.sip_proxy().proxy_domain.as_deref()
    }

    /// How many users the deployment has.
    pub fn user_count(&self) -> u32 {
        *self.user_count.get_or_init(|| self.host.user_count())
    }

    /// Every user, fetched from the host [`USER_PAGE`] at a time as the iterator advances.
    pub fn users(&self) -> Users<'_> {
        Pages::new(self, USER_PAGE, |host, start, count| host.users(start, count))
    }

    /// Where every user is placed (home and presence node as indexes into
    /// [`servers`](Self::servers)), in the order of [`users`](Self::users), fetched
    /// [`PLACEMENT_PAGE`] at a time. No names are copied: the lean way for a rule that counts or
    /// groups 100,000 users by node.
    pub fn placements(&self) -> Placements<'_> {
        Pages::new(self, PLACEMENT_PAGE, |host, start, count| host.placements(start, count))
    }

    /// Users `start .. start + count` in one call (`count` is capped at [`USER_PAGE`]).
    pub fn users_page(&self, start: u32, count: u32) -> Vec<User> {
        self.host.users(start, count.min(USER_PAGE))
    }

    /// The presence address: the presence address for `node` under SIP `domain` (`None`: not set), and for
    /// `user` when given, with the core's verdict and explanation.
    pub fn presence_address(&self, node: &str, domain: Option<&str>, user: Option<&str>) -> Presence {
        self.host.presence_address(node, domain, user)
    }

    /// Name resolution: resolve `name` as client profile `client` would, every attempt listed. An error
    /// names an unknown client.
    pub fn resolve(&self, name: &str, client: &str) -> Result<Resolution, String> {
        self.host.resolve(name, client)
    }

    /// SIP routing: route a request URI through the deployment's SIP proxy. An error explains a bad URI.
    pub fn route(&self, uri: &str) -> Result<Routing, String> {
        self.host.route(uri)
    }

    /// Jabber discovery (D8): what Jabber or Webex App on client profile `client` connects to
    /// when `address` (`user@domain`) signs in, and what the user sees. With no address it signs
    /// in as `uclint check` does: with the profile's `jabber.sign_in`, else anyone at the
    /// deployment's domain. An error names an unknown or non-Jabber profile, or a bad address.
    pub fn jabber_discovery(&self, client: &str, address: Option<&str>) -> Result<JabberDiscovery, String> {
        self.host.jabber_discovery(client, address)
    }
}

/// The iterator of [`Context::users`]: one host call per [`USER_PAGE`] users.
pub type Users<'a> = Pages<'a, User>;

/// The iterator of [`Context::placements`]: one host call per [`PLACEMENT_PAGE`] users.
pub type Placements<'a> = Pages<'a, Placement>;

/// Items of every user, fetched from the host a page at a time as the iterator advances.
#[derive(Debug)]
pub struct Pages<'a, T> {
    context: &'a Context,
    fetch: fn(&dyn Host, u32, u32) -> Vec<T>,
    page_size: u32,
    next: u32,
    total: u32,
    page: std::vec::IntoIter<T>,
}

impl<'a, T> Pages<'a, T> {
    fn new(context: &'a Context, page_size: u32, fetch: fn(&dyn Host, u32, u32) -> Vec<T>) -> Self {
        Pages {
            context,
            fetch,
            page_size,
            next: 0,
            total: context.user_count(),
            page: Vec::new().into_iter(),
        }
    }
}

impl<T> Iterator for Pages<'_, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if let Some(item) = self.page.next() {
            return Some(item);
        }
        if self.next >= self.total {
            return None;
        }
        let count = (self.total - self.next).min(self.page_size);
        let mut page = (self.fetch)(&*self.context.host, self.next, count);
        if page.is_empty() {
            // The host has fewer users than it counted: stop rather than ask forever.
            self.next = self.total;
            return None;
        }
        // A host answering more than asked is clamped to the page.
        page.truncate(count as usize);
        self.next = self.next.saturating_add(u32::try_from(page.len()).unwrap_or(u32::MAX));
        self.page = page.into_iter();
        self.page.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let buffered = self.page.len();
        let remaining = (self.total - self.next.min(self.total)) as usize;
        (buffered, Some(buffered + remaining))
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;

    /// A host with `total` users that records every page request.
    struct Counting {
        total: u32,
        pages: Rc<RefCell<Vec<(u32, u32)>>>,
    }

    impl Host for Counting {
        fn name(&self) -> String {
            "counting".into()
        }
        fn domain(&self) -> Option<String> {
            None
        }
        fn servers(&self) -> Vec<Server> {
            Vec::new()
        }
        fn clients(&self) -> Vec<Client> {
            Vec::new()
        }
        fn sip_proxy(&self) -> SipProxy {
            SipProxy::default()
        }
        fn user_count(&self) -> u32 {
            self.total
        }
        fn users(&self, start: u32, count: u32) -> Vec<User> {
            self.pages.borrow_mut().push((start, count));
            let end = start.saturating_add(count).min(self.total);
            (start..end).map(|i| User::new(format!("u{i}"))).collect()
        }
        fn placements(&self, start: u32, count: u32) -> Vec<Placement> {
            self.pages.borrow_mut().push((start, count));
            let end = start.saturating_add(count).min(self.total);
            // More than asked, to check that the iterator keeps to the page.
            (start..=end)
                .map(|i| Placement {
                    home_node: Some(i % 3),
                    presence_node: None,
                })
                .collect()
        }
        fn presence_address(&self, node: &str, _: Option<&str>, _: Option<&str>) -> Presence {
            Presence::new(node, "as-configured", "usable")
        }
        fn resolve(&self, name: &str, _: &str) -> Result<Resolution, String> {
            Ok(Resolution::new(name, None))
        }
        fn route(&self, _: &str) -> Result<Routing, String> {
            Err("no".into())
        }
        fn jabber_discovery(&self, client: &str, _: Option<&str>) -> Result<JabberDiscovery, String> {
            Err(format!("no client `{client}`"))
        }
    }

    #[test]
    fn placements_are_fetched_a_large_page_at_a_time_and_kept_to_it() {
        let pages = Rc::new(RefCell::new(Vec::new()));
        let context = Context::new(Counting {
            total: 250_001,
            pages: Rc::clone(&pages),
        });
        let placements: Vec<Placement> = context.placements().collect();
        assert_eq!(placements.len(), 250_001);
        assert_eq!(placements[100_000].home_node, Some(100_000 % 3));
        assert_eq!(placements[250_000].home_node, Some(250_000 % 3));
        assert_eq!(
            *pages.borrow(),
            [(0, PLACEMENT_PAGE), (100_000, PLACEMENT_PAGE), (200_000, 50_001)]
        );
    }

    #[test]
    fn users_are_fetched_page_by_page() {
        let pages = Rc::new(RefCell::new(Vec::new()));
        let context = Context::new(Counting {
            total: 25_001,
            pages: Rc::clone(&pages),
        });
        let mut users = context.users();
        assert_eq!(users.size_hint(), (0, Some(25_001)));
        assert_eq!(users.next().map(|u| u.cucm_id), Some("u0".to_owned()));
        assert_eq!(*pages.borrow(), [(0, USER_PAGE)]);
        let rest: Vec<User> = users.collect();
        assert_eq!(rest.len(), 25_000);
        assert_eq!(rest.last().map(|u| u.cucm_id.as_str()), Some("u25000"));
        assert_eq!(*pages.borrow(), [(0, 10_000), (10_000, 10_000), (20_000, 5_001)]);
    }

    #[test]
    fn a_host_short_of_users_ends_the_iteration() {
        struct Short;
        impl Host for Short {
            fn name(&self) -> String {
                String::new()
            }
            fn domain(&self) -> Option<String> {
                None
            }
            fn servers(&self) -> Vec<Server> {
                Vec::new()
            }
            fn clients(&self) -> Vec<Client> {
                Vec::new()
            }
            fn sip_proxy(&self) -> SipProxy {
                SipProxy::default()
            }
            fn user_count(&self) -> u32 {
                u32::MAX
            }
            fn users(&self, start: u32, _: u32) -> Vec<User> {
                if start == 0 {
                    vec![User::new("only")]
                } else {
                    Vec::new()
                }
            }
            fn placements(&self, start: u32, _: u32) -> Vec<Placement> {
                if start == 0 {
                    vec![Placement::default()]
                } else {
                    Vec::new()
                }
            }
            fn presence_address(&self, node: &str, _: Option<&str>, _: Option<&str>) -> Presence {
                Presence::new(node, "as-configured", "usable")
            }
            fn resolve(&self, name: &str, _: &str) -> Result<Resolution, String> {
                Ok(Resolution::new(name, None))
            }
            fn route(&self, _: &str) -> Result<Routing, String> {
                Err("no".into())
            }
            fn jabber_discovery(&self, client: &str, _: Option<&str>) -> Result<JabberDiscovery, String> {
                Err(format!("no client `{client}`"))
            }
        }
        let context = Context::new(Short);
        assert_eq!(context.users().count(), 1);
        assert_eq!(context.users_page(0, 50_000).len(), 1);
        assert_eq!(context.placements().count(), 1);
    }
}
