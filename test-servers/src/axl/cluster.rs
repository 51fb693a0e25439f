//! The small CUCM cluster the AXL stand-in describes: process nodes, end users, the LDAP
//! integration and IM&P's SIP proxy, as plain data the tests can compare a collection with.

/// `processNodeRole` of a CUCM node.
pub const CUCM: &str = "CUCM Voice/Video";
/// `processNodeRole` of an IM and Presence node.
pub const IM_AND_PRESENCE: &str = "CUCM IM and Presence";

/// One process node (System > Servers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxlNode {
    /// The node name.
    pub name: &'static str,
    /// `Publisher` or `Subscriber`.
    pub usage: &'static str,
    /// [`CUCM`] or [`IM_AND_PRESENCE`].
    pub role: &'static str,
}

/// One end user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxlUser {
    /// The user id.
    pub userid: &'static str,
    /// First name.
    pub first_name: Option<&'static str>,
    /// Last name.
    pub last_name: &'static str,
    /// Telephone number.
    pub telephone_number: Option<&'static str>,
    /// Whether the End User page has Digest Credentials set.
    pub digest_credential: bool,
}

/// One IM&P static route, as IM&P's `staticroute` table holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxlRoute {
    /// Destination pattern.
    pub pattern: &'static str,
    /// `user` or `domain`.
    pub route_type: &'static str,
    /// Next hop.
    pub next_hop: &'static str,
    /// Next hop port.
    pub port: u16,
    /// `UDP`, `TCP` or `TLS`.
    pub protocol: &'static str,
    /// Priority.
    pub priority: u16,
    /// Weight.
    pub weight: u16,
    /// In service.
    pub in_service: bool,
    /// Block route.
    pub block: bool,
    /// Allow less specific.
    pub allow_less_specific: bool,
}

/// One directory server of an LDAP page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxlLdapServer {
    /// Host name.
    pub host: &'static str,
    /// Port.
    pub port: u16,
    /// LDAPS.
    pub ssl: bool,
}

/// The cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxlCluster {
    /// Process nodes, `EnterpriseWideData` first as CUCM lists it.
    pub nodes: Vec<AxlNode>,
    /// End users, in the order `listUser` gives them.
    pub users: Vec<AxlUser>,
    /// The `Cisco SIP Proxy` service's parameters (name, value) on the IM&P publisher.
    pub sip_proxy_parameters: Vec<(&'static str, &'static str)>,
    /// The IM&P node those parameters belong to.
    pub presence_publisher: &'static str,
    /// Static routes.
    pub routes: Vec<AxlRoute>,
    /// Incoming ACL address patterns.
    pub incoming_acl: Vec<&'static str>,
    /// The LDAP directory agreement: name, user search base, servers.
    pub directory: (&'static str, &'static str, Vec<AxlLdapServer>),
    /// LDAP System: synchronization on.
    pub ldap_sync: bool,
    /// LDAP Authentication: on, search base, servers.
    pub ldap_authentication: (bool, &'static str, Vec<AxlLdapServer>),
}

impl AxlCluster {
    /// Two CUCM nodes and one named by address, two IM&P nodes, seven users (some with a digest
    /// credential, one without a first name or telephone number), Active Directory, a proxy
    /// domain, three static routes and two incoming ACL entries.
    pub fn fixture() -> Self {
        let node = |name, usage, role| AxlNode { name, usage, role };
        let user = |userid, first_name, last_name, telephone_number, digest_credential| AxlUser {
            userid,
            first_name,
            last_name,
            telephone_number,
            digest_credential,
        };
        let dc = |host, port, ssl| AxlLdapServer { host, port, ssl };
        Self {
            nodes: vec![
                node("EnterpriseWideData", "Publisher", CUCM),
                node("cucm-pub.acme.com", "Publisher", CUCM),
                node("cucm-sub1.acme.com", "Subscriber", CUCM),
                node("10.1.10.13", "Subscriber", CUCM),
                node("cups-1.acme.com", "Publisher", IM_AND_PRESENCE),
                node("cups-2.acme.com", "Subscriber", IM_AND_PRESENCE),
            ],
            users: vec![
                user("alice", Some("Alice"), "Archer", Some("+1 408 555 0101"), true),
                user("bob", Some("Bob"), "Baker", Some("1002"), false),
                user("carol", Some("Carol"), "Cooper", Some("1003"), true),
                user("dave", None, "Dunn", None, false),
                user("eve.o'neil", Some("Eve"), "O'Neil & Sons", Some("1005"), true),
                user("frank", Some("Frank"), "Fisher", Some("1006"), false),
                user("grace", Some("Grace"), "Gómez", Some("1007"), true),
            ],
            sip_proxy_parameters: vec![
                ("ProxyDomain", "acme.com"),
                ("SIPTCPPort", "5060"),
                ("SIPTLSPort", "5061"),
            ],
            presence_publisher: "cups-1.acme.com",
            routes: vec![
                AxlRoute {
                    pattern: ".com.partner.*",
                    route_type: "domain",
                    next_hop: "sbc.acme.com",
                    port: 5061,
                    protocol: "TLS",
                    priority: 1,
                    weight: 10,
                    in_service: true,
                    block: false,
                    allow_less_specific: false,
                },
                AxlRoute {
                    pattern: "1...",
                    route_type: "user",
                    next_hop: "10.1.10.11",
                    port: 5060,
                    protocol: "TCP",
                    priority: 2,
                    weight: 20,
                    in_service: true,
                    block: false,
                    allow_less_specific: true,
                },
                AxlRoute {
                    pattern: ".com.blocked.*",
                    route_type: "domain",
                    next_hop: "",
                    port: 5060,
                    protocol: "UDP",
                    priority: 3,
                    weight: 10,
                    in_service: false,
                    block: true,
                    allow_less_specific: false,
                },
            ],
            incoming_acl: vec!["10.1.10.*", "cucm-pub.acme.com"],
            directory: (
                "ACME AD",
                "ou=Users,dc=acme,dc=com",
                vec![dc("dc1.acme.com", 389, false)],
            ),
            ldap_sync: true,
            ldap_authentication: (true, "ou=Users,dc=acme,dc=com", vec![dc("dc1.acme.com", 3268, false)]),
        }
    }
}
