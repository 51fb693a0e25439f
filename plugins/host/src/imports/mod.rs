//! What the host gives a plugin, one module per contract version: the deployment, typed and
//! paged, and the core's derivations. Every call is charged to the plugin's host-work budget,
//! so a plugin cannot make the host do unbounded work on its behalf. A later version answers
//! what it shares with an earlier one through that version's code, so both always agree.

mod jabber;
mod v0_1_0;
mod v0_2_0;
