//! TOPO: which server does what, and whether references hold.

use super::engine::{Context, Sink};
use super::users::UserRules;
use crate::catalogue::Code;
use crate::model::{Role, User};
use crate::report::{Subject, SubjectKind};

/// Run the TOPO rules.
pub fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    for server in &cx.deployment.servers {
        if server.has_role(Role::Cucm) && server.has_role(Role::Cups) {
            out.emit(
                Code::TOPO001,
                Subject::new(SubjectKind::Server, &server.node_name),
                server.location.clone(),
                format!(
                    "`{}` is both CUCM and CUPS: CUPS cannot be co-resident with CUCM",
                    server.node_name
                ),
            );
        }
    }
    for problem in cx.reference_problems {
        out.emit(
            Code::TOPO003,
            Subject::new(SubjectKind::Deployment, ""),
            problem.location.clone(),
            problem.message.clone(),
        );
    }
}

/// TOPO002, user by user.
pub fn user_rules<'a>(_: &Context<'a>, out: &mut Sink<'_>) -> Option<Box<dyn UserRules<'a> + 'a>> {
    out.enabled(Code::TOPO002)
        .then(|| Box::new(NodesAreCups) as Box<dyn UserRules<'a>>)
}

struct NodesAreCups;

impl<'a> UserRules<'a> for NodesAreCups {
    fn check_user(&mut self, cx: &Context<'a>, user: &'a User, out: &mut Sink<'_>) {
        // The presence node is named only when it differs from the home node (interned names:
        // the same node is almost always the same pointer).
        let presence = user.presence_node.as_deref().filter(|p| {
            user.home_node
                .as_deref()
                .is_none_or(|h| !std::ptr::eq(*p, h) && *p != h)
        });
        for (what, node) in [("home node", user.home_node.as_deref()), ("presence node", presence)] {
            let Some(node) = node else { continue };
            if let Some(server) = cx.server(node).filter(|s| !s.has_role(Role::Cups)) {
                let roles: Vec<&str> = server.roles.iter().map(|r| r.as_str()).collect();
                out.emit(
                    Code::TOPO002,
                    Subject::new(SubjectKind::User, user.cucm_id.as_str()),
                    cx.user_location(user),
                    format!(
                        "`{}`'s {what} `{node}` is not a CUPS node (it is {})",
                        user.cucm_id,
                        roles.join(", ")
                    ),
                );
            }
        }
    }
}
