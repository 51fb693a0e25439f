//! Text importers: what a client machine, a directory export or a CUCM export says, as a
//! [`Collected`].
//!
//! Each importer reads one format and refuses what it does not recognise (another language, a
//! truncated copy, empty input, binary data) with an [`ImportError`] naming the line: a
//! half-read profile would be worse than none. Importers take text; [`decode`] turns the bytes of
//! a file into text first (Windows PowerShell writes `ipconfig /all > file` as UTF-16).

mod bat;
mod error;
mod hosts;
mod ipconfig;
mod ldif;
mod resolv;
mod scutil;
mod text;

pub use bat::bat;
pub use error::ImportError;
pub use hosts::hosts;
pub use ipconfig::ipconfig;
pub use ldif::{LdifImport, ldif};
pub use resolv::resolv;
pub use scutil::scutil;
pub use text::decode;
