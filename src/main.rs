//! `lawgov-tui`: a subcommand runs headless and exits; otherwise the TUI.

mod cli;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use cli::Cli;

fn main() -> ExitCode {
    let matches = Cli::command().after_help(cli::after_help()).get_matches();
    let args = match Cli::from_arg_matches(&matches) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    let broken = [
        (&lawgov_tui::figures::indicators::global().1, "indicators"),
        (&lawgov_tui::compare::topics::global().1, "topics"),
    ];
    for (error, what) in broken {
        if let Some(e) = error {
            eprintln!(
                "lawgov-tui: warning: {} (using the built-in {what})",
                lawgov_tui::text::printable(&e.to_string())
            );
        }
    }
    let result = match args.command {
        Some(command) => cli::run(command),
        None => lawgov_tui::tui::run(&args.paths).map_err(cli::UserError),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(cli::UserError(msg)) => {
            eprintln!("lawgov-tui: {}", lawgov_tui::text::printable(&msg));
            ExitCode::from(2)
        }
    }
}
