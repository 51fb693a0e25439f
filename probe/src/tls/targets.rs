//! Which TLS ports the probe asks: each TLS listener of each server (HTTPS, SIP over TLS, IMAPS),
//! and the directory's LDAPS ports (636, 3269) when the LDAP integration uses TLS; each with the
//! setting of the deployment file that says a TLS service listens there. Another LDAP port with
//! TLS speaks StartTLS first ([`crate::ldap::Security`]): the LDAP probe's business.

use uclint_core::model::{Deployment, Listener, Path, Ports, Server};

use crate::Setting;
use crate::ldap::Security;

/// One TLS port of one server.
#[derive(Debug, Clone)]
pub struct TlsPort {
    /// The server, as the deployment writes it.
    pub server: Server,
    /// The service (`https`, `sip-tls`, `imaps`, `ldaps`).
    pub service: &'static str,
    /// The port.
    pub port: u16,
    /// The setting that says the service listens there.
    pub setting: Setting,
}

/// Every TLS port of `deployment`, each (server, port) once, in the deployment's order.
pub fn tls_ports(deployment: &Deployment) -> Vec<TlsPort> {
    let mut ports: Vec<TlsPort> = Vec::new();
    for (index, server) in deployment.servers.iter().enumerate() {
        for (listener, port) in server.listeners().filter(|(l, _)| l.is_tls()) {
            let setting = listener_setting(deployment, index, server, listener, port);
            push(&mut ports, server, listener.as_str(), port, setting);
        }
    }
    if let Some(ldap) = deployment.ldap.as_ref().filter(|l| l.tls) {
        if let Some(server) = deployment.server(&ldap.server) {
            let ldaps = [("sync_port", ldap.sync_port), ("auth_port", ldap.auth_port)]
                .into_iter()
                .filter(|(_, port)| Security::of(true, *port) == Security::Ldaps);
            for (key, port) in ldaps {
                let path = Path::default().key("ldap").key(key);
                let setting = Setting {
                    name: path.to_string(),
                    says: format!("{port}, with tls = true"),
                    location: deployment.source_map.locate(&path).or_else(|| ldap.location.clone()),
                };
                push(&mut ports, server, "ldaps", port, setting);
            }
        }
    }
    ports
}

fn push(ports: &mut Vec<TlsPort>, server: &Server, service: &'static str, port: u16, setting: Setting) {
    if ports
        .iter()
        .any(|p| p.server.node_name == server.node_name && p.port == port)
    {
        return;
    }
    ports.push(TlsPort {
        server: server.clone(),
        service,
        port,
        setting,
    });
}

/// `servers[i].ports.LISTENER` when the file writes it, else `servers[i].roles`, whose default it is.
pub fn listener_setting(
    deployment: &Deployment,
    index: usize,
    server: &Server,
    listener: Listener,
    port: u16,
) -> Setting {
    let at = Path::default().key("servers").index(index);
    let name = listener.as_str();
    let (path, says) = if written(&server.ports, listener).is_some() {
        (at.key("ports").key(name), port.to_string())
    } else {
        let roles: Vec<&str> = server.roles.iter().map(|r| r.as_str()).collect();
        (
            at.key("roles"),
            format!("[{}], whose default {name} port is {port}", roles.join(", ")),
        )
    };
    Setting {
        name: path.to_string(),
        says,
        location: deployment.source_map.locate(&path).or_else(|| server.location.clone()),
    }
}

/// The port the file writes for `listener`, not a role's default.
fn written(ports: &Ports, listener: Listener) -> Option<u16> {
    match listener {
        Listener::Http => ports.http,
        Listener::Https => ports.https,
        Listener::Sip => ports.sip,
        Listener::SipTls => ports.sip_tls,
        Listener::Imap => ports.imap,
        Listener::Imaps => ports.imaps,
    }
}

#[cfg(test)]
mod tests {
    use uclint_core::model::{Ldap, Role};

    use super::*;

    fn server(node: &str, roles: Vec<Role>, ports: Ports) -> Server {
        Server {
            ports,
            ..Server::new(node, roles)
        }
    }

    fn ldap(server: &str, tls: bool, sync_port: u16, auth_port: u16) -> Ldap {
        Ldap {
            server: server.to_owned(),
            synchronization: true,
            authentication: true,
            sync_port,
            auth_port,
            tls,
            base: None,
            directory_size: None,
            certificates: Vec::new(),
            cupc_profile: None,
            location: None,
        }
    }

    fn listed(ports: &[TlsPort]) -> Vec<(String, &str, u16, String)> {
        ports
            .iter()
            .map(|p| (p.server.node_name.clone(), p.service, p.port, p.setting.name.clone()))
            .collect()
    }

    #[test]
    fn tls_listeners_of_each_server_and_ldaps_once_per_port() {
        let deployment = Deployment {
            servers: vec![
                server(
                    "cups-1",
                    vec![Role::Cups],
                    Ports {
                        https: Some(61443),
                        ..Ports::default()
                    },
                ),
                server("mail", vec![Role::Exchange], Ports::default()),
                server("dc", vec![Role::Ldap], Ports::default()),
            ],
            ldap: Some(ldap("dc", true, 636, 636)),
            ..Deployment::default()
        };
        let ports = tls_ports(&deployment);
        let found = listed(&ports);
        let expected = [
            ("cups-1", "https", 61443, "servers[0].ports.https"),
            ("cups-1", "sip-tls", 5061, "servers[0].roles"),
            ("mail", "https", 443, "servers[1].roles"),
            ("mail", "imaps", 993, "servers[1].roles"),
            ("dc", "ldaps", 636, "ldap.sync_port"),
        ];
        let expected: Vec<(String, &str, u16, String)> = expected
            .iter()
            .map(|(s, l, p, n)| ((*s).to_owned(), *l, *p, (*n).to_owned()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn plain_ldap_is_not_asked_and_two_ldaps_ports_are() {
        let mut deployment = Deployment {
            servers: vec![server("dc", vec![Role::Ldap], Ports::default())],
            ldap: Some(ldap("dc", false, 389, 389)),
            ..Deployment::default()
        };
        assert!(tls_ports(&deployment).is_empty());
        deployment.ldap = Some(ldap("dc", true, 636, 3269));
        let ports: Vec<u16> = tls_ports(&deployment).iter().map(|p| p.port).collect();
        assert_eq!(ports, [636, 3269]);
        // StartTLS ports: TLS only after an LDAP exchange, which the LDAP probe has.
        deployment.ldap = Some(ldap("dc", true, 3268, 389));
        assert!(tls_ports(&deployment).is_empty());
    }
}
