//! Every off-site Jabber and Webex App profile must sign in (namespace `X-REMOTE`).
//!
//! Off the corporate network Jabber finds its services through public DNS and Mobile and
//! Remote Access (docs/derivations/jabber-discovery.md); one wrong record or certificate name
//! and every user at home sees "Cannot communicate with the server". The built-in JAB rules
//! name each cause; this plugin is a remote-work team's policy on top of them: one error per
//! off-site profile whose sign-in fails, with what the user sees. It asks the core's own D8
//! (`Context::jabber_discovery`, contract 0.2.0) for each profile, signing in as `uclint check`
//! does, and re-implements none of it.
//!
//! No configuration.

use uclint_plugin_sdk::{Client, Config, Context, Finding, JabberDiscovery, Plugin, Rule, Severity, subject};

/// An off-site Jabber or Webex App profile cannot sign in.
pub const CANNOT_SIGN_IN: &str = "X-REMOTE-JABBER1";

/// The plugin.
pub struct JabberOffSite;

impl Plugin for JabberOffSite {
    const NAMESPACE: &'static str = "X-REMOTE";

    fn rules() -> Vec<Rule> {
        vec![
            Rule::new(
                CANNOT_SIGN_IN,
                "An off-site Jabber profile cannot sign in",
                Severity::Error,
            )
            .summary(
                "Every Jabber or Webex App client profile off the corporate network must sign in \
                 through public DNS and Mobile and Remote Access, as uclint's Jabber discovery (D8) \
                 walks it.",
            )
            .docs(
                "Off site, Jabber asks public DNS for `_cisco-uds`, `_cuplogin` and `_collab-edge` \
                 under the services domain, then signs in through the Expressway-E the records name. \
                 A missing record, a record to the wrong name, or an Expressway-E certificate without \
                 the domain and every user at home or on the road sees \"Cannot find your services \
                 automatically\" or \"Cannot communicate with the server\". The finding names the \
                 built-in JAB rules behind the failure; `uclint derive jabber` shows every step. \
                 Profiles whose public DNS the deployment does not describe (`dns.public`) are left \
                 out: uclint cannot know what the Internet answers.",
            )
            .fix(
                "Publish `_collab-edge._tls.DOMAIN` on public DNS, pointing at the Expressway-E's own FQDN",
                "needs the DNS team; serves every off-site client at once",
            )
            .fix(
                "Put the domain (or `collab-edge.DOMAIN`) on the Expressway-E certificate",
                "a new certificate from the public CA",
            )
            .fix(
                "Have off-site users start the VPN before Jabber",
                "one more step for every user, every time; mobile users rarely do it",
            ),
        ]
    }

    fn check(context: &Context, _config: &Config) -> Vec<Finding> {
        context
            .clients()
            .iter()
            .filter(|client| !client.on_corporate_network)
            .filter_map(|client| {
                // An error: not a Jabber or Webex App profile, or no domain to sign in at.
                let discovery = context.jabber_discovery(&client.id, None).ok()?;
                let unknown_dns = discovery.queries.iter().any(|q| q.status == "no-dns");
                (!discovery.signs_in && !unknown_dns).then(|| finding(client, &discovery))
            })
            .collect()
    }
}

/// What the user sees, where, and the core's rules behind it.
fn finding(client: &Client, d: &JabberDiscovery) -> Finding {
    let place = match d.failure() {
        Some(c) => format!(
            " at {}",
            c.url.clone().unwrap_or_else(|| format!("{}:{}", c.host, c.port))
        ),
        None => String::new(),
    };
    let codes = if d.codes.is_empty() {
        String::new()
    } else {
        format!(" [{}]", d.codes.join(", "))
    };
    let mut finding = Finding::new(
        CANNOT_SIGN_IN,
        subject::CLIENT,
        &client.id,
        format!(
            "off-site profile `{}` ({}) cannot sign in as `{}` ({} path): the user sees \"{}\"{place}{codes}",
            client.id, d.kind, d.address, d.path, d.message
        ),
    );
    for issue in &d.issues {
        finding = finding.fix(
            format!("{}: {}", issue.code, issue.message),
            format!("`uclint explain {}` lists the fixes", issue.code),
        );
    }
    finding
}

uclint_plugin_sdk::export_plugin!(JabberOffSite);

#[cfg(test)]
mod tests {
    use uclint_plugin_sdk::testing::{FakeDeployment, codes, run};
    use uclint_plugin_sdk::{Connection, Issue, SrvQuery};

    use super::*;

    fn acme() -> FakeDeployment {
        FakeDeployment::new()
            .domain("acme.com")
            .client(Client::new("office", "jabber-windows").dns_suffix("acme.com"))
            .client(Client::new("road", "jabber-mac").off_network())
            .client(Client::new("home", "cupc").off_network())
    }

    /// What the core answers for `road` when the Expressway-E certificate lacks the domain.
    fn edge_refused() -> JabberDiscovery {
        JabberDiscovery::failed(
            "road",
            "jabber-mac",
            "USER@acme.com",
            "mra",
            "Cannot communicate with the server",
        )
        .outside()
        .query(SrvQuery::new(
            "_collab-edge",
            "_collab-edge._tls.acme.com.",
            "found",
            "10 10 8443 expe.acme.com",
        ))
        .connection(
            Connection::new("edge-config", "expe.acme.com", 8443)
                .url("https://expe.acme.com:8443/YWNtZS5jb20/get_edge_config")
                .fails("Cannot communicate with the server", "the certificate lacks acme.com"),
        )
        .issue(Issue::new(
            "JAB004",
            subject::SERVER,
            "expe.acme.com",
            "the certificate of Expressway-E `expe.acme.com` has no SAN `acme.com`",
        ))
    }

    #[test]
    fn an_off_site_profile_that_cannot_sign_in_is_an_error_naming_what_the_user_sees() {
        let deployment = acme().jabber_discovery("road", None, Ok(edge_refused()));
        let findings = run::<JabberOffSite>(deployment, &Config::new());
        assert_eq!(codes(&findings), [CANNOT_SIGN_IN]);
        assert_eq!(findings[0].subject.name, "road");
        assert_eq!(
            findings[0].message,
            "off-site profile `road` (jabber-mac) cannot sign in as `USER@acme.com` (mra path): the user sees \
             \"Cannot communicate with the server\" at https://expe.acme.com:8443/YWNtZS5jb20/get_edge_config [JAB004]"
        );
        let fixes: Vec<(&str, &str)> = findings[0]
            .fixes
            .iter()
            .map(|f| (f.action.as_str(), f.tradeoff.as_str()))
            .collect();
        assert_eq!(
            fixes,
            [(
                "JAB004: the certificate of Expressway-E `expe.acme.com` has no SAN `acme.com`",
                "`uclint explain JAB004` lists the fixes"
            )]
        );
    }

    #[test]
    fn no_discovery_record_is_a_failure_too() {
        // The fake's own answer: its DNS has no SRV records, so nothing is found (JAB002).
        let findings = run::<JabberOffSite>(acme(), &Config::new());
        assert_eq!(codes(&findings), [CANNOT_SIGN_IN]);
        assert!(
            findings[0]
                .message
                .ends_with("(manual path): the user sees \"Cannot find your services automatically\" [JAB002]"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn quiet_when_it_signs_in_is_inside_or_is_not_jabber_or_public_dns_is_unknown() {
        let signs_in = JabberDiscovery::signed_in("road", "jabber-mac", "USER@acme.com", "mra").outside();
        let deployment = acme().jabber_discovery("road", None, Ok(signs_in));
        assert!(run::<JabberOffSite>(deployment, &Config::new()).is_empty());

        let no_public_dns = JabberDiscovery::failed(
            "road",
            "jabber-mac",
            "USER@acme.com",
            "manual",
            "Cannot find your services automatically",
        )
        .outside()
        .query(SrvQuery::new(
            "_collab-edge",
            "_collab-edge._tls.acme.com.",
            "no-dns",
            "not asked (no DNS described here)",
        ));
        let deployment = acme().jabber_discovery("road", None, Ok(no_public_dns));
        assert!(run::<JabberOffSite>(deployment, &Config::new()).is_empty());

        // `office` is inside and `home` is CUPC: neither is asked about.
        let inside_only = FakeDeployment::new()
            .domain("acme.com")
            .client(Client::new("office", "jabber-windows"))
            .client(Client::new("home", "cupc").off_network());
        assert!(run::<JabberOffSite>(inside_only, &Config::new()).is_empty());
    }
}
