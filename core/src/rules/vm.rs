//! VM: voicemail as CUPC reaches it over IMAP.

use super::engine::{Context, Sink};
use crate::catalogue::Code;
use crate::derive::imap::read_capability;
use crate::model::{Path, Role, Server, Startup, VoicemailSystem};
use crate::report::{Subject, SubjectKind};

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
