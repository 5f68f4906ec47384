//! The shell's conventions: completion scripts and the man page, made
//! from the same definitions as `--help`, so neither drifts from the
//! program.

use std::io::{self, Write};

use clap::CommandFactory;

use super::Cli;

/// The completion script of `shell`, for `source` or the shell's folder.
pub fn completions(out: &mut impl Write, shell: clap_complete::Shell) -> io::Result<()> {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "lawgov-tui", out);
    Ok(())
}

/// The man page, in roff (`man -l` reads it).
pub fn man(out: &mut impl Write) -> io::Result<()> {
    let command = Cli::command().after_help(super::EXAMPLES);
    clap_mangen::Man::new(command).render(out)
}
