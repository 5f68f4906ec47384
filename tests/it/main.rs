//! The integration tests, in one binary so that a change relinks once:
//! the domain against the hand gold, the forms real pages give a report
//! in, the CLI as a script sees it, and the real binary in a
//! pseudo-terminal.

mod bounds;
mod catalogues;
mod cli;
mod common;
mod compare;
mod e2e_tmux;
mod exports;
mod figures_gold;
mod followup;
mod formats;
mod forms;
mod gold;
mod indicators_gold;
mod invariance;
mod labels;
mod openings;
mod reuse;
mod reuse_cli;
mod script_oracle;
mod search;
mod sentences;
mod shell;
mod streaming;
mod topics;
mod wild_figures;
mod wild_identity;
mod years_cli;
