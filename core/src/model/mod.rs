//! The deployment model (SPEC §4).
