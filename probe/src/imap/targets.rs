//! Which IMAP ports the probe asks: each voicemail server (the servers the voicemail profiles
//! name; with Cisco Unity, every Exchange server too, since Unity keeps voicemail there), on the
//! profiles' ports and on the server's own IMAP (143) and IMAPS (993) ports, each port once.

use uclint_core::model::{Deployment, Listener, Role, Server, VoicemailSystem};

/// One voicemail server and the ports to ask it on.
#[derive(Debug, Clone)]
pub struct ImapServer {
    /// Its index in `servers` (for the settings it names).
    pub index: usize,
    /// The server, as the deployment writes it.
    pub server: Server,
    /// Its IMAP ports, the profiles' first.
    pub ports: Vec<ImapPort>,
}

/// One IMAP port of one server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImapPort {
    /// The port.
    pub port: u16,
    /// Whether TLS starts with the first byte (IMAPS); otherwise plain text, maybe STARTTLS.
    pub tls: bool,
    /// Why the probe asks there, for the evidence (`voicemail.profiles[0] uses it`).
    pub why: String,
    /// The voicemail profiles (indexes) that use it.
    pub profiles: Vec<usize>,
}

impl ImapPort {
    /// `IMAP on 143` or `IMAPS on 993`.
    pub fn label(&self) -> String {
        format!("{} on {}", if self.tls { "IMAPS" } else { "IMAP" }, self.port)
    }
}

/// Every voicemail server of `deployment`, in the deployment's order.
pub fn imap_servers(deployment: &Deployment) -> Vec<ImapServer> {
    let Some(voicemail) = &deployment.voicemail else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (index, server) in deployment.servers.iter().enumerate() {
        let profiles: Vec<(usize, u16)> = voicemail
            .profiles
            .iter()
            .enumerate()
            .filter(|(_, p)| p.server == server.node_name)
            .map(|(i, p)| (i, p.port))
            .collect();
        let mailbox = voicemail.system == VoicemailSystem::Unity && server.has_role(Role::Exchange);
        if profiles.is_empty() && !mailbox {
            continue;
        }
        let mut ports: Vec<ImapPort> = Vec::new();
        for (profile, port) in profiles {
            match ports.iter_mut().find(|p| p.port == port) {
                Some(known) => known.profiles.push(profile),
                None => ports.push(ImapPort {
                    port,
                    tls: is_tls(server, port),
                    why: format!("voicemail.profiles[{profile}] uses it"),
                    profiles: vec![profile],
                }),
            }
        }
        for listener in [Listener::Imap, Listener::Imaps] {
            let Some(port) = server.port(listener) else {
                continue;
            };
            if ports.iter().any(|p| p.port == port) {
                continue;
            }
            ports.push(ImapPort {
                port,
                tls: listener.is_tls(),
                why: listener_origin(index, server, listener),
                profiles: Vec::new(),
            });
        }
        found.push(ImapServer {
            index,
            server: server.clone(),
            ports,
        });
    }
    found
}

/// Whether `port` of `server` starts with TLS: its IMAPS port does, its IMAP port does not;
/// another port as CUPC's profile reads it (993 is SSL, anything else plain text).
fn is_tls(server: &Server, port: u16) -> bool {
    if server.port(Listener::Imaps) == Some(port) {
        return true;
    }
    if server.port(Listener::Imap) == Some(port) {
        return false;
    }
    port == 993
}

/// Where the deployment gives `server` this listener: its `ports`, or a role's default.
fn listener_origin(index: usize, server: &Server, listener: Listener) -> String {
    let name = listener.as_str();
    let written = match listener {
        Listener::Imaps => server.ports.imaps,
        _ => server.ports.imap,
    };
    if written.is_some() {
        return format!(
            "the server's {} port (`servers[{index}].ports.{name}`)",
            name.to_uppercase()
        );
    }
    let role = server
        .roles
        .iter()
        .find(|r| matches!(r, Role::Exchange | Role::UnityConnection))
        .map_or("its role", |r| r.as_str());
    format!("the default {} port of {role}", name.to_uppercase())
}

#[cfg(test)]
mod tests {
    use uclint_core::model::{Ports, Voicemail, VoicemailProfile};

    use super::*;

    fn server(node: &str, roles: Vec<Role>, ports: Ports) -> Server {
        Server {
            ports,
            ..Server::new(node, roles)
        }
    }

    fn profile(server: &str, port: u16) -> VoicemailProfile {
        VoicemailProfile {
            server: server.to_owned(),
            port,
            location: None,
        }
    }

    fn listed(deployment: &Deployment) -> Vec<(String, u16, bool, Vec<usize>)> {
        imap_servers(deployment)
            .into_iter()
            .flat_map(|s| {
                let node = s.server.node_name.clone();
                s.ports
                    .into_iter()
                    .map(move |p| (node.clone(), p.port, p.tls, p.profiles))
            })
            .collect()
    }

    #[test]
    fn profiles_ports_first_then_both_imap_ports_once() {
        let deployment = Deployment {
            servers: vec![
                server("cups-1", vec![Role::Cups], Ports::default()),
                server("mail-1", vec![Role::Exchange], Ports::default()),
                server(
                    "mail-2",
                    vec![Role::Exchange],
                    Ports {
                        imaps: Some(61993),
                        ..Ports::default()
                    },
                ),
                server("unity", vec![Role::Unity], Ports::default()),
            ],
            voicemail: Some(Voicemail {
                system: VoicemailSystem::Unity,
                profiles: vec![profile("mail-1", 993), profile("mail-1", 993), profile("unity", 143)],
                captured_capability: None,
                location: None,
            }),
            ..Deployment::default()
        };
        let expected = [
            ("mail-1", 993, true, vec![0, 1]),
            ("mail-1", 143, false, vec![]),
            ("mail-2", 143, false, vec![]),
            ("mail-2", 61993, true, vec![]),
            ("unity", 143, false, vec![2]),
        ];
        let expected: Vec<_> = expected
            .into_iter()
            .map(|(n, p, t, v)| (n.to_owned(), p, t, v))
            .collect();
        assert_eq!(listed(&deployment), expected);
        let mail_2 = &imap_servers(&deployment)[1];
        assert_eq!(
            mail_2.ports[1].why,
            "the server's IMAPS port (`servers[2].ports.imaps`)"
        );
        assert_eq!(mail_2.ports[0].why, "the default IMAP port of exchange");
    }

    #[test]
    fn unity_connection_is_asked_only_where_a_profile_points() {
        let mut deployment = Deployment {
            servers: vec![
                server("cuc-1", vec![Role::UnityConnection], Ports::default()),
                server("cuc-2", vec![Role::UnityConnection], Ports::default()),
            ],
            voicemail: Some(Voicemail {
                system: VoicemailSystem::UnityConnection,
                profiles: vec![profile("cuc-1", 7993)],
                captured_capability: None,
                location: None,
            }),
            ..Deployment::default()
        };
        let ports: Vec<(String, u16, bool, Vec<usize>)> = listed(&deployment);
        assert_eq!(
            ports,
            [
                ("cuc-1".to_owned(), 7993, false, vec![0]),
                ("cuc-1".to_owned(), 143, false, vec![]),
                ("cuc-1".to_owned(), 993, true, vec![]),
            ]
        );
        deployment.voicemail = None;
        assert!(imap_servers(&deployment).is_empty());
    }
}
