//! The CUPC services findings break, as Show Server Health lists them.

use serde::Serialize;

/// The CUPC service a rule's finding breaks, as Show Server Health names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Service {
    /// Configuration repository (login to CUPS).
    Login,
    /// Presence (SIP registration to the presence node).
    Presence,
    /// Desk phone control (CTI through CTIManager).
    DeskPhone,
    /// Voicemail (IMAP).
    Voicemail,
    /// LDAP directory search.
    Directory,
    /// Calendar (CUPS to Exchange).
    Calendar,
    /// Jabber and Webex App sign-in through service discovery (beyond CUPC).
    JabberSignIn,
}

impl Service {
    /// Every service, in Show Server Health's order.
    pub const ALL: [Service; 7] = [
        Self::Login,
        Self::Presence,
        Self::DeskPhone,
        Self::Voicemail,
        Self::Directory,
        Self::Calendar,
        Self::JabberSignIn,
    ];

    /// The name Show Server Health uses.
    pub const fn label(self) -> &'static str {
        match self {
            Self::Login => "Configuration Repository",
            Self::Presence => "Presence",
            Self::DeskPhone => "Desk Phone",
            Self::Voicemail => "Voicemail",
            Self::Directory => "LDAP Directory",
            Self::Calendar => "Calendar",
            Self::JabberSignIn => "Jabber sign-in",
        }
    }
}
