//! What the probe asks for one Jabber or Webex App profile: who signs in, D8's prediction for
//! them, the domain the SRV lookups use, and the DNS server the profile asks.

use uclint_core::derive::jabber::{JabberDiscovery, Place, discover, profile_sign_in};
use uclint_core::model::{Client, Deployment};

use super::view::{self, View};
use uclint_core::catalogue::Service as Health;
use uclint_core::report::{Subject, SubjectKind};

use crate::{Observation, Probe, ProbeRequest, Target};

/// One profile's questions.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The profile.
    pub client: Client,
    /// D8's answer from the deployment file.
    pub prediction: JabberDiscovery,
    /// The domain the SRV lookups use (`VOICE_SERVICES_DOMAIN`, else the services domain).
    pub domain: String,
    /// The DNS server asked; none when nothing says which (outside, nothing given).
    pub view: Option<View>,
}

impl Plan {
    /// The questions for `client`, or none when it makes no SRV lookup: not Jabber nor Webex
    /// App, no sign-in domain, cached manual server settings, or a Webex domain.
    pub fn new(deployment: &Deployment, request: &ProbeRequest, client: &Client) -> Option<Self> {
        if !client.kind.discovers_services() {
            return None;
        }
        let sign_in = profile_sign_in(deployment, client, request.user.as_deref())?;
        let prediction = discover(deployment, client, &sign_in);
        let domain = prediction.lookup_domain.clone()?;
        let view = view::choose(request, client, prediction.place);
        Some(Self {
            client: client.clone(),
            prediction,
            domain: domain.trim_end_matches('.').to_owned(),
            view,
        })
    }

    /// Inside or outside.
    pub fn place(&self) -> Place {
        self.prediction.place
    }

    /// A blank observation of `target` for this profile's Jabber sign-in.
    pub fn observation(&self, target: Target) -> Observation {
        let mut observation = Observation::new(
            Probe::Jabber,
            target,
            Subject::new(SubjectKind::Client, &self.client.id),
        );
        observation.service = Some(Health::JabberSignIn);
        observation
    }
}
