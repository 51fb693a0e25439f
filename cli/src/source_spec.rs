//! `--from KIND=VALUE[,KEY=VALUE...]`: one source to collect from, as the command line names it.
//! A distinguished name keeps its commas (`base=ou=people,dc=acme,dc=com`): a piece starts a new
//! option only when it begins with one of the source's own keys.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::str::FromStr;

use uclint_core::collect::SourceKind;
use uclint_core::model::ClientKind;

/// One `--from`.
#[derive(Debug, Clone, PartialEq)]
pub enum Spec {
    /// `ldap=URL,base=DN[,bind=DN][,filter=F][,starttls]`.
    Ldap {
        url: String,
        base: String,
        bind: Option<String>,
        filter: Option<String>,
        starttls: bool,
    },
    /// `axfr=ZONE@IP[:PORT]`.
    Axfr { zone: String, server: SocketAddr },
    /// `axl=https://HOST:8443[,user=NAME][,presence=https://IMP:8443]`.
    Axl {
        url: String,
        user: Option<String>,
        presence: Option<String>,
    },
    /// `ipconfig|resolv|scutil|hosts=FILE,client=ID[,kind=KIND]`, `ldif=FILE`, `bat=FILE`.
    Text {
        kind: SourceKind,
        path: PathBuf,
        client: Option<String>,
        client_kind: ClientKind,
    },
}

/// The keys each kind takes after its value.
fn keys(kind: SourceKind) -> &'static [&'static str] {
    match kind {
        SourceKind::Ldap => &["base", "bind", "filter", "starttls"],
        SourceKind::Axl => &["user", "presence"],
        SourceKind::Ipconfig | SourceKind::Resolv | SourceKind::Scutil | SourceKind::Hosts => &["client", "kind"],
        SourceKind::Axfr | SourceKind::Ldif | SourceKind::Bat => &[],
    }
}

const KINDS: [SourceKind; 9] = [
    SourceKind::Ldap,
    SourceKind::Axfr,
    SourceKind::Axl,
    SourceKind::Ipconfig,
    SourceKind::Resolv,
    SourceKind::Scutil,
    SourceKind::Hosts,
    SourceKind::Ldif,
    SourceKind::Bat,
];

/// What `--from` looks like for each kind, for error messages.
fn usage(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Ldap => "ldap=ldap://HOST[:PORT],base=DN[,bind=DN][,filter=FILTER][,starttls]",
        SourceKind::Axfr => "axfr=ZONE@IP[:PORT]",
        SourceKind::Axl => "axl=https://HOST:8443[,user=NAME][,presence=https://IMP:8443]",
        SourceKind::Ipconfig => "ipconfig=FILE,client=ID[,kind=cupc]",
        SourceKind::Resolv => "resolv=FILE,client=ID[,kind=cupc]",
        SourceKind::Scutil => "scutil=FILE,client=ID[,kind=cupc]",
        SourceKind::Hosts => "hosts=FILE,client=ID",
        SourceKind::Ldif => "ldif=FILE",
        SourceKind::Bat => "bat=FILE",
    }
}

impl FromStr for Spec {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let names: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
        let (name, rest) = text
            .split_once('=')
            .ok_or_else(|| format!("`{text}` is not KIND=VALUE; KIND is one of: {}", names.join(", ")))?;
        let kind = *KINDS
            .iter()
            .find(|k| k.as_str() == name)
            .ok_or_else(|| format!("unknown source `{name}`; expected one of: {}", names.join(", ")))?;
        let (value, options) = split(rest, keys(kind));
        let bad = |why: String| format!("{why}: expected --from {}", usage(kind));
        if value.is_empty() {
            return Err(bad(format!("`{name}` has no value")));
        }
        let mut options = Options(options);
        let spec = match kind {
            SourceKind::Ldap => Spec::Ldap {
                url: value,
                base: options
                    .take("base")
                    .ok_or_else(|| bad("`ldap` needs base=DN".to_owned()))?,
                bind: options.take("bind"),
                filter: options.take("filter"),
                starttls: options.flag("starttls").map_err(bad)?,
            },
            SourceKind::Axfr => {
                let (zone, server) = value
                    .rsplit_once('@')
                    .ok_or_else(|| bad(format!("`{value}` names no server")))?;
                Spec::Axfr {
                    zone: zone.to_owned(),
                    server: server_address(server).map_err(bad)?,
                }
            }
            SourceKind::Axl => {
                if !value.starts_with("https://") {
                    return Err(bad(format!(
                        "`{value}` is not an https:// URL (AXL is only served over HTTPS)"
                    )));
                }
                Spec::Axl {
                    url: value,
                    user: options.take("user"),
                    presence: options.take("presence"),
                }
            }
            _ => {
                let needs_client = keys(kind).contains(&"client");
                let client = options.take("client");
                if needs_client && client.is_none() {
                    return Err(bad(format!(
                        "`{name}` needs client=ID, the client profile it describes"
                    )));
                }
                let client_kind = match options.take("kind") {
                    Some(k) => parse_client_kind(&k).map_err(bad)?,
                    None => ClientKind::Cupc,
                };
                Spec::Text {
                    kind,
                    path: PathBuf::from(value),
                    client,
                    client_kind,
                }
            }
        };
        options.finish().map_err(bad)?;
        Ok(spec)
    }
}

impl Spec {
    /// The source in a few words, for progress: `ldap ldap://dc:389`, `ipconfig pc.txt`.
    pub fn describe(&self) -> String {
        match self {
            Self::Ldap { url, base, .. } => format!("ldap {url} ({base})"),
            Self::Axfr { zone, server } => format!("axfr {zone}@{server}"),
            Self::Axl { url, .. } => format!("axl {url}"),
            Self::Text { kind, path, .. } => format!("{kind} {}", path.display()),
        }
    }
}

/// The value, and the `key=value` options after it (commas inside a value kept).
fn split(rest: &str, keys: &[&str]) -> (String, Vec<(String, String)>) {
    let starts_option = |piece: &str| {
        let key = piece.split_once('=').map_or(piece, |(k, _)| k);
        keys.contains(&key)
    };
    let mut pieces = rest.split(',');
    let mut value = pieces.next().unwrap_or_default().to_owned();
    let mut options: Vec<(String, String)> = Vec::new();
    for piece in pieces {
        if starts_option(piece) {
            let (k, v) = piece.split_once('=').unwrap_or((piece, ""));
            options.push((k.to_owned(), v.to_owned()));
        } else if let Some((_, last)) = options.last_mut() {
            last.push(',');
            last.push_str(piece);
        } else {
            value.push(',');
            value.push_str(piece);
        }
    }
    (value, options)
}

/// Options not yet read; any left over (given twice) is an error.
struct Options(Vec<(String, String)>);

impl Options {
    fn take(&mut self, key: &str) -> Option<String> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }

    fn flag(&mut self, key: &str) -> Result<bool, String> {
        match self.take(key).as_deref() {
            None => Ok(false),
            Some("" | "true" | "yes") => Ok(true),
            Some("false" | "no") => Ok(false),
            Some(other) => Err(format!("{key}={other} is not true or false")),
        }
    }

    fn finish(self) -> Result<(), String> {
        match self.0.first() {
            None => Ok(()),
            Some((k, _)) => Err(format!("{k}= is given twice")),
        }
    }
}

/// `IP` or `IP:PORT` (53 by default): a zone transfer asks the server given, never a name.
fn server_address(text: &str) -> Result<SocketAddr, String> {
    if let Ok(address) = SocketAddr::from_str(text) {
        return Ok(address);
    }
    let ip = text.trim_start_matches('[').trim_end_matches(']');
    IpAddr::from_str(ip)
        .map(|ip| SocketAddr::new(ip, 53))
        .map_err(|_| format!("`{text}` is not IP or IP:PORT"))
}

fn parse_client_kind(text: &str) -> Result<ClientKind, String> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|_| format!("kind={text} is not a client kind (cupc, ip-phone, attendant-console, moc, other)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dn_keeps_its_commas() {
        let spec: Spec =
            "ldap=ldap://127.0.0.1:3389,base=ou=people,dc=acme,dc=com,bind=cn=admin,dc=acme,dc=com,starttls"
                .parse()
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            spec,
            Spec::Ldap {
                url: "ldap://127.0.0.1:3389".to_owned(),
                base: "ou=people,dc=acme,dc=com".to_owned(),
                bind: Some("cn=admin,dc=acme,dc=com".to_owned()),
                filter: None,
                starttls: true,
            }
        );
    }

    #[test]
    fn each_kind_reads_its_own_options() {
        let axfr: Spec = "axfr=acme.com@127.0.0.1".parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            axfr,
            Spec::Axfr {
                zone: "acme.com".to_owned(),
                server: "127.0.0.1:53".parse().unwrap_or_else(|e| panic!("{e}"))
            }
        );
        let ipconfig: Spec = "ipconfig=C:\\a,b.txt,client=vpn,kind=ip-phone"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            ipconfig,
            Spec::Text {
                kind: SourceKind::Ipconfig,
                path: PathBuf::from("C:\\a,b.txt"),
                client: Some("vpn".to_owned()),
                client_kind: ClientKind::IpPhone,
            }
        );
    }

    #[test]
    fn mistakes_say_what_was_expected() {
        let error = |text: &str| text.parse::<Spec>().unwrap_err();
        assert_eq!(
            error("ldap=ldap://dc"),
            "`ldap` needs base=DN: expected --from ldap=ldap://HOST[:PORT],base=DN[,bind=DN][,filter=FILTER][,starttls]"
        );
        assert_eq!(
            error("ipconfig=pc.txt"),
            "`ipconfig` needs client=ID, the client profile it describes: expected --from ipconfig=FILE,client=ID[,kind=cupc]"
        );
        assert!(error("dhcp=x").starts_with("unknown source `dhcp`; expected one of: ldap, axfr"));
        assert_eq!(
            error("axfr=acme.com@dns.acme.com"),
            "`dns.acme.com` is not IP or IP:PORT: expected --from axfr=ZONE@IP[:PORT]"
        );
        assert!(error("axl=http://ccm:8443").contains("not an https:// URL"));
        assert!(error("hosts=h.txt,client=a,client=b").contains("client= is given twice"));
    }
}
