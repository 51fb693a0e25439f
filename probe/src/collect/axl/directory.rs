//! The directory integration: the LDAP directory agreement (`listLdapDirectory`, then
//! `getLdapDirectory` for its servers), LDAP System (`getLdapSystem`: synchronization on or off)
//! and LDAP Authentication (`getLdapAuthentication`). Passwords of these pages are never asked
//! for: the requests name the tags they want, and `ldapPassword` is not among them.

use uclint_core::model::{Ldap, Role, Server};

use super::nodes;
use super::sql::boolean;
use super::xml::Element;

/// The LDAP port when AXL gives none.
const LDAP_PORT: u16 = 389;

/// One directory server of an agreement or of LDAP Authentication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Host {
    /// Its host name or address.
    pub name: String,
    /// Its port.
    pub port: u16,
    /// Whether CUCM speaks LDAPS to it.
    pub tls: bool,
}

/// What one of the pages says: a search base and servers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Whether the page is on (LDAP Authentication's `authenticateEndUsers`; agreements are on).
    pub on: bool,
    /// The user search base.
    pub base: Option<String>,
    /// Its servers, in order.
    pub hosts: Vec<Host>,
}

/// The agreement names of a `listLdapDirectoryResponse`.
pub fn agreement_names(response: &Element) -> Result<Vec<String>, String> {
    let list = response.child("return").ok_or("no <return> element")?;
    list.all("ldapDirectory")
        .map(|d| {
            d.text_of("name")
                .map(str::to_owned)
                .ok_or_else(|| "an agreement without a name".to_owned())
        })
        .collect()
}

/// The agreement of a `getLdapDirectoryResponse`.
pub fn agreement(response: &Element) -> Result<Page, String> {
    let directory = response
        .path(&["return", "ldapDirectory"])
        .ok_or("no <return><ldapDirectory>")?;
    Ok(Page {
        on: true,
        base: directory.text_of("userSearchBase").map(str::to_owned),
        hosts: hosts(directory)?,
    })
}

/// LDAP System's `syncEnabled` in a `getLdapSystemResponse`.
pub fn synchronization(response: &Element) -> Result<bool, String> {
    let system = response
        .path(&["return", "ldapSystem"])
        .ok_or("no <return><ldapSystem>")?;
    system.text_of("syncEnabled").map_or(Ok(false), boolean)
}

/// LDAP Authentication in a `getLdapAuthenticationResponse`.
pub fn authentication(response: &Element) -> Result<Page, String> {
    let page = response
        .path(&["return", "ldapAuthentication"])
        .ok_or("no <return><ldapAuthentication>")?;
    Ok(Page {
        on: page.text_of("authenticateEndUsers").map_or(Ok(false), boolean)?,
        base: page.text_of("userSearchBase").map(str::to_owned),
        hosts: hosts(page)?,
    })
}

fn hosts(page: &Element) -> Result<Vec<Host>, String> {
    let Some(servers) = page.child("servers") else {
        return Ok(Vec::new());
    };
    servers
        .all("server")
        .map(|server| {
            let name = server.text_of("hostName").ok_or("an LDAP server without a host name")?;
            let port = match server.text_of("ldapPortNumber") {
                Some(port) => port
                    .parse()
                    .map_err(|_| format!("LDAP server `{name}`: port `{port}` is not a number"))?,
                None => LDAP_PORT,
            };
            let tls = server.text_of("sslEnabled").map_or(Ok(false), boolean)?;
            Ok(Host {
                name: name.to_owned(),
                port,
                tls,
            })
        })
        .collect()
}

/// The model's LDAP section and the directory servers it names (role `ldap`), from the first
/// agreement (if any), LDAP System and LDAP Authentication. `None` when CUCM neither
/// synchronizes from nor authenticates against a directory.
pub fn ldap(agreement: Option<&Page>, synchronization: bool, authentication: &Page) -> (Option<Ldap>, Vec<Server>) {
    let sync_host = agreement.and_then(|a| a.hosts.first());
    let auth_host = authentication.on.then(|| authentication.hosts.first()).flatten();
    let Some(main) = sync_host.or(auth_host) else {
        return (None, Vec::new());
    };
    let mut servers: Vec<Server> = Vec::new();
    for host in [sync_host, auth_host].into_iter().flatten() {
        if !servers.iter().any(|s| s.node_name == host.name) {
            servers.push(nodes::server(&host.name, Role::Ldap));
        }
    }
    let ldap = Ldap {
        server: main.name.clone(),
        synchronization: synchronization && sync_host.is_some(),
        authentication: authentication.on,
        sync_port: sync_host.map_or(LDAP_PORT, |h| h.port),
        auth_port: auth_host.or(sync_host).map_or(LDAP_PORT, |h| h.port),
        tls: main.tls,
        base: agreement
            .and_then(|a| a.base.clone())
            .or_else(|| authentication.base.clone()),
        directory_size: None,
        certificates: Vec::new(),
        cupc_profile: None,
        location: None,
    };
    (Some(ldap), servers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(name: &str, port: u16, tls: bool) -> Host {
        Host {
            name: name.to_owned(),
            port,
            tls,
        }
    }

    #[test]
    fn authentication_alone_still_names_the_directory() {
        let auth = Page {
            on: true,
            base: Some("dc=acme,dc=com".to_owned()),
            hosts: vec![host("gc.acme.com", 3269, true)],
        };
        let (ldap, servers) = ldap(None, true, &auth);
        let ldap = ldap.unwrap();
        assert_eq!(ldap.server, "gc.acme.com");
        assert!(!ldap.synchronization, "no agreement, nothing synchronized");
        assert!(ldap.authentication && ldap.tls);
        assert_eq!((ldap.sync_port, ldap.auth_port), (389, 3269));
        assert_eq!(ldap.base.as_deref(), Some("dc=acme,dc=com"));
        assert_eq!(servers.len(), 1);
        assert_eq!(servers[0].roles, [Role::Ldap]);
    }

    #[test]
    fn no_agreement_and_authentication_off_is_no_ldap_section() {
        let off = Page {
            on: false,
            base: None,
            hosts: vec![host("dc1", 389, false)],
        };
        assert_eq!(ldap(None, true, &off), (None, Vec::new()));
    }

    #[test]
    fn two_hosts_become_two_servers() {
        let agreement = Page {
            on: true,
            base: None,
            hosts: vec![host("dc1.acme.com", 389, false)],
        };
        let auth = Page {
            on: true,
            base: None,
            hosts: vec![host("gc.acme.com", 3268, false)],
        };
        let (ldap, servers) = ldap(Some(&agreement), true, &auth);
        assert_eq!(ldap.unwrap().server, "dc1.acme.com");
        let names: Vec<&str> = servers.iter().map(|s| s.node_name.as_str()).collect();
        assert_eq!(names, ["dc1.acme.com", "gc.acme.com"]);
    }
}
