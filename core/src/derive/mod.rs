//! Derivations (SPEC §2): pure functions that return an answer and the steps that led to it.
