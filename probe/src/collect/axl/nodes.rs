//! Process nodes (System > Servers) as servers: the node name, the hostname and domain when the
//! node name is a fully qualified host name, the address when it is one, and the role
//! (`processNodeRole`: `CUCM Voice/Video` is CUCM, `CUCM IM and Presence` is IM&P).

use std::net::IpAddr;

use uclint_core::model::{Role, Server};

use super::xml::Element;

/// The process node CUCM keeps for enterprise-wide settings: not a server.
const ENTERPRISE_WIDE: &str = "EnterpriseWideData";
/// The role of a CUCM node.
const CUCM_ROLE: &str = "CUCM Voice/Video";
/// The role of an IM and Presence node.
const PRESENCE_ROLE: &str = "CUCM IM and Presence";

/// One process node as AXL gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The server, in the model's terms.
    pub server: Server,
    /// `nodeUsage` says Publisher.
    pub publisher: bool,
}

/// The nodes of a `listProcessNodeResponse`, or why one cannot be read.
pub fn read(response: &Element) -> Result<Vec<Node>, String> {
    let list = response.child("return").ok_or("no <return> element")?;
    let mut nodes = Vec::new();
    for node in list.all("processNode") {
        let name = node.text_of("name").ok_or("a <processNode> without a <name>")?;
        if name == ENTERPRISE_WIDE {
            continue;
        }
        let role = match node.text_of("processNodeRole") {
            Some(CUCM_ROLE) | None => Role::Cucm,
            Some(PRESENCE_ROLE) => Role::Cups,
            Some(other) => {
                return Err(format!(
                    "process node `{name}` has a role uclint does not know: `{other}`"
                ));
            }
        };
        nodes.push(Node {
            server: server(name, role),
            publisher: node.text_of("nodeUsage") == Some("Publisher"),
        });
    }
    Ok(nodes)
}

/// The server a node name describes. A name that is an address gives the address; a name with
/// dots gives the hostname (its first label) and the domain (the rest), as CUCM's install does
/// when the node name is the FQHN; a bare name is the hostname itself.
pub fn server(name: &str, role: Role) -> Server {
    let (hostname, domain, addresses) = match name.parse::<IpAddr>() {
        Ok(address) => (None, None, vec![address]),
        Err(_) => match name.trim_end_matches('.').split_once('.') {
            Some((host, domain)) => (Some(host.to_owned()), Some(domain.to_owned()), Vec::new()),
            None => (None, None, Vec::new()),
        },
    };
    Server {
        hostname,
        domain,
        addresses,
        ..Server::new(name, vec![role])
    }
}

/// The domain every node with a qualified name shares, when they all share one.
pub fn common_domain(nodes: &[Node]) -> Option<String> {
    let mut domains = nodes.iter().filter_map(|n| n.server.domain.as_deref());
    let first = domains.next()?;
    domains.all(|d| d == first).then(|| first.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_hostnames_domains_or_addresses() {
        let fqhn = server("cucm-1.acme.com", Role::Cucm);
        assert_eq!(fqhn.hostname.as_deref(), Some("cucm-1"));
        assert_eq!(fqhn.domain.as_deref(), Some("acme.com"));
        let ip = server("10.1.1.5", Role::Cups);
        assert_eq!(ip.addresses, ["10.1.1.5".parse::<IpAddr>().unwrap()]);
        assert_eq!(ip.hostname, None);
        let bare = server("cups-1", Role::Cups);
        assert_eq!((bare.hostname.as_deref(), bare.domain.as_deref()), (None, None));
        assert_eq!(bare.hostname(), "cups-1");
    }
}
