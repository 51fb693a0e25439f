//! How a connection to the directory is protected: LDAPS on the LDAPS ports, StartTLS on any
//! other port, plain LDAP when the deployment says no TLS.

/// The ports where TLS starts at once (LDAPS): 636, and 3269 for the Global Catalog.
pub const LDAPS_PORTS: [u16; 2] = [636, 3269];

/// How a connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// Plain LDAP: nothing is encrypted, a password included.
    Plain,
    /// Plain LDAP upgraded to TLS by the StartTLS extended operation before anything else.
    StartTls,
    /// TLS from the first byte (LDAPS).
    Ldaps,
}

impl Security {
    /// What `ldap.tls` means on `port`: LDAPS on 636 and 3269, StartTLS elsewhere; plain without
    /// TLS.
    pub fn of(tls: bool, port: u16) -> Self {
        match (tls, LDAPS_PORTS.contains(&port)) {
            (false, _) => Self::Plain,
            (true, true) => Self::Ldaps,
            (true, false) => Self::StartTls,
        }
    }

    /// Whether a password sent over it is encrypted.
    pub const fn encrypted(self) -> bool {
        !matches!(self, Self::Plain)
    }

    /// The transport an observation names: `tcp`, `starttls` or `tls`.
    pub const fn transport(self) -> &'static str {
        match self {
            Self::Plain => "tcp",
            Self::StartTls => "starttls",
            Self::Ldaps => "tls",
        }
    }

    /// The URL scheme ldap3 is given.
    pub const fn scheme(self) -> &'static str {
        match self {
            Self::Ldaps => "ldaps",
            Self::Plain | Self::StartTls => "ldap",
        }
    }

    /// In words, for a summary: `plain LDAP`, `StartTLS`, `LDAPS`.
    pub const fn words(self) -> &'static str {
        match self {
            Self::Plain => "plain LDAP",
            Self::StartTls => "StartTLS",
            Self::Ldaps => "LDAPS",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ldaps_on_its_ports_starttls_elsewhere() {
        assert_eq!(Security::of(true, 636), Security::Ldaps);
        assert_eq!(Security::of(true, 3269), Security::Ldaps);
        assert_eq!(Security::of(true, 389), Security::StartTls);
        assert_eq!(Security::of(true, 3268), Security::StartTls);
        assert_eq!(Security::of(true, 61389), Security::StartTls);
        assert_eq!(Security::of(false, 636), Security::Plain);
        assert!(!Security::Plain.encrypted() && Security::StartTls.encrypted());
    }
}
