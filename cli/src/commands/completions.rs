//! `uclint completions SHELL` and `uclint man`: what a packaged command line installs beside
//! itself, generated from the same definition clap parses, so they never drift from it.

use std::io::Write;
use std::path::PathBuf;

use clap::CommandFactory;
use serde::Serialize;

use super::Failure;
use crate::args::{Cli, ManArgs};
use crate::output::{ErasedReport, Report};

/// Text meant for a file (a script or a page), printed as it is whatever `--format` says.
#[derive(Serialize)]
#[serde(transparent)]
struct Verbatim(String);

impl Report for Verbatim {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(self.0.as_bytes())
    }
}

/// The completion script for `shell`.
pub fn script(shell: clap_complete::Shell) -> Box<dyn ErasedReport> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "uclint", &mut script);
    Box::new(Verbatim(String::from_utf8_lossy(&script).into_owned()))
}

/// The manual page, or with `--out` a page per subcommand written into a folder.
pub fn man(args: &ManArgs) -> Result<Box<dyn ErasedReport>, Failure> {
    let command = Cli::command();
    let Some(dir) = &args.out else {
        let mut page = Vec::new();
        clap_mangen::Man::new(command)
            .render(&mut page)
            .map_err(|e| Failure::Usage(format!("cannot render the manual page: {e}")))?;
        return Ok(Box::new(Verbatim(String::from_utf8_lossy(&page).into_owned())));
    };
    std::fs::create_dir_all(dir).map_err(|e| Failure::Usage(format!("cannot create `{}`: {e}", dir.display())))?;
    clap_mangen::generate_to(command, dir)
        .map_err(|e| Failure::Usage(format!("cannot write manual pages into `{}`: {e}", dir.display())))?;
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Failure::Usage(format!("cannot list `{}`: {e}", dir.display())))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "1"))
        .collect();
    pages.sort();
    Ok(Box::new(Written { pages }))
}

#[derive(Serialize)]
struct Written {
    pages: Vec<PathBuf>,
}

impl Report for Written {
    fn text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "wrote {} manual pages:", self.pages.len())?;
        for page in &self.pages {
            writeln!(out, "  {}", page.display())?;
        }
        Ok(())
    }
}
