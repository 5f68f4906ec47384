//! `lawgov-tui`: a subcommand runs headless and exits; otherwise the TUI.

mod cli;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use cli::Cli;
use lawgov_tui::tui::Ending;
use lawgov_tui::Catalogues;

fn main() -> ExitCode {
    let matches = Cli::command().after_help(cli::after_help()).get_matches();
    let args = match Cli::from_arg_matches(&matches) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    let result = match args.command {
        Some(command) => cli::run(command, catalogues).map(|()| Ending::Quit),
        None => lawgov_tui::tui::run(&args.paths, catalogues())
            .map_err(|e| cli::UserError(e.to_string())),
    };
    match result {
        Ok(Ending::Quit) => ExitCode::SUCCESS,
        // As a shell reports a process a signal ended.
        Ok(Ending::Signal(n)) => ExitCode::from(u8::try_from(128 + n).unwrap_or(u8::MAX)),
        Err(cli::UserError(msg)) => {
            eprintln!("lawgov-tui: {}", lawgov_tui::text::printable(&msg));
            ExitCode::from(2)
        }
    }
}

/// The built-in catalogues extended by the user's files; a broken file is
/// a warning and leaves the built-in one in use, a broken entry is
/// refused alone.
fn catalogues() -> Catalogues {
    let (catalogues, broken) = Catalogues::with_user_files();
    for e in broken {
        let then = match e.entry_only {
            true => "the rest of the file is used",
            false => "using the built-in catalogue instead",
        };
        eprintln!(
            "lawgov-tui: warning: {} ({then})",
            lawgov_tui::text::printable(&e.to_string())
        );
    }
    catalogues
}
