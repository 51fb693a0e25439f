//! Reading one source: a file through the core's importers, or a live server through the probe
//! crate's collectors. Either the whole answer or an error naming the source.

use std::path::Path;
use std::time::Duration;

use uclint_core::collect::{Collected, SourceKind, import};
use uclint_probe::Secrets;
use uclint_probe::collect::{AxlTarget, LdapSource, collect_axfr, collect_axl, collect_ldap};

use crate::source_spec::Spec;

/// How live sources are reached.
pub struct Reach<'a> {
    /// The longest wait for one step.
    pub timeout: Duration,
    /// The CA bundle TLS trusts instead of the system's roots.
    pub ca: Option<&'a Path>,
    /// Whether a password may cross an unencrypted LDAP connection.
    pub allow_plaintext_password: bool,
    /// Passwords (from the environment or a prompt).
    pub secrets: &'a Secrets,
}

/// What one source said, and a line on what was read (`2,500 entries in 3 pages`).
pub fn collect(spec: &Spec, reach: &Reach<'_>) -> Result<(Collected, Option<String>), String> {
    match spec {
        Spec::Text {
            kind,
            path,
            client,
            client_kind,
        } => {
            let origin = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| format!("{kind} {origin}: cannot read: {e}"))?;
            let text = import::decode(&bytes).map_err(|e| format!("{kind} {origin}: {e}"))?;
            let client = client.as_deref().unwrap_or_default();
            let imported = match kind {
                SourceKind::Ipconfig => import::ipconfig(&text, &origin, client, *client_kind),
                SourceKind::Resolv => import::resolv(&text, &origin, client, *client_kind),
                SourceKind::Scutil => import::scutil(&text, &origin, client, *client_kind),
                SourceKind::Hosts => import::hosts(&text, &origin, client, *client_kind),
                SourceKind::Bat => import::bat(&text, &origin),
                SourceKind::Ldif => {
                    return import::ldif(&text, &origin)
                        .map(|l| {
                            let note =
                                (l.skipped > 0).then(|| format!("{} entries without a user id left out", l.skipped));
                            (l.collected, note)
                        })
                        .map_err(|e| format!("{kind} {origin}: {e}"));
                }
                SourceKind::Ldap | SourceKind::Axfr | SourceKind::Axl => unreachable!("live sources are not files"),
            };
            imported.map(|c| (c, None)).map_err(|e| format!("{kind} {origin}: {e}"))
        }
        Spec::Ldap {
            url,
            base,
            bind,
            filter,
            starttls,
        } => {
            let mut source = LdapSource::new(url.clone(), base.clone());
            source.starttls = *starttls;
            source.bind_dn = bind.clone();
            if let Some(filter) = filter {
                source.filter = filter.clone();
            }
            source.timeout = reach.timeout;
            source.ca = reach.ca.map(Path::to_path_buf);
            source.allow_plaintext_password = reach.allow_plaintext_password;
            let read = collect_ldap(&source, reach.secrets).map_err(|e| e.to_string())?;
            let mut note = format!(
                "{} {} in {} {}",
                read.entries,
                if read.entries == 1 { "entry" } else { "entries" },
                read.pages,
                if read.pages == 1 { "page" } else { "pages" }
            );
            if read.skipped_without_id > 0 {
                note.push_str(&format!(", {} without a user id left out", read.skipped_without_id));
            }
            Ok((read.collected, Some(note)))
        }
        Spec::Axfr { zone, server } => {
            let read = collect_axfr(zone, *server, reach.timeout).map_err(|e| e.to_string())?;
            let skipped: Vec<String> = read.skipped.iter().map(|(t, n)| format!("{n} {t}")).collect();
            let note = format!(
                "{} records transferred{}",
                read.transferred,
                if skipped.is_empty() {
                    String::new()
                } else {
                    format!(", left out: {}", skipped.join(", "))
                }
            );
            Ok((read.collected, Some(note)))
        }
        Spec::Axl { url, user, presence } => {
            let user = user
                .clone()
                .or_else(|| std::env::var("UCLINT_AXL_USER").ok())
                .ok_or_else(|| format!("axl {url}: no AXL user: add user=NAME to --from, or set UCLINT_AXL_USER"))?;
            let mut target = AxlTarget::new(url.clone(), user);
            target.presence_url = presence.clone();
            target.timeout = reach.timeout;
            target.ca = reach.ca.map(Path::to_path_buf);
            collect_axl(&target, reach.secrets)
                .map(|c| (c, None))
                .map_err(|e| e.to_string())
        }
    }
}
