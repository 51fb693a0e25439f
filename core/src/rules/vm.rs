//! VM: voicemail as CUPC reaches it over IMAP.

use super::Code;
use super::engine::{Context, Sink};
use super::registry::{RuleInfo, Service};
use crate::derive::imap::read_capability;
use crate::model::{Path, Role, Server, Startup, VoicemailSystem};
use crate::report::{Fix, Severity, Subject, SubjectKind};

/// The VM rules.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        code: Code::VM001,
        title: "Exchange 2007 IMAP on TCP 143 with plain-text LOGIN disabled",
        severity: Severity::Error,
        checks: "A voicemail profile uses IMAP over TCP 143 to an Exchange 2007 (or later) mailbox server on which plain-text LOGIN is not enabled.",
        why: "Exchange 2007 disables LOGIN on TCP 143 by default (it is available over SSL only), so CUPC shows Voicemail: Invalid username/password.",
        fixes: &[
            Fix::new(
                "Run `Set-IMAPSettings -LoginType 1` in the Exchange Management Shell and restart the IMAP4 service.",
                "Passwords cross the network in plain text on 143.",
            ),
            Fix::new(
                "Point the profile to port 993 (IMAP over SSL).",
                "CUPC must trust the Exchange certificate.",
            ),
        ],
        service: Some(Service::Voicemail),
    },
    RuleInfo {
        code: Code::VM002,
        title: "IMAP service is not running on an Exchange mailbox server",
        severity: Severity::Error,
        checks: "The Microsoft Exchange IMAP4 service of a mailbox server is not set to Automatic and running.",
        why: "Exchange installs IMAP4 disabled; CUPC's voicemail cannot connect until it is started.",
        fixes: &[Fix::new(
            "Set the IMAP4 service's startup type to Automatic and start it.",
            "One more service exposed on the mailbox server.",
        )],
        service: Some(Service::Voicemail),
    },
    RuleInfo {
        code: Code::VM003,
        title: "voicemail profile points to the Unity server, not the Exchange store",
        severity: Severity::Error,
        checks: "With Cisco Unity, a CUPC voicemail profile points to the Unity server instead of the Exchange server that stores the messages.",
        why: "Unity keeps voicemail in Exchange; CUPC must read it there. CUPS Admin calls the field \"Unity Server\", which misleads, especially in unified messaging where they are different servers.",
        fixes: &[Fix::new("Point the profile to the Exchange mailbox server.", "None.")],
        service: Some(Service::Voicemail),
    },
    RuleInfo {
        code: Code::VM004,
        title: "fewer voicemail profiles than mailbox servers",
        severity: Severity::Error,
        checks: "There are more Exchange mailbox servers than CUPC voicemail profiles pointing to them.",
        why: "CUPC does not follow IMAP referrals: users whose mailbox lives on a server without a profile get no voicemail.",
        fixes: &[Fix::new(
            "Enable IMAP on each mailbox server and create one profile for each.",
            "More profiles to assign and keep current.",
        )],
        service: Some(Service::Voicemail),
    },
    RuleInfo {
        code: Code::VM005,
        title: "Unity Connection uses the Web Application Password",
        severity: Severity::Info,
        checks: "Voicemail is on Cisco Unity Connection.",
        why: "CUPC logs in to Unity Connection's IMAP with the user's Web Application Password, not the voicemail PIN; resetting the PIN does not fix a failed login.",
        fixes: &[Fix::new(
            "Reset the user's Web Application Password when voicemail login fails.",
            "The user must learn a new password.",
        )],
        service: Some(Service::Voicemail),
    },
    RuleInfo {
        code: Code::VM006,
        title: "captured IMAP CAPABILITY shows LOGINDISABLED on a plain-text port",
        severity: Severity::Error,
        checks: "A captured IMAP `CAPABILITY` line contains `LOGINDISABLED` on port 143.",
        why: "The server refuses plain-text LOGIN on that port: CUPC's voicemail login will fail there.",
        fixes: &[
            Fix::new(
                "Run `Set-IMAPSettings -LoginType 1` and restart IMAP.",
                "Passwords cross the network in plain text.",
            ),
            Fix::new("Use port 993 (SSL).", "CUPC must trust the certificate."),
        ],
        service: Some(Service::Voicemail),
    },
];

/// Whether plain-text LOGIN is allowed on 143: as configured, else the version's default.
fn plain_login(server: &Server) -> Option<bool> {
    if let Some(allowed) = server.imap.as_ref().and_then(|i| i.plain_text_login) {
        return Some(allowed);
    }
    let year: u16 = server.version.as_deref()?.trim().get(..4)?.parse().ok()?;
    Some(year < 2007)
}

/// Run the VM rules.
pub fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(vm) = &cx.deployment.voicemail else {
        return;
    };
    let vm_path = Path::default().key("voicemail");
    if vm.system == VoicemailSystem::UnityConnection {
        out.emit(
            Code::VM005,
            Subject::new(SubjectKind::Voicemail, ""),
            cx.locate(&vm_path.clone().key("system")),
            "voicemail is on Unity Connection: CUPC logs in with the Web Application Password, not the voicemail PIN",
        );
    }
    for profile in &vm.profiles {
        let Some(server) = cx.server(&profile.server) else {
            continue;
        };
        let subject = || Subject::new(SubjectKind::Server, &server.node_name);
        if vm.system == VoicemailSystem::Unity && server.has_role(Role::Unity) && !server.has_role(Role::Exchange) {
            out.emit(Code::VM003, subject(), profile.location.clone(), format!("the voicemail profile points to Unity server `{}`; CUPC must read voicemail from the Exchange store", server.node_name));
        }
        if server.has_role(Role::Exchange) && profile.port == 143 {
            match plain_login(server) {
                Some(false) => out.emit(
                    Code::VM001,
                    subject(),
                    profile.location.clone(),
                    format!("the profile uses IMAP on TCP 143 to Exchange {} `{}`, where plain-text LOGIN is disabled: Voicemail will show Invalid username/password", server.version.as_deref().unwrap_or("2007"), server.node_name),
                ),
                Some(true) => {}
                None => out.skip(Code::VM001, "an Exchange server has no version and no `imap.plain_text_login`"),
            }
        }
    }
    if vm.system == VoicemailSystem::Unity {
        let mailbox: Vec<&Server> = cx.deployment.servers_with(Role::Exchange).collect();
        for server in &mailbox {
            let imap = server.imap.as_ref();
            let automatic = imap.is_some_and(|i| i.startup == Startup::Automatic);
            let running = imap.is_some_and(|i| i.running);
            if !(automatic && running) {
                let state = match imap {
                    None => "disabled (the default)".to_owned(),
                    Some(i) => format!(
                        "{} and {}",
                        i.startup.as_str(),
                        if i.running { "running" } else { "stopped" }
                    ),
                };
                out.emit(
                    Code::VM002,
                    Subject::new(SubjectKind::Server, &server.node_name),
                    server.location.clone(),
                    format!("the IMAP4 service on Exchange `{}` is {state}", server.node_name),
                );
            }
        }
        let profiled: std::collections::HashSet<&str> = vm
            .profiles
            .iter()
            .map(|p| p.server.as_str())
            .filter(|s| mailbox.iter().any(|m| m.node_name == *s))
            .collect();
        if profiled.len() < mailbox.len() {
            let missing: Vec<&str> = mailbox
                .iter()
                .map(|m| m.node_name.as_str())
                .filter(|m| !profiled.contains(m))
                .collect();
            out.emit(
                Code::VM004,
                Subject::new(SubjectKind::Voicemail, ""),
                vm.location.clone(),
                format!("{} mailbox servers but {} voicemail profiles: no profile for {} (CUPC does not follow IMAP referrals)", mailbox.len(), profiled.len(), missing.join(", ")),
            );
        }
    }
    if let Some(captured) = &vm.captured_capability {
        if read_capability(&captured.line, captured.port) == Some(Code::VM006) {
            out.emit(
                Code::VM006,
                Subject::new(SubjectKind::Server, &captured.server),
                cx.locate(&vm_path.key("captured_capability")),
                format!(
                    "`{}` answered CAPABILITY with LOGINDISABLED on port {}: plain-text login is refused there",
                    captured.server, captured.port
                ),
            );
        }
    }
}
