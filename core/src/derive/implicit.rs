//! The implicit names: the names endpoints use without being told, which is where name resolution bites.

use serde::Serialize;

use super::presence::presence_address;
use crate::model::{Client, ClientKind, Deployment, Role, User};

/// Why an endpoint uses a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Purpose {
    /// The IP phone Directory button opens `http://NODE:8080/ccmcip/xmldirectory.jsp`.
    DirectoryUrl,
    /// Attendant Console opens JTAPI to CUCM by node name, whatever address was typed at login.
    JtapiConnection,
    /// CUPC 7.x replaces the login server with the home node's node name after the first login.
    HomeNodeLogin,
    /// CUPC 7.0.x must resolve the presence address to register; 1.2.x did not need to.
    PresenceAddress,
}

impl Purpose {
    /// The purpose as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DirectoryUrl => "directory-url",
            Self::JtapiConnection => "jtapi-connection",
            Self::HomeNodeLogin => "home-node-login",
            Self::PresenceAddress => "presence-address",
        }
    }

    /// Why the endpoint uses this name, in one sentence.
    pub fn explain(self) -> &'static str {
        match self {
            Self::DirectoryUrl => "the phone's Directory button opens this URL on the CUCM node name",
            Self::JtapiConnection => {
                "Attendant Console connects JTAPI to CUCM by node name, whatever address was typed at login"
            }
            Self::HomeNodeLogin => "CUPC 7.x logs in to the home node's node name after the first login",
            Self::PresenceAddress => {
                "CUPC 7.x registers to the presence address and must resolve it; CUPC 1.2.x did not"
            }
        }
    }
}

/// One name an endpoint will resolve on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImplicitName {
    /// Why it is used.
    pub purpose: Purpose,
    /// The name (a node name).
    pub name: String,
    /// The server it belongs to (its node name).
    pub server: String,
    /// The URL built from it, when there is one.
    pub url: Option<String>,
}

/// The Directory URL an IP phone opens for a CUCM node name.
pub fn directory_url(node: &str) -> String {
    directory_url_at(node, 8080)
}

/// The Directory URL on `port`, for a CUCM node whose HTTP port is not the default 8080.
pub fn directory_url_at(node: &str, port: u16) -> String {
    // An IPv6 node name needs brackets in a URL.
    if node.contains(':') && !node.starts_with('[') {
        format!("http://[{node}]:{port}/ccmcip/xmldirectory.jsp")
    } else {
        format!("http://{node}:{port}/ccmcip/xmldirectory.jsp")
    }
}

/// The CUPS nodes a client's users log in to and register presence with, each listed once in
/// the order first met.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientNodes<'a> {
    /// Home nodes (node names).
    pub home: Vec<&'a str>,
    /// Presence nodes (node names).
    pub presence: Vec<&'a str>,
}

impl<'a> ClientNodes<'a> {
    /// Add one user's nodes.
    pub fn add(&mut self, user: &'a User) {
        for (list, node) in [
            (&mut self.home, user.home_node.as_deref()),
            (&mut self.presence, user.presence_node()),
        ] {
            // Node names are interned: the same node is almost always the same pointer, so
            // compare addresses first and bytes only for a name not seen that way.
            let known = |n: &&str| {
                list.iter()
                    .any(|l| std::ptr::eq(l.as_ptr(), n.as_ptr()) && l.len() == n.len())
                    || list.contains(n)
            };
            if let Some(node) = node.filter(|n| !known(n)) {
                list.push(node);
            }
        }
    }

    /// The nodes of `users`.
    pub fn of(users: impl IntoIterator<Item = &'a User>) -> Self {
        let mut nodes = Self::default();
        for user in users {
            nodes.add(user);
        }
        nodes
    }
}

/// The names `client` will use implicitly; for CUPC, those of `user` (or of every user of the
/// client when none is given), deduplicated in deployment order.
pub fn implicit_names(deployment: &Deployment, client: &Client, user: Option<&User>) -> Vec<ImplicitName> {
    let nodes = match user {
        Some(user) => ClientNodes::of([user]),
        None => ClientNodes::of(deployment.users.iter().filter(|u| u.uses_client(&client.id))),
    };
    implicit_names_of(deployment, client, &nodes)
}

/// The names `client` will use implicitly when its users use `nodes` (for callers that gathered
/// the nodes of every client in one pass over the users).
pub fn implicit_names_of(deployment: &Deployment, client: &Client, nodes: &ClientNodes<'_>) -> Vec<ImplicitName> {
    let mut names: Vec<ImplicitName> = Vec::new();
    let cucm = || deployment.servers_with(Role::Cucm);
    match client.kind {
        ClientKind::IpPhone => names.extend(cucm().map(|s| ImplicitName {
            purpose: Purpose::DirectoryUrl,
            name: s.node_name.clone(),
            server: s.node_name.clone(),
            url: Some(directory_url(&s.node_name)),
        })),
        ClientKind::AttendantConsole => names.extend(cucm().map(|s| ImplicitName {
            purpose: Purpose::JtapiConnection,
            name: s.node_name.clone(),
            server: s.node_name.clone(),
            url: None,
        })),
        ClientKind::Cupc if client.is_cupc7() => {
            let domain = deployment.sip_proxy.proxy_domain.as_deref();
            for home in &nodes.home {
                push_new(&mut names, Purpose::HomeNodeLogin, (*home).to_owned(), home);
            }
            for node in &nodes.presence {
                let address = presence_address(node, domain, None).address().to_owned();
                push_new(&mut names, Purpose::PresenceAddress, address, node);
            }
        }
        // Jabber and Webex App find their servers by service discovery: D8 (JAB005) judges
        // the names they use.
        ClientKind::JabberWindows | ClientKind::JabberMac | ClientKind::JabberMobile | ClientKind::WebexApp => {}
        ClientKind::Cupc | ClientKind::Moc | ClientKind::Other => {}
    }
    names
}

/// Add a name unless the same name for the same purpose is listed already.
fn push_new(names: &mut Vec<ImplicitName>, purpose: Purpose, name: String, server: &str) {
    if !names.iter().any(|n| n.purpose == purpose && n.name == name) {
        names.push(ImplicitName {
            purpose,
            name,
            server: server.to_owned(),
            url: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directory_url_uses_the_node_name() {
        assert_eq!(directory_url("ccm-1"), "http://ccm-1:8080/ccmcip/xmldirectory.jsp");
        assert_eq!(
            directory_url("10.1.1.10"),
            "http://10.1.1.10:8080/ccmcip/xmldirectory.jsp"
        );
        assert_eq!(
            directory_url("fd00::10"),
            "http://[fd00::10]:8080/ccmcip/xmldirectory.jsp"
        );
        assert_eq!(
            directory_url_at("ccm-1", 61080),
            "http://ccm-1:61080/ccmcip/xmldirectory.jsp"
        );
    }
}
