//! D8 step 1: the sign-in address, and the services domain discovery uses.

use super::DomainFrom;
use crate::model::{Client, ClientKind, Deployment, JabberSettings, check_domain};

/// Why D8 cannot run for a sign-in: the address is not `user@domain`, or the profile is not
/// a Jabber or Webex App one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    /// The client profile does not discover services (CUPC, phones...).
    #[error(
        "client profile `{client}` is `{kind}`: Jabber discovery is for jabber-windows, jabber-mac, jabber-mobile or webex-app profiles"
    )]
    NotJabber {
        /// The profile's id.
        client: String,
        /// Its kind.
        kind: &'static str,
    },
    /// No `@`.
    #[error("`{0}` is not a sign-in address: expected user@domain, such as jdoe@ex.com")]
    NoAt(String),
    /// Nothing before the `@`.
    #[error("`{0}` has no user before the `@`: expected user@domain")]
    NoUser(String),
    /// The part after the `@` is not a domain.
    #[error("`{address}`: {reason}")]
    BadDomain {
        /// The address as given.
        address: String,
        /// Why the domain is not one.
        reason: String,
    },
}

/// Who signs in: a user (when known) at a domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignIn {
    /// The user part (CUCM user id), when one is named.
    pub user: Option<String>,
    /// The domain part.
    pub domain: String,
}

impl SignIn {
    /// Read `user@domain`.
    pub fn parse(address: &str) -> Result<Self, AddressError> {
        let address = address.trim();
        let Some((user, domain)) = address.rsplit_once('@') else {
            return Err(AddressError::NoAt(address.to_owned()));
        };
        if user.is_empty() {
            return Err(AddressError::NoUser(address.to_owned()));
        }
        check_domain(domain).map_err(|reason| AddressError::BadDomain {
            address: address.to_owned(),
            reason,
        })?;
        Ok(Self {
            user: Some(user.to_owned()),
            domain: domain.trim_end_matches('.').to_owned(),
        })
    }

    /// Some user at `domain` (a check judges the domain, not one user).
    pub fn anyone_at(domain: &str) -> Self {
        Self {
            user: None,
            domain: domain.trim_end_matches('.').to_owned(),
        }
    }

    /// The address as shown (`USER@domain` when no user is named).
    pub fn address(&self) -> String {
        format!("{}@{}", self.user.as_deref().unwrap_or("USER"), self.domain)
    }
}

/// Who signs in on client profile `client`: `user` (else the user of `jabber.sign_in`, else
/// anyone) at the domain of `jabber.sign_in`, else the deployment's `domain`. None when neither
/// names a domain.
pub fn profile_sign_in(deployment: &Deployment, client: &Client, user: Option<&str>) -> Option<SignIn> {
    let written = client.jabber.as_ref().and_then(|j| j.sign_in.as_deref());
    let (written_user, domain) = match written {
        Some(text) => match text.rsplit_once('@') {
            Some((user, domain)) => (Some(user), domain),
            None => (None, text),
        },
        None => (None, deployment.domain.as_deref()?),
    };
    let mut sign_in = SignIn::anyone_at(domain);
    sign_in.user = user.or(written_user).filter(|u| !u.is_empty()).map(str::to_owned);
    Some(sign_in)
}

/// Step 1 without manual settings: `SERVICES_DOMAIN`, else (Jabber for Windows with UPN
/// discovery on) the UPN's domain, else the sign-in domain.
pub(super) fn services_domain(kind: ClientKind, settings: &JabberSettings, sign_in: &SignIn) -> (String, DomainFrom) {
    if let Some(domain) = &settings.services_domain {
        return (domain.trim_end_matches('.').to_owned(), DomainFrom::ServicesDomain);
    }
    let upn_domain = settings
        .windows_upn
        .as_deref()
        .and_then(|upn| upn.rsplit_once('@'))
        .map(|(_, domain)| domain.trim_end_matches('.'));
    if kind == ClientKind::JabberWindows && settings.upn_discovery {
        if let Some(domain) = upn_domain {
            return (domain.to_owned(), DomainFrom::WindowsUpn);
        }
    }
    (sign_in.domain.clone(), DomainFrom::SignIn)
}

pub(super) fn services_domain_step(domain: &str, from: DomainFrom) -> String {
    match from {
        DomainFrom::ServicesDomain => {
            format!("Services domain `{domain}`: `SERVICES_DOMAIN` is set, it wins over the sign-in address.")
        }
        DomainFrom::WindowsUpn => format!(
            "Services domain `{domain}`: Jabber for Windows takes the Windows user's UPN domain (UPN discovery is on)."
        ),
        DomainFrom::SignIn => format!("Services domain `{domain}`: the sign-in address's domain."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_need_a_user_and_a_domain() {
        assert!(matches!(SignIn::parse("jdoe"), Err(AddressError::NoAt(_))));
        assert!(matches!(SignIn::parse("@ex.com"), Err(AddressError::NoUser(_))));
        assert!(matches!(
            SignIn::parse("jdoe@ex..com"),
            Err(AddressError::BadDomain { .. })
        ));
        assert!(matches!(
            SignIn::parse("jdoe@ex_1.com"),
            Err(AddressError::BadDomain { .. })
        ));
        assert!(matches!(
            SignIn::parse("jdoe@localhost"),
            Err(AddressError::BadDomain { .. })
        ));
        let ok = SignIn::parse(" jdoe@Ex.com. ").unwrap();
        assert_eq!((ok.user.as_deref(), ok.domain.as_str()), (Some("jdoe"), "Ex.com"));
    }

    #[test]
    fn services_domain_wins_then_upn_on_windows() {
        let sign_in = SignIn::parse("a@corp.com").unwrap();
        let mut settings = JabberSettings {
            windows_upn: Some("a@ad.corp.com".to_owned()),
            upn_discovery: true,
            ..JabberSettings::default()
        };
        assert_eq!(
            services_domain(ClientKind::JabberWindows, &settings, &sign_in),
            ("ad.corp.com".to_owned(), DomainFrom::WindowsUpn)
        );
        assert_eq!(
            services_domain(ClientKind::JabberMac, &settings, &sign_in),
            ("corp.com".to_owned(), DomainFrom::SignIn)
        );
        settings.services_domain = Some("uc.corp.com".to_owned());
        assert_eq!(
            services_domain(ClientKind::JabberWindows, &settings, &sign_in).1,
            DomainFrom::ServicesDomain
        );
    }
}
