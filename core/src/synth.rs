//! Synthetic deployments of any size, for benchmarks and demos: realistic in shape, with a
//! fixed share of the faults the rules look for, and the same output for the same seed.

use std::fmt::Write;

use crate::rng::SplitMix;

/// How big a deployment to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Users (written to the CSV).
    pub users: usize,
    /// CUPS nodes.
    pub cups_nodes: usize,
    /// Client profiles.
    pub clients: usize,
    /// Static routes.
    pub routes: usize,
    /// Seed of the pseudo-random choices.
    pub seed: u64,
}

impl Default for Spec {
    fn default() -> Self {
        Self {
            users: 1_000,
            cups_nodes: 4,
            clients: 8,
            routes: 20,
            seed: 1,
        }
    }
}

/// A generated deployment: the deployment file and the users CSV it refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synthetic {
    /// TOML text of the deployment; it names the CSV `users.csv`.
    pub deployment: String,
    /// The users, one CSV row each.
    pub users_csv: String,
}

/// Generate a deployment of `spec`'s size.
pub fn generate(spec: &Spec) -> Synthetic {
    let mut rng = SplitMix::new(spec.seed);
    let cups = spec.cups_nodes.max(1);
    let clients = spec.clients.max(1);
    let mut d = String::with_capacity(4096 + spec.routes * 160 + clients * 200);
    let _ = writeln!(
        d,
        "name = \"synthetic ({} users)\"\ndomain = \"synth.example\"\nusers_csv = \"users.csv\"\n",
        spec.users
    );
    for i in 1..=2 {
        let _ = writeln!(
            d,
            "[[servers]]\nnode_name = \"ccm-{i}\"\naddresses = [\"10.0.1.{i}\"]\nroles = [\"cucm\"]\nversion = \"6.1.2\"\n"
        );
    }
    for i in 1..=cups {
        // Every third node keeps the bare install-default name.
        let name = if i % 3 == 0 {
            format!("cups-{i}")
        } else {
            format!("cups-{i}.synth.example")
        };
        let _ = writeln!(
            d,
            "[[servers]]\nnode_name = \"{name}\"\naddresses = [\"10.0.2.{}\"]\nroles = [\"cups\"]\nversion = \"7.0.2\"\n",
            i % 250
        );
    }
    d.push_str("[[servers]]\nnode_name = \"ad-1\"\naddresses = [\"10.0.3.1\"]\nroles = [\"ldap\", \"dns\"]\n\n");
    d.push_str("[[servers]]\nnode_name = \"exch-1\"\naddresses = [\"10.0.4.1\"]\nroles = [\"exchange\"]\nversion = \"2007\"\nimap = { startup = \"automatic\", running = true, plain_text_login = true }\n\n");
    // Mobile and Remote Access for the Jabber profiles.
    d.push_str("[[servers]]\nnode_name = \"expe.synth.example\"\naddresses = [\"192.0.2.10\"]\nroles = [\"expressway-e\"]\ncertificate = { san_dns = [\"expe.synth.example\", \"collab-edge.synth.example\"] }\n\n");
    d.push_str("[[servers]]\nnode_name = \"expc.synth.example\"\naddresses = [\"10.0.5.1\"]\nroles = [\"expressway-c\"]\nunified_cm_domains = [\"synth.example\"]\n\n");
    d.push_str("[sip_proxy]\nproxy_domain = \"synth.example\"\nincoming_acl = [\"10.10.0.0/16\"]\ndestinations = [\"partner0.example\", \"nowhere.example\"]\n\n");
    for r in 0..spec.routes {
        let (pattern, kind) = if r % 4 == 0 {
            (format!("{}...", 1 + r % 9), "user")
        } else {
            (format!(".example.partner{r}.*"), "domain")
        };
        let hop = if r % 5 == 0 {
            format!("sip.partner{r}.example")
        } else {
            format!("192.0.2.{}", r % 250)
        };
        let _ = writeln!(
            d,
            "[[sip_proxy.static_routes]]\npattern = \"{pattern}\"\ntype = \"{kind}\"\nnext_hop = \"{hop}\"\npriority = {}\nweight = 10\n",
            1 + r % 3
        );
    }
    d.push_str("[dns]\nrecords = [\n");
    for i in 1..=2 {
        let _ = writeln!(
            d,
            "  {{ name = \"ccm-{i}.synth.example.\", type = \"A\", value = \"10.0.1.{i}\" }},"
        );
    }
    // Every fourth node was never put in DNS: its users' presence address does not resolve.
    for i in (1..=cups).filter(|i| i % 4 != 0) {
        let _ = writeln!(
            d,
            "  {{ name = \"cups-{i}.synth.example.\", type = \"A\", value = \"10.0.2.{}\" }},",
            i % 250
        );
    }
    // Jabber discovery: the best `_cisco-uds` target was decommissioned (JAB005).
    d.push_str("  { name = \"_cisco-uds._tcp.synth.example.\", type = \"SRV\", value = \"1 10 8443 ccm-9.synth.example.\" },\n");
    d.push_str("  { name = \"_cisco-uds._tcp.synth.example.\", type = \"SRV\", value = \"2 10 8443 ccm-1.synth.example.\" },\n");
    d.push_str("]\n\n[dns.public]\nrecords = [\n");
    d.push_str("  { name = \"_collab-edge._tls.synth.example.\", type = \"SRV\", value = \"10 10 8443 expe.synth.example.\" },\n");
    d.push_str("  { name = \"expe.synth.example.\", type = \"A\", value = \"192.0.2.10\" },\n]\n\n");
    for c in 0..clients {
        let (suffix, net, on_site) = match c % 4 {
            0 | 1 => ("synth.example", format!("10.10.{}.0/24", c % 250), true),
            2 => ("isp.example", format!("10.20.{}.0/24", c % 250), false),
            _ => ("branch.synth.example", format!("10.10.{}.0/24", c % 250), true),
        };
        let kind = if c % 4 == 3 { "ip-phone" } else { "cupc" };
        let _ = writeln!(
            d,
            "[[clients]]\nid = \"client-{c}\"\nkind = \"{kind}\"\nversion = \"7.0.2\"\ndns_suffixes = [\"{suffix}\"]\naddresses = [\"{net}\"]\non_corporate_network = {on_site}\n"
        );
    }
    // Jabber profiles, inside and outside: the JAB rules judge profiles, not users.
    d.push_str("[[clients]]\nid = \"jabber-hq\"\nkind = \"jabber-windows\"\nversion = \"14.1\"\ndns_suffixes = [\"synth.example\"]\n\n");
    d.push_str("[[clients]]\nid = \"jabber-road\"\nkind = \"jabber-mac\"\nversion = \"14.1\"\non_corporate_network = false\n\n");
    d.push_str("[ldap]\nserver = \"ad-1\"\nsynchronization = true\nauthentication = true\nsync_port = 3268\nauth_port = 3268\n");
    let _ = writeln!(
        d,
        "directory_size = {}\n\n[ldap.cupc_profile]\nenabled = true\nservice_account = \"svc-search\"\npassword = true\n",
        spec.users
    );
    d.push_str("[voicemail]\nsystem = \"unity\"\n\n[[voicemail.profiles]]\nserver = \"exch-1\"\nport = 993\n\n");
    d.push_str("[calendar]\nexchange = \"exch-1\"\nprotocol = \"https\"\n\n");
    for i in 1..=cups {
        let name = if i % 3 == 0 {
            format!("cups-{i}")
        } else {
            format!("cups-{i}.synth.example")
        };
        let _ = writeln!(
            d,
            "[[reachability]]\nfrom = \"{name}\"\nto = \"ad-1\"\nreachable = true\n"
        );
    }

    let mut csv = String::with_capacity(spec.users * 96 + 128);
    csv.push_str("cucm_id,ldap_id,first_name,last_name,telephone_number,digest_credential,home_node,desk_phone_control,clients\n");
    for u in 0..spec.users {
        let id = format!("user{u:06}");
        // A few percent of each fault the notes describe.
        let ldap_id = if rng.chance(3) {
            format!("{id}.ldap")
        } else if rng.chance(1) {
            String::new()
        } else {
            id.clone()
        };
        let last = if rng.chance(2) { "" } else { "Synth" };
        let digest = !rng.chance(5);
        let node = 1 + usize::try_from(rng.below(cups as u64)).unwrap_or(0);
        let home = if node % 3 == 0 {
            format!("cups-{node}")
        } else {
            format!("cups-{node}.synth.example")
        };
        let desk = rng.chance(40);
        let client = usize::try_from(rng.below(clients as u64)).unwrap_or(0);
        let _ = writeln!(
            csv,
            "{id},{ldap_id},User,{last},{},{digest},{home},{desk},client-{client}",
            10_000 + u
        );
    }
    Synthetic {
        deployment: d,
        users_csv: csv,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::model::{Deployment, Format};
    use crate::rules::{Options, check};

    #[test]
    fn generated_deployments_load_and_show_each_fault() {
        let s = generate(&Spec {
            users: 2_000,
            ..Spec::default()
        });
        assert_eq!(
            s,
            generate(&Spec {
                users: 2_000,
                ..Spec::default()
            }),
            "same seed, same deployment"
        );
        let files = BTreeMap::from([("users.csv".to_owned(), s.users_csv.clone())]);
        let d = Deployment::load(&s.deployment, Format::Toml, "synthetic.toml", &files).unwrap();
        assert_eq!(d.users.len(), 2_000);
        let report = check(&d, &[], &Options::default());
        for code in [
            "PRS001", "AUTH001", "LDAP002", "LDAP003", "LDAP006", "NAME001", "NAME002", "SIP002", "SIP003", "JAB005",
        ] {
            assert!(report.findings.iter().any(|f| f.code.as_str() == code), "{code}");
        }
    }
}
