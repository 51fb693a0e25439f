//! Loading a deployment: text in, a checked [`Deployment`] or every problem with its location out.

pub(crate) mod csv_users;
mod error;
mod error_path;
mod file;
mod format;
mod jabber;
mod json;
mod references;
mod serde_error;
mod toml_spans;
mod yaml;

pub use error::{LoadError, Problem, ProblemKind};
pub use file::{Beside, ReadError, file_format, read_capped, utf8_text};
pub use format::{Format, UnknownFormat};

use crate::dns::hosts::HostsFile;
use crate::dns::{DnsError, DnsView, zone};
use crate::model::deployment::Deployment;
use crate::model::intern::Interner;
use crate::model::source_map::{Path, SourceMap};
use crate::model::{InlineRecord, ZoneFile};
use crate::source::{Location, SourceFiles};

impl Deployment {
    /// Load a deployment from `text` in `format`, naming it `file` in every location. Files it
    /// refers to (users CSV, zone files, hosts files) are read through `files`.
    pub fn load(text: &str, format: Format, file: &str, files: &dyn SourceFiles) -> Result<Self, LoadError> {
        strict(Self::load_with_references(text, format, file, files)?)
    }

    /// Load like [`load`](Self::load), but hand back dangling references (TOPO003) beside the
    /// deployment instead of failing: a checker reports them as findings and checks the rest.
    pub fn load_with_references(
        text: &str,
        format: Format,
        file: &str,
        files: &dyn SourceFiles,
    ) -> Result<(Self, Vec<Problem>), LoadError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if is_blank(text, format) {
            return Err(LoadError::one(Problem::new(
                ProblemKind::Empty,
                Some(Location::new(file, 1, 1)),
                "the deployment file is empty: expected at least a `servers` list",
            )));
        }
        let parsed = match format {
            Format::Toml => toml_spans::parse::<Deployment>(text, file),
            Format::Json => json::parse::<Deployment>(text, file),
            Format::Yaml => yaml::parse::<Deployment>(text, file),
        };
        let (mut deployment, root) = parsed.map_err(LoadError::one)?;
        deployment.source_map = SourceMap {
            file: file.to_owned(),
            root,
        };
        deployment.place_items();

        let mut problems = Vec::new();
        let inline_users = deployment.users.len();
        let mut names = Interner::default();
        for user in &mut deployment.users {
            names.share(user);
        }
        if let Some(csv_path) = deployment.users_csv.clone() {
            match files.read(&csv_path) {
                Ok(csv) => match csv_users::parse(&csv, &files.name(&csv_path)) {
                    Ok(users) => deployment.users.extend(users),
                    Err(found) => problems.extend(found),
                },
                Err(why) => problems.push(file_problem(
                    &deployment,
                    Path::default().key("users_csv"),
                    &csv_path,
                    &why,
                )),
            }
        }
        build_hosts_tables(&mut deployment, files, &mut problems);
        build_dns_view(&mut deployment, files, &mut problems);
        problems.extend(jabber::check(&deployment));
        if !problems.is_empty() {
            return Err(LoadError { problems });
        }
        let (references, duplicates): (Vec<Problem>, Vec<Problem>) = references::check(&deployment, inline_users)
            .into_iter()
            .partition(|p| p.kind == ProblemKind::DanglingReference);
        if !duplicates.is_empty() {
            return Err(LoadError { problems: duplicates });
        }
        Ok((deployment, references))
    }

    /// Give every listed item the location it was written at.
    fn place_items(&mut self) {
        let map = &self.source_map;
        let at = |path: Path| map.locate(&path);
        for (i, server) in self.servers.iter_mut().enumerate() {
            server.location = at(Path::default().key("servers").index(i));
        }
        for (i, client) in self.clients.iter_mut().enumerate() {
            client.location = at(Path::default().key("clients").index(i));
        }
        for (i, user) in self.users.iter_mut().enumerate() {
            user.location = at(Path::default().key("users").index(i));
        }
        for (i, route) in self.sip_proxy.static_routes.iter_mut().enumerate() {
            route.location = at(Path::default().key("sip_proxy").key("static_routes").index(i));
        }
        if let Some(ldap) = &mut self.ldap {
            ldap.location = at(Path::default().key("ldap"));
            for (i, cert) in ldap.certificates.iter_mut().enumerate() {
                cert.location = at(Path::default().key("ldap").key("certificates").index(i));
            }
        }
        if let Some(voicemail) = &mut self.voicemail {
            voicemail.location = at(Path::default().key("voicemail"));
            for (i, profile) in voicemail.profiles.iter_mut().enumerate() {
                profile.location = at(Path::default().key("voicemail").key("profiles").index(i));
            }
        }
        if let Some(calendar) = &mut self.calendar {
            calendar.location = at(Path::default().key("calendar"));
        }
        for (i, fact) in self.reachability.iter_mut().enumerate() {
            fact.location = at(Path::default().key("reachability").index(i));
        }
        for (i, plugin) in self.plugins.iter_mut().enumerate() {
            plugin.location = at(Path::default().key("plugins").index(i));
        }
    }
}

/// The deployment `text` as a JSON value, for checking against
/// [`deployment_schema`](crate::model::deployment_schema) in any format. It is read by the
/// loader's own parsers, so YAML anchors and tags resolve as they do on loading. Plain YAML
/// scalars take their YAML 1.2 types, as a YAML editor sees them.
#[cfg(feature = "schema")]
pub fn deployment_value(text: &str, format: Format, file: &str) -> Result<serde_json::Value, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed = match format {
        Format::Toml => toml_spans::parse(text, file),
        Format::Json => json::parse(text, file),
        Format::Yaml => yaml::parse(text, file),
    };
    parsed.map(|(value, _)| value)
}

/// A loaded deployment, or its dangling references as the error: for callers that cannot check
/// a deployment whose references lead nowhere.
fn strict((deployment, references): (Deployment, Vec<Problem>)) -> Result<Deployment, LoadError> {
    if references.is_empty() {
        Ok(deployment)
    } else {
        Err(LoadError { problems: references })
    }
}

/// Whether `text` holds nothing but white space and comments.
fn is_blank(text: &str, format: Format) -> bool {
    let comment = match format {
        Format::Toml | Format::Yaml => "#",
        Format::Json => return text.trim().is_empty(),
    };
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with(comment) || line == "---"
    })
}

fn file_problem(deployment: &Deployment, path: Path, file: &str, why: &str) -> Problem {
    Problem::new(
        ProblemKind::File,
        deployment.source_map.locate(&path),
        format!("{path}: cannot read `{file}`: {why}"),
    )
}

fn dns_problem(error: DnsError) -> Problem {
    Problem::new(ProblemKind::Dns, Some(error.location.clone()), error.message)
}

fn build_hosts_tables(deployment: &mut Deployment, files: &dyn SourceFiles, problems: &mut Vec<Problem>) {
    let map = &deployment.source_map;
    for (i, client) in deployment.clients.iter_mut().enumerate() {
        let inline = client.hosts.iter().enumerate().map(|(j, line)| {
            let path = Path::default().key("clients").index(i).key("hosts").index(j);
            (line.name.clone(), line.address, map.locate(&path))
        });
        let mut table = HostsFile::from_entries(inline);
        if let Some(hosts_path) = &client.hosts_file {
            match files.read(hosts_path) {
                Ok(text) => match HostsFile::parse(&text, &files.name(hosts_path)) {
                    Ok(file) => table.extend(file),
                    Err(e) => problems.push(dns_problem(e)),
                },
                Err(why) => problems.push(Problem::new(
                    ProblemKind::File,
                    map.locate(&Path::default().key("clients").index(i).key("hosts_file")),
                    format!("clients[{i}].hosts_file: cannot read `{hosts_path}`: {why}"),
                )),
            }
        }
        client.hosts_table = table;
    }
}

fn build_dns_view(deployment: &mut Deployment, files: &dyn SourceFiles, problems: &mut Vec<Problem>) {
    let Some(dns) = &deployment.dns else { return };
    let internal = view_of(
        deployment,
        &dns.zone_files,
        &dns.records,
        Path::default().key("dns"),
        files,
        problems,
    );
    let public = dns.public.as_ref().map(|public| {
        let base = Path::default().key("dns").key("public");
        view_of(deployment, &public.zone_files, &public.records, base, files, problems)
    });
    deployment.dns_view = internal;
    deployment.public_dns_view = public;
}

/// One DNS view from zone files and inline records written under `base`.
fn view_of(
    deployment: &Deployment,
    zone_files: &[ZoneFile],
    records: &[InlineRecord],
    base: Path,
    files: &dyn SourceFiles,
    problems: &mut Vec<Problem>,
) -> DnsView {
    let mut view = DnsView::new();
    for (i, zone_file) in zone_files.iter().enumerate() {
        let origin = zone_file.origin.as_deref().or(deployment.domain.as_deref());
        match files.read(&zone_file.path) {
            Ok(text) => match zone::parse_zone(&text, origin, &files.name(&zone_file.path)) {
                Ok(records) => view.extend(records),
                Err(e) => problems.push(dns_problem(e)),
            },
            Err(why) => problems.push(file_problem(
                deployment,
                base.clone().key("zone_files").index(i).key("path"),
                &zone_file.path,
                &why,
            )),
        }
    }
    for (i, record) in records.iter().enumerate() {
        let path = base.clone().key("records").index(i);
        let location = deployment
            .source_map
            .locate_value(&path)
            .unwrap_or_else(|| Location::new(deployment.source_map.file.clone(), 1, 1));
        match zone::parse_inline_record(
            &record.name,
            &record.rtype,
            &record.value,
            record.ttl,
            deployment.domain.as_deref(),
            location,
        ) {
            Ok(record) => view.add(record),
            Err(e) => problems.push(dns_problem(e)),
        }
    }
    view
}

#[cfg(test)]
mod tests;
