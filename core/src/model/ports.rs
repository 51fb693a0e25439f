//! The ports a server's services listen on: the defaults of its roles, unless the deployment
//! says otherwise (a lab, a proxy on a non-standard port, a test on loopback).

use serde::{Deserialize, Serialize};

use super::server::{Role, Server};

/// A service a server may offer over TCP or UDP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Listener {
    /// Plain HTTP (CUCM's phone directory on 8080, Exchange's 80).
    Http,
    /// HTTPS (CUCM/CUPS Tomcat on 8443, Exchange and Unity Connection on 443).
    Https,
    /// SIP over UDP and TCP (5060).
    Sip,
    /// SIP over TLS (5061).
    SipTls,
    /// IMAP, plain text with STARTTLS (143).
    Imap,
    /// IMAP over TLS (993).
    Imaps,
}

impl Listener {
    /// Every listener.
    pub const ALL: [Listener; 6] = [
        Self::Http,
        Self::Https,
        Self::Sip,
        Self::SipTls,
        Self::Imap,
        Self::Imaps,
    ];

    /// The listener as the deployment writes it (`sip-tls`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Http => "http",
            Self::Https => "https",
            Self::Sip => "sip",
            Self::SipTls => "sip-tls",
            Self::Imap => "imap",
            Self::Imaps => "imaps",
        }
    }

    /// Whether the service speaks TLS from the first byte.
    pub const fn is_tls(self) -> bool {
        matches!(self, Self::Https | Self::SipTls | Self::Imaps)
    }
}

/// Ports that differ from the defaults of the server's roles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Ports {
    /// Plain HTTP.
    #[serde(default)]
    pub http: Option<u16>,
    /// HTTPS.
    #[serde(default)]
    pub https: Option<u16>,
    /// SIP over UDP and TCP.
    #[serde(default)]
    pub sip: Option<u16>,
    /// SIP over TLS.
    #[serde(default)]
    pub sip_tls: Option<u16>,
    /// IMAP.
    #[serde(default)]
    pub imap: Option<u16>,
    /// IMAP over TLS.
    #[serde(default)]
    pub imaps: Option<u16>,
}

impl Ports {
    fn get(&self, listener: Listener) -> Option<u16> {
        match listener {
            Listener::Http => self.http,
            Listener::Https => self.https,
            Listener::Sip => self.sip,
            Listener::SipTls => self.sip_tls,
            Listener::Imap => self.imap,
            Listener::Imaps => self.imaps,
        }
    }
}

/// The port a role's product listens on for `listener` by default, if it offers it.
fn default_port(role: Role, listener: Listener) -> Option<u16> {
    use Listener::*;
    match (role, listener) {
        (Role::Cucm, Http) => Some(8080),
        (Role::Cucm | Role::Cups, Https) => Some(8443),
        (Role::Cucm | Role::Cups, Sip) => Some(5060),
        (Role::Cucm | Role::Cups, SipTls) => Some(5061),
        (Role::Exchange, Http) => Some(80),
        (Role::Exchange | Role::Unity | Role::UnityConnection, Https) => Some(443),
        (Role::Exchange | Role::UnityConnection, Imap) => Some(143),
        (Role::Exchange | Role::UnityConnection, Imaps) => Some(993),
        _ => None,
    }
}

impl Server {
    /// The port this server offers `listener` on: the deployment's `ports`, else the default of
    /// its first role that offers it; `None` when none of its roles does.
    pub fn port(&self, listener: Listener) -> Option<u16> {
        self.ports
            .get(listener)
            .or_else(|| self.roles.iter().find_map(|role| default_port(*role, listener)))
    }

    /// Every listener this server offers, with its port.
    pub fn listeners(&self) -> impl Iterator<Item = (Listener, u16)> + '_ {
        Listener::ALL
            .into_iter()
            .filter_map(|listener| self.port(listener).map(|port| (listener, port)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(roles: Vec<Role>, ports: Ports) -> Server {
        Server {
            ports,
            ..Server::new("n", roles)
        }
    }

    #[test]
    fn roles_give_the_products_ports_and_the_deployment_overrides_them() {
        let cups = server(vec![Role::Cups], Ports::default());
        assert_eq!(cups.port(Listener::SipTls), Some(5061));
        assert_eq!(cups.port(Listener::Imap), None);
        let lab = server(
            vec![Role::Cups],
            Ports {
                sip: Some(61060),
                ..Ports::default()
            },
        );
        assert_eq!(lab.port(Listener::Sip), Some(61060));
        assert_eq!(lab.port(Listener::Https), Some(8443));
        let exchange = server(vec![Role::Exchange], Ports::default());
        let offered: Vec<(Listener, u16)> = exchange.listeners().collect();
        assert_eq!(
            offered,
            [
                (Listener::Http, 80),
                (Listener::Https, 443),
                (Listener::Imap, 143),
                (Listener::Imaps, 993)
            ]
        );
        assert!(Listener::Imaps.is_tls() && !Listener::Imap.is_tls());
    }
}
