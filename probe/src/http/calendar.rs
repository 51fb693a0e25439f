//! The calendar as CUPS reads it: WebDAV on `/exchange/USER/` of the calendar's Exchange server
//! (USER is `--user`'s LDAP id, else its CUCM id; without `--user`, the `/exchange/` collection),
//! over https or http as `calendar.protocol` says, on the server's port for it. An OPTIONS first
//! (does the server say `DAV`?), then a PROPFIND `Depth: 0`, each on a connection of its own,
//! with the Basic credentials of `calendar.account` when they may be sent (see
//! [`super::credentials`]). What the answers mean: [`super::verdict`].

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Instant;

use hyper::Method;
use uclint_core::catalogue::{Code, Service, Severity};
use uclint_core::model::{Calendar, Listener, Path, Server};
use uclint_core::report::{Subject, SubjectKind};

use super::connection;
use super::credentials::{Basic, refusal};
use super::location::{Place, Scheme, segment};
use super::reply::Reply;
use super::request::HttpRequest;
use super::verdict::{Dav, Verdict, judge};
use crate::net::Fault;
use crate::runner::Task;
use crate::{Context, EvidenceKind, Observation, Outcome, Probe, SecretKind, Setting, Target};

/// What the PROPFIND asks for: two properties every collection has.
const PROPFIND_BODY: &str = r#"<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:displayname/><D:resourcetype/></D:prop></D:propfind>"#;

/// The WebDAV question, when the deployment integrates a calendar.
pub fn task(cx: &Arc<Context>) -> Option<Task> {
    let calendar = cx.deployment.calendar.as_ref()?;
    let lookup = cx
        .deployment
        .server(&calendar.exchange)
        .is_none_or(|s| s.addresses.is_empty());
    Some(Task {
        template: template(cx, calendar),
        // A lookup; then OPTIONS, PROPFIND and a redirect followed once, each a connection, a
        // handshake, a head and a body.
        steps: 12 + u32::from(lookup),
        work: {
            let cx = Arc::clone(cx);
            Box::pin(async move { vec![ask(&cx).await] })
        },
    })
}

/// The scheme `calendar.protocol` names.
fn scheme(calendar: &Calendar) -> Option<Scheme> {
    match calendar.protocol.to_ascii_lowercase().as_str() {
        "https" => Some(Scheme::Https),
        "http" => Some(Scheme::Http),
        _ => None,
    }
}

/// Where the PROPFIND goes: the server's port for the scheme (its roles' default, else the
/// scheme's), and the user's collection.
fn place(cx: &Context, calendar: &Calendar, server: Option<&Server>) -> Place {
    let scheme = scheme(calendar).unwrap_or(Scheme::Https);
    let listener = match scheme {
        Scheme::Https => Listener::Https,
        Scheme::Http => Listener::Http,
    };
    let port = server.and_then(|s| s.port(listener)).unwrap_or(scheme.default_port());
    let path = match cx.user() {
        Some(user) => format!(
            "/exchange/{}/",
            segment(user.ldap_id.as_deref().unwrap_or(&user.cucm_id))
        ),
        None => "/exchange/".to_owned(),
    };
    Place {
        scheme,
        host: calendar.exchange.clone(),
        port,
        path,
    }
}

fn template(cx: &Context, calendar: &Calendar) -> Observation {
    let server = cx.deployment.server(&calendar.exchange);
    let place = place(cx, calendar, server);
    let target = Target {
        host: calendar.exchange.clone(),
        address: server.and_then(|s| s.addresses.first().copied()),
        port: Some(place.port),
        transport: Some(place.scheme.transport()),
    };
    let subject = Subject::new(SubjectKind::Calendar, &calendar.exchange);
    let mut observation = Observation::new(Probe::Http, target, subject);
    observation.service = Some(Service::Calendar);
    observation.summary = format!("PROPFIND {}", place.url());
    observation
}

async fn ask(cx: &Context) -> Observation {
    let started = Instant::now();
    let Some(calendar) = cx.deployment.calendar.as_ref() else {
        return Observation::new(
            Probe::Http,
            Target::named("?"),
            Subject::new(SubjectKind::Calendar, "?"),
        );
    };
    let mut observation = template(cx, calendar);
    let basic = credentials(cx, calendar, &mut observation);
    match cx
        .deployment
        .servers
        .iter()
        .position(|s| s.node_name == calendar.exchange)
    {
        Some(index) if scheme(calendar).is_some() => {
            let mut asking = Asking {
                cx,
                index,
                server: &cx.deployment.servers[index],
                basic: basic.as_ref(),
                withheld: None,
            };
            asking.run(calendar, &mut observation).await;
        }
        Some(_) => {
            observation.outcome = Outcome::Failed;
            observation.summary = format!(
                "PROPFIND not sent: calendar.protocol `{}` is neither https nor http",
                calendar.protocol
            );
        }
        None => {
            observation.outcome = Outcome::Unreachable;
            observation.summary = format!(
                "PROPFIND not sent: calendar.exchange names `{}`, which is no server of the deployment",
                calendar.exchange
            );
        }
    }
    observation.elapsed = started.elapsed();
    super::redact(cx, basic.as_ref(), &mut observation);
    observation
}

/// The calendar account's credentials, when the deployment names the account and a password was
/// given; else none, and the evidence says why.
fn credentials(cx: &Context, calendar: &Calendar, observation: &mut Observation) -> Option<Basic> {
    let Some(account) = calendar.account.as_deref().filter(|a| !a.is_empty()) else {
        observation.evidence(
            EvidenceKind::Note,
            "the deployment names no calendar.account: the requests go without credentials",
        );
        return None;
    };
    let Some(password) = cx.request.secrets.value(SecretKind::Calendar) else {
        observation.evidence(
            EvidenceKind::Note,
            format!(
                "no password for `{account}` ({} is not set): the requests go without credentials",
                SecretKind::Calendar.variable()
            ),
        );
        return None;
    };
    Some(Basic::new(account, password))
}

/// The two requests of the calendar probe.
#[derive(Debug, Clone, Copy)]
enum Ask {
    /// Does the server say `DAV`?
    Options,
    /// `Depth: 0` on the collection, with a small body.
    Propfind,
}

/// One calendar probe under way.
struct Asking<'a> {
    cx: &'a Context,
    index: usize,
    server: &'a Server,
    basic: Option<&'a Basic>,
    /// Why the credentials were not sent, the last time they were not.
    withheld: Option<String>,
}

impl Asking<'_> {
    async fn run(&mut self, calendar: &Calendar, observation: &mut Observation) {
        let mut place = place(self.cx, calendar, Some(self.server));
        if self.cx.user().is_none() {
            observation.evidence(
                EvidenceKind::Note,
                "no --user: the /exchange/ collection itself is asked, not a user's calendar",
            );
        }
        let address = match self.cx.address_of(self.server, observation).await {
            Ok(address) => address,
            Err(fault) => return self.failed("OPTIONS", &place, fault, false, observation),
        };
        observation.target.address = Some(address);
        let options = match self.send(Ask::Options, &place, address, observation).await {
            Ok((reply, _)) => reply,
            Err(fault) => return self.failed("OPTIONS", &place, fault, true, observation),
        };
        let dav = Dav::of(&options);
        observation.evidence(EvidenceKind::Note, dav_words(&dav));
        let mut followed = false;
        loop {
            let (reply, sent) = match self.send(Ask::Propfind, &place, address, observation).await {
                Ok(answer) => answer,
                Err(fault) => return self.failed("PROPFIND", &place, fault, false, observation),
            };
            match judge(&reply, &place, address, &dav, sent, followed) {
                Verdict::Follow(next) => {
                    observation.evidence(
                        EvidenceKind::Note,
                        format!(
                            "{} to `{}` on the same host: followed once, at {address} again",
                            reply.status_text(),
                            next.url()
                        ),
                    );
                    place = next;
                    followed = true;
                }
                verdict => return self.conclude(calendar, &place, &reply, verdict, sent, observation),
            }
        }
    }

    /// Open a connection to `place` and ask it, with the credentials if they may go.
    async fn send(
        &mut self,
        ask: Ask,
        place: &Place,
        address: IpAddr,
        observation: &mut Observation,
    ) -> Result<(Reply, bool), Fault> {
        let mut request = match ask {
            Ask::Options => HttpRequest::new(Method::OPTIONS, place.clone()),
            Ask::Propfind => {
                let method = Method::from_bytes(b"PROPFIND")
                    .map_err(|e| Fault::new(Outcome::Failed, format!("cannot name the PROPFIND method: {e}")))?;
                let mut request = HttpRequest::new(method, place.clone());
                request.headers = vec![("Depth", "0"), ("Content-Type", "text/xml; charset=\"utf-8\"")];
                request.body = PROPFIND_BODY;
                request
            }
        };
        let connection = connection::open(self.cx, self.server, address, place, observation).await?;
        if let Some(basic) = self.basic {
            match refusal(&connection.security, self.cx.request.allow_plaintext_password) {
                None => request.credentials = Some(basic.clone()),
                Some(why) => {
                    observation.evidence(
                        EvidenceKind::Note,
                        format!("credentials of `{}` not sent: {why}", basic.user()),
                    );
                    self.withheld = Some(why);
                }
            }
        }
        let sent = request.credentials.is_some();
        let reply = connection.send(self.cx, &request, observation).await?;
        Ok((reply, sent))
    }

    /// No answer to `method`: the outcome says why; a refused first connection is DRIFT001.
    fn failed(&self, method: &str, place: &Place, fault: Fault, first: bool, observation: &mut Observation) {
        observation.outcome = fault.outcome;
        observation.evidence(EvidenceKind::Note, fault.detail.clone());
        observation.summary = format!("{method} {}: {}", place.url(), fault.detail);
        if !(first && fault.outcome == Outcome::Refused) {
            return;
        }
        let listener = match place.scheme {
            Scheme::Https => Listener::Https,
            Scheme::Http => Listener::Http,
        };
        let setting = crate::tls::listener_setting(&self.cx.deployment, self.index, self.server, listener, place.port);
        observation.raise(
            Code::DRIFT001,
            format!(
                "the deployment says the calendar's Exchange server `{}` serves {} on port {} (`{}` = {}), but the \
                 port is closed: the connection was refused",
                self.server.node_name,
                place.scheme.as_str(),
                place.port,
                setting.name,
                setting.says
            ),
        );
        observation.setting = Some(setting);
    }

    /// What the PROPFIND's last answer means, in the observation.
    fn conclude(
        &self,
        calendar: &Calendar,
        place: &Place,
        reply: &Reply,
        verdict: Verdict,
        sent: bool,
        observation: &mut Observation,
    ) {
        let url = place.url();
        let who = match (self.basic, sent) {
            (Some(basic), true) => format!(" as `{}`", basic.user()),
            _ => " without credentials".to_owned(),
        };
        let status = reply.status_text();
        let deployment = &self.cx.deployment;
        let locate = |path: &Path| deployment.source_map.locate(path).or_else(|| calendar.location.clone());
        let calendar_key = |key: &str| Path::default().key("calendar").key(key);
        observation.outcome = Outcome::Failed;
        match verdict {
            Verdict::Works => {
                observation.outcome = Outcome::Ok;
                observation.summary = format!("PROPFIND {url}{who}: {status}: WebDAV answers");
                let body = String::from_utf8_lossy(&reply.body).to_ascii_lowercase();
                if !body.contains("multistatus") {
                    observation.evidence(EvidenceKind::Note, "the 207 has no multistatus body");
                }
            }
            Verdict::AuthRequired => {
                observation.outcome = Outcome::Ok;
                let why = self
                    .withheld
                    .clone()
                    .unwrap_or_else(|| "no calendar.account, or no password for it".to_owned());
                observation.summary = format!(
                    "PROPFIND {url}{who}: {status}: the server wants credentials (not sent: {why}), so whether the \
                     account may read calendars was not asked"
                );
            }
            Verdict::FormsLogon(how) => {
                observation.summary = format!("PROPFIND {url}{who}: {how}: forms-based authentication");
                let mut message = format!(
                    "observed: Exchange {how} when CUPS's WebDAV PROPFIND on `{url}` expects 207: with forms-based \
                     authentication CUPS gets a logon form, not the calendar"
                );
                if !calendar.forms_based_authentication {
                    let path = calendar_key("forms_based_authentication");
                    message.push_str(" (the deployment says forms_based_authentication = false)");
                    observation.setting = Some(Setting {
                        name: path.to_string(),
                        says: "false".to_owned(),
                        location: locate(&path),
                    });
                }
                observation.raise_at(Code::CAL005, Severity::Error, message);
            }
            Verdict::NoDav(why) => {
                observation.summary = format!("PROPFIND {url}{who}: {status}: no WebDAV here");
                observation.raise(
                    Code::CAL006,
                    format!(
                        "observed: `{url}` does not do WebDAV ({why}); CUPS of this era reads calendars only over \
                         WebDAV"
                    ),
                );
                if let Some(version) = &self.server.version {
                    let path = Path::default().key("servers").index(self.index).key("version");
                    observation.setting = Some(Setting {
                        name: path.to_string(),
                        says: version.clone(),
                        location: deployment
                            .source_map
                            .locate(&path)
                            .or_else(|| self.server.location.clone()),
                    });
                }
            }
            Verdict::Refused => {
                let account = self.basic.map(Basic::user).unwrap_or_default();
                observation.summary = format!("PROPFIND {url}{who}: {status}: the account is refused");
                let path = calendar_key("account");
                observation.setting = Some(Setting {
                    name: path.to_string(),
                    says: account.to_owned(),
                    location: locate(&path),
                });
                observation.raise(
                    Code::CAL008,
                    format!(
                        "observed: a WebDAV PROPFIND on `{url}` with the account `{account}` was answered {status}: \
                         CUPS reads every calendar with that account"
                    ),
                );
            }
            Verdict::Elsewhere { location, host } => {
                observation.summary =
                    format!("PROPFIND {url}{who}: {status} to another host, `{host}` (`{location}`): not followed");
                observation.evidence(
                    EvidenceKind::Note,
                    format!("redirected to another host, `{host}`: not followed, not looked up, not contacted"),
                );
                let path = calendar_key("exchange");
                observation.setting = Some(Setting {
                    name: path.to_string(),
                    says: calendar.exchange.clone(),
                    location: locate(&path),
                });
            }
            Verdict::Other(what) => {
                observation.summary = format!("PROPFIND {url}{who}: {what}: not the calendar");
            }
            Verdict::Follow(next) => {
                observation.summary = format!("PROPFIND {url}{who}: {status} to `{}`", next.url());
            }
        }
    }
}

/// What the OPTIONS said, in words.
fn dav_words(dav: &Dav) -> String {
    match dav {
        Dav::Said(value) => format!("OPTIONS says the server does WebDAV (DAV: {value})"),
        Dav::NotSaid => "OPTIONS answered without a DAV header: the server does not say it does WebDAV".to_owned(),
        Dav::Unknown(status) => format!("OPTIONS answered {status}: nothing said of WebDAV"),
    }
}
