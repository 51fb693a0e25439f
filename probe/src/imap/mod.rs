//! IMAP as CUPC reaches voicemail, the field notes' manual test (`telnet SERVER 143`,
//! `1 capability`, `2 login USER PASS`) done by the tool on every IMAP port of every voicemail
//! server: greeting and CAPABILITY (VM006), LOGIN when asked (VM001, VM007), a closed port
//! (VM002, DRIFT001).
//!
//! The client is written here: a few tagged commands need no crate. [`connection`] speaks the
//! protocol boundedly, [`session`] asks one port, [`judge`] reads the ports of one server
//! together, [`task`] runs them; the password goes out only through [`connection`]'s LOGIN and
//! never into anything stored ([`redact`]).

mod astring;
mod connection;
mod judge;
mod redact;
mod reply;
mod session;
mod targets;
mod task;

pub use task::tasks;
