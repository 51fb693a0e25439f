//! What the ports of one voicemail server say together:
//!
//! - a refused connection is VM002 (nothing listens: the IMAP service is stopped, or this
//!   listener is off); when the deployment says the service runs (`imap.running = true`, or
//!   `startup = "automatic"`), and so listens on its ports, DRIFT001 against that setting;
//! - a plain-text LOGIN refused on one port and a LOGIN over TLS accepted on another (or after
//!   STARTTLS) is VM001, on the plain-text port: the password is right, plain text is off;
//! - every LOGIN refused, one of them over TLS, is VM007: the credentials themselves are wrong.
//!
//! Both need every port's result, which is why one task asks all the ports of one server.

use uclint_core::catalogue::Code;
use uclint_core::model::{Deployment, Path, Startup};

use super::session::{Login, PortReport};
use super::targets::ImapServer;
use crate::{EvidenceKind, Outcome, Setting};

/// Raise what `reports` (every port of `target` in `deployment`) show together; `user` names who
/// logged in.
pub fn judge(deployment: &Deployment, target: &ImapServer, user: &str, reports: &mut [PortReport]) {
    refusals(deployment, target, reports);
    logins(target, user, reports);
}

fn refusals(deployment: &Deployment, target: &ImapServer, reports: &mut [PortReport]) {
    let refused: Vec<usize> = (0..reports.len())
        .filter(|&i| reports[i].observation.outcome == Outcome::Refused)
        .collect();
    if refused.is_empty() {
        return;
    }
    let node = &target.server.node_name;
    let every = refused.len() == reports.len();
    let all_ports = ports(reports.iter());
    let answering = ports(
        reports
            .iter()
            .filter(|r| !matches!(r.observation.outcome, Outcome::Refused | Outcome::Unreachable)),
    );
    let running = says_running(deployment, target);
    for i in refused {
        let report = &mut reports[i];
        let port = report.port.port;
        let message = if every {
            format!(
                "observed: nothing listens on port {port} of `{node}`, nor on any of its IMAP ports ({all_ports}): the IMAP service is stopped, and CUPC's voicemail cannot connect"
            )
        } else if answering.is_empty() {
            format!("observed: nothing listens on port {port} of `{node}`: CUPC's voicemail cannot connect there")
        } else {
            format!(
                "observed: nothing listens on port {port} of `{node}`, though IMAP answers on {answering}: this listener is off, and CUPC cannot connect to it"
            )
        };
        report.observation.raise(Code::VM002, message);
        let Some(setting) = running.clone() else {
            continue;
        };
        let seen = if every {
            format!("every IMAP port of it refuses connections ({all_ports})")
        } else {
            format!("port {port} refuses connections")
        };
        report.observation.raise(
            Code::DRIFT001,
            format!(
                "the deployment says the IMAP service of `{node}` runs (`{}` = {}), but {seen}",
                setting.name, setting.says
            ),
        );
        report.observation.setting = Some(setting);
    }
}

/// The setting saying `target`'s IMAP service runs: `imap.running = true`, else `imap.startup =
/// "automatic"` (it starts with Windows).
fn says_running(deployment: &Deployment, target: &ImapServer) -> Option<Setting> {
    let imap = target.server.imap.as_ref()?;
    let (key, says) = if imap.running {
        ("running", "true".to_owned())
    } else if imap.startup == Startup::Automatic {
        ("startup", format!("\"{}\"", imap.startup.as_str()))
    } else {
        return None;
    };
    let path = Path::default().key("servers").index(target.index).key("imap").key(key);
    Some(Setting {
        name: path.to_string(),
        says,
        location: deployment
            .source_map
            .locate(&path)
            .or_else(|| target.server.location.clone()),
    })
}

fn logins(target: &ImapServer, user: &str, reports: &mut [PortReport]) {
    let node = &target.server.node_name;
    let accepted_encrypted = reports.iter().find_map(|r| match r.login {
        Login::Accepted(over) if over.encrypted() => Some((r.port.port, over)),
        _ => None,
    });
    let refused: Vec<usize> = (0..reports.len())
        .filter(|&i| matches!(reports[i].login, Login::Refused { .. }))
        .collect();
    let tried = reports
        .iter()
        .filter(|r| matches!(r.login, Login::Accepted(_) | Login::Refused { .. }))
        .count();
    if let Some((good, over)) = accepted_encrypted {
        for &i in &refused {
            let report = &mut reports[i];
            let Login::Refused { over: clear, said } = &report.login else {
                continue;
            };
            if clear.encrypted() {
                continue;
            }
            let port = report.port.port;
            report.observation.raise(
                Code::VM001,
                format!(
                    "observed: `{node}` refused `{user}`'s plain-text LOGIN on port {port} (`{said}`) but accepted it {} on port {good}: the password is right and plain-text LOGIN is disabled on {port}; CUPC's voicemail there shows Invalid username/password",
                    over.words()
                ),
            );
        }
        return;
    }
    if refused.is_empty() || refused.len() != tried {
        return;
    }
    let each: Vec<String> = refused
        .iter()
        .filter_map(|&i| match &reports[i].login {
            Login::Refused { over, said } => Some(format!("{} {} (`{said}`)", reports[i].port.port, over.words())),
            _ => None,
        })
        .collect();
    let encrypted = refused
        .iter()
        .copied()
        .find(|&i| matches!(&reports[i].login, Login::Refused { over, .. } if over.encrypted()));
    match encrypted {
        Some(i) => reports[i].observation.raise(
            Code::VM007,
            format!(
                "observed: `{node}` refused `{user}`'s LOGIN on every port tried: {}: the password is wrong (Unity Connection wants the Web Application Password), or the mailbox is not on `{node}`",
                each.join("; ")
            ),
        ),
        None => {
            for i in refused {
                reports[i].observation.evidence(
                    EvidenceKind::Note,
                    "refused in plain text, and no LOGIN over TLS was made to compare: plain-text LOGIN disabled (VM001) and a wrong password (VM007) look alike from here",
                );
            }
        }
    }
}

/// The ports of `reports`, as a list: `143, 993`.
fn ports<'r>(reports: impl Iterator<Item = &'r PortReport>) -> String {
    reports.map(|r| r.port.port.to_string()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use uclint_core::model::{ImapService, Role, Server};

    use super::*;
    use crate::imap::session::{Channel, blank};
    use crate::imap::targets::ImapPort;

    fn target(imap: Option<ImapService>) -> ImapServer {
        let server = Server {
            imap,
            ..Server::new("mail", vec![Role::Exchange])
        };
        let port = |port: u16, tls: bool| ImapPort {
            port,
            tls,
            why: String::new(),
            profiles: Vec::new(),
        };
        ImapServer {
            index: 0,
            server,
            ports: vec![port(143, false), port(993, true)],
        }
    }

    /// One report per port of `target`: outcome and login as given.
    fn reports(target: &ImapServer, each: [(Outcome, Login); 2]) -> Vec<PortReport> {
        target
            .ports
            .iter()
            .zip(each)
            .map(|(port, (outcome, login))| {
                let mut observation = blank(&target.server, port);
                observation.outcome = outcome;
                PortReport {
                    port: port.clone(),
                    observation,
                    login,
                }
            })
            .collect()
    }

    fn refused(over: Channel) -> Login {
        Login::Refused {
            over,
            said: "NO [AUTHENTICATIONFAILED] Authentication failed.".to_owned(),
        }
    }

    fn codes(reports: &[PortReport]) -> Vec<Vec<Code>> {
        reports.iter().map(|r| r.observation.codes()).collect()
    }

    #[test]
    fn plain_text_refused_and_tls_accepted_elsewhere_is_vm001() {
        let target = target(None);
        let mut seen = reports(
            &target,
            [
                (Outcome::Failed, refused(Channel::Clear)),
                (Outcome::Ok, Login::Accepted(Channel::Tls)),
            ],
        );
        judge(&Deployment::default(), &target, "alice", &mut seen);
        assert_eq!(codes(&seen), [vec![Code::VM001], vec![]]);
        let message = &seen[0].observation.raised[0].message;
        assert!(message.contains("accepted it over TLS on port 993"), "{message}");
    }

    #[test]
    fn refused_everywhere_is_vm007_once_and_only_with_a_tls_attempt() {
        let target = target(None);
        let mut seen = reports(
            &target,
            [
                (Outcome::Failed, refused(Channel::Clear)),
                (Outcome::Failed, refused(Channel::Tls)),
            ],
        );
        judge(&Deployment::default(), &target, "alice", &mut seen);
        assert_eq!(codes(&seen), [vec![], vec![Code::VM007]]);

        let mut plain_only = reports(
            &target,
            [
                (Outcome::Failed, refused(Channel::Clear)),
                (Outcome::Ok, Login::NotTried),
            ],
        );
        judge(&Deployment::default(), &target, "alice", &mut plain_only);
        assert_eq!(codes(&plain_only), [vec![], vec![]]);
        let note = &plain_only[0].observation.evidence[0].text;
        assert!(note.contains("look alike from here"), "{note}");
    }

    #[test]
    fn refused_connections_are_vm002_and_drift_when_the_file_says_imap_runs() {
        let automatic = Some(ImapService {
            startup: Startup::Automatic,
            running: false,
            plain_text_login: None,
        });
        let target = target(automatic);
        let mut stopped = reports(
            &target,
            [(Outcome::Refused, Login::NotAsked), (Outcome::Refused, Login::NotAsked)],
        );
        judge(&Deployment::default(), &target, "", &mut stopped);
        assert_eq!(codes(&stopped), vec![vec![Code::VM002, Code::DRIFT001]; 2]);
        let setting = stopped[0].observation.setting.as_ref().unwrap();
        assert_eq!(
            (setting.name.as_str(), setting.says.as_str()),
            ("servers[0].imap.startup", "\"automatic\"")
        );

        let mut one_off = reports(
            &target,
            [(Outcome::Refused, Login::NotAsked), (Outcome::Ok, Login::NotAsked)],
        );
        judge(&Deployment::default(), &target, "", &mut one_off);
        assert_eq!(codes(&one_off), [vec![Code::VM002, Code::DRIFT001], vec![]]);
        let message = &one_off[0].observation.raised[0].message;
        assert!(message.contains("though IMAP answers on 993"), "{message}");
        let drift = &one_off[0].observation.raised[1].message;
        assert!(drift.ends_with("but port 143 refuses connections"), "{drift}");

        let silent_file = self::target(None);
        let mut stopped = reports(
            &silent_file,
            [(Outcome::Refused, Login::NotAsked), (Outcome::Refused, Login::NotAsked)],
        );
        judge(&Deployment::default(), &silent_file, "", &mut stopped);
        assert_eq!(
            codes(&stopped),
            vec![vec![Code::VM002]; 2],
            "the file says nothing runs"
        );
        assert_eq!(stopped[0].observation.setting, None);
    }
}
