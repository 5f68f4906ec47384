//! Headless subcommands: they run, print, and exit before any TUI starts.

mod check;
mod diff;
mod figures;
mod followup;
mod outline;
mod reuse;
mod search;
mod shell;
mod stream;
mod table;
mod years;

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};

use lawgov_tui::corpus::Choices;
use lawgov_tui::figures::Catalogue as Indicators;
use lawgov_tui::report::Depth;
use lawgov_tui::{Catalogues, Library, Report};

/// How a command writes its results: text for a person, JSON or CSV for
/// a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
}

impl Format {
    /// From the flags `--json` and `--csv` (`--json` first).
    fn of(json: bool, csv: bool) -> Format {
        match (json, csv) {
            (true, _) => Format::Json,
            (_, true) => Format::Csv,
            _ => Format::Text,
        }
    }
}

const EXAMPLES: &str = "\
Examples:
  lawgov-tui                          open the bundled reports in the TUI
  lawgov-tui ~/reports 2024/          open every report in these folders
  lawgov-tui outline report.txt       print the section tree
  lawgov-tui outline report.txt --json | jq '.headings[].title'
  lawgov-tui check reports/ --json    the parts check for a whole folder
  lawgov-tui figures reports/ --csv > figures.csv
                                      every figure, for a spreadsheet or DuckDB
  lawgov-tui figures reports/ --indicator litigation_loss_rate
                                      one indicator across reports
  lawgov-tui table reports/ --csv > table.csv
                                      one row per report, one column per indicator
  lawgov-tui diff a.txt b.txt         two reports side by side, topic by topic
  lawgov-tui diff a.txt b.txt --figures
                                      their indicators face to face
  lawgov-tui years reports/           each place's indicators across the years
  lawgov-tui followup 2023.txt 2024.txt
                                      2023's plans against what 2024 reports
  lawgov-tui reuse reports/           passages reports share with others and their own past
  lawgov-tui search 行政复议 reports/   every hit, 繁/简 alike, with file, place, year, section, line
  lawgov-tui search '复议\\d+件' reports/ --regex --csv";

#[derive(Debug, Parser)]
#[command(
    name = "lawgov-tui",
    version,
    about = "Read and compare Chinese governments' annual rule-of-law reports (法治政府建设年度报告)",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Report files or folders to open (.txt, .htm, .html in UTF-8, UTF-16, GB18030 or Big5; .pdf with a text layer; .docx).
    /// Without any, the bundled reports open, plus your library folder.
    pub paths: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print each report's section tree: headings, 一是/二是 items,
    /// metadata.
    Outline {
        /// Files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print JSON instead of the indented tree: one object, or one a
        /// line when the paths name more than one report.
        #[arg(long)]
        json: bool,
    },
    /// Check each report for the four required parts and on-time publication.
    Check {
        /// Files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List the figures (counts, money, rates, changes) each report states.
    Figures {
        /// Files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print a JSON array of figures.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV with a header row.
        #[arg(long)]
        csv: bool,
        /// Only figures of this indicator (an id from the catalogue, e.g.
        /// reconsideration_correction_rate).
        #[arg(long, value_name = "ID")]
        indicator: Option<String>,
    },
    /// For each report and indicator, the one figure a comparison shows
    /// (the headline, or the one you chose in the TUI).
    Table {
        /// Files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// JSON: one object per report, a cell (or null) per indicator.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// CSV: one row per report, one column per indicator, plain
        /// numbers (money in 元, rates in %).
        #[arg(long)]
        csv: bool,
        /// One row per cell (report, indicator, value, unit, qualifier,
        /// raw, label, section, line, col, chosen) instead of one per
        /// report.
        #[arg(long)]
        long: bool,
    },
    /// Compare two reports: sections paired by topic, the text each pair
    /// shares and what one side alone says, figures face to face.
    Diff {
        a: PathBuf,
        b: PathBuf,
        /// Print JSON (never colours).
        #[arg(long)]
        json: bool,
        /// Print the table of indicators with both values (text output).
        #[arg(long)]
        figures: bool,
        /// Stop after this many milliseconds from the start, reading the
        /// files included, and say what was cut (the TUI's comparison
        /// stops at 60). Without it a script gets the whole comparison
        /// however long the reports.
        #[arg(long, value_name = "MS")]
        time_limit: Option<u64>,
    },
    /// For each place with reports of two years or more, its indicators
    /// across the years (each year's table cell, and the change).
    Years {
        /// Files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// JSON: one object per place, each indicator's cells by year.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// CSV: one row per place, indicator and year.
        #[arg(long)]
        csv: bool,
    },
    /// Did a government do what it planned? Report A's plans for the next
    /// year against report B of that year (the passages of B that report
    /// on each, with their scores), and the shortcomings B repeats from A.
    Followup {
        a: PathBuf,
        b: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Compare even when A and B are not one place's consecutive years.
        #[arg(long)]
        force: bool,
        /// Stop after this many milliseconds from the start, reading the
        /// files included, and say how many promises were left unchecked
        /// (the TUI stops at 60). Without it a script gets every promise
        /// checked however long the reports.
        #[arg(long, value_name = "MS")]
        time_limit: Option<u64>,
    },
    /// Passages reports share with other reports and with their own past
    /// (beyond the genre's stock phrases): pairs of reports, most shared
    /// first, with their longest passages and the numbers and words that
    /// differ; near copies as one group.
    Reuse {
        /// Files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The shortest passage, in characters as written.
        #[arg(long, value_name = "N", default_value_t = 40,
              value_parser = clap::value_parser!(u16).range(10..))]
        min_chars: u16,
        /// JSON: the groups of near copies and every pair with all its passages.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// CSV: one row per passage (and per member of a group).
        #[arg(long)]
        csv: bool,
    },
    /// Find a phrase (or a regular expression) in every report: one hit a
    /// line with file, place, year, section, line, column and the line's
    /// text. Traditional and Simplified, full-width and half-width, upper
    /// and lower case match each other.
    Search {
        /// A literal phrase, or with --regex a regular expression.
        pattern: String,
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Read PATTERN as a regular expression (Rust regex syntax).
        #[arg(long)]
        regex: bool,
        /// JSON lines: one object per hit.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// CSV with a header row.
        #[arg(long)]
        csv: bool,
    },
    /// Print a completion script for a shell, e.g.
    /// `source <(lawgov-tui completions bash)`.
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff), e.g. `lawgov-tui man > lawgov-tui.1`.
    Man,
}

/// The help text's closing lines: examples, and where the user's library
/// and catalogues live.
pub fn after_help() -> String {
    let shown = |d: Option<PathBuf>| {
        d.map_or_else(
            || "(no such folder on this system)".to_owned(),
            |d| d.display().to_string(),
        )
    };
    format!(
        "{EXAMPLES}\n\nYour library folder (opened too when it exists):\n  {}\n\
         Your config folder (indicators.toml, topics.toml extend the built-in catalogues):\n  {}",
        shown(lawgov_tui::paths::library_dir()),
        shown(lawgov_tui::paths::config_dir())
    )
}

/// A failure the user caused: printed as one line, exit status 2.
#[derive(Debug)]
pub struct UserError(pub String);

/// Runs a command. The catalogues (and the user's files that extend
/// them) are read only by the commands that use them: `outline`, `check`
/// and `search` start without.
pub fn run(command: Command, catalogues: impl FnOnce() -> Catalogues) -> Result<(), UserError> {
    let catalogues = std::cell::LazyCell::new(catalogues);
    let full = || Depth::Full(&catalogues.indicators);
    let mut out = io::stdout().lock();
    let result = match command {
        Command::Outline { files, json } => {
            outline::print_each(&mut out, &files, json)?;
            Ok(())
        }
        Command::Check { files, json } => {
            check::print(&mut out, &files, json)?;
            Ok(())
        }
        Command::Figures {
            files,
            json,
            csv,
            indicator,
        } => {
            if let Some(id) = &indicator {
                known_indicator(id, &catalogues.indicators)?;
            }
            let format = Format::of(json, csv);
            figures::print(&mut out, &files, full(), indicator.as_deref(), format)?;
            Ok(())
        }
        Command::Table {
            files,
            json,
            csv,
            long,
        } => {
            let format = Format::of(json, csv);
            let choices = user_choices();
            let output = table::Output {
                catalogue: &catalogues.indicators,
                choices: &choices,
                format,
                long,
            };
            table::print(&mut out, &files, full(), &output)?;
            Ok(())
        }
        Command::Diff {
            a,
            b,
            json,
            figures,
            time_limit,
        } => {
            let (depth, deadline) = within(time_limit, full(), &catalogues.indicators);
            let (a, b) = open_pair(&a, &b, depth, deadline)?;
            say_cut(&[&a, &b]);
            let (topics, indicators) = (&catalogues.topics, &catalogues.indicators);
            // A day stands for no limit: Instant arithmetic needs a bound.
            let budget = deadline.map_or(Duration::from_secs(86_400), |d| {
                d.saturating_duration_since(Instant::now())
            });
            let choices = user_choices();
            let c = lawgov_tui::compare::compare_within(
                &a,
                &b,
                topics,
                indicators,
                Some(&choices),
                budget,
            );
            let format = match json {
                true => diff::DiffStyle::Json,
                false if colour() => diff::DiffStyle::Colour,
                false => diff::DiffStyle::Plain,
            };
            diff::print(&mut out, &a, &b, &c, topics, format, figures)
        }
        Command::Years { files, json, csv } => {
            let format = Format::of(json, csv);
            let choices = user_choices();
            let indicators = &catalogues.indicators;
            // Each report is kept as its identity and its cells' figures:
            // thousands of reports, not thousands of texts.
            let (mut reports, mut cells) = (Vec::new(), Vec::new());
            let streamed = stream::each_report(&files, full(), |r| {
                let mut cs = lawgov_tui::corpus::cells::cells(r, indicators, Some(&choices));
                let figures = cs
                    .iter_mut()
                    .enumerate()
                    .map(|(i, c)| std::mem::replace(&mut c.figure, i))
                    .map(|f| r.figures()[f].clone())
                    .collect();
                reports.push(r.identity_with(figures));
                cells.push(cs);
                Ok(())
            });
            let printed = match reports.is_empty() {
                true => Ok(()),
                false => years::print(&mut out, &reports, &cells, indicators, format),
            };
            streamed?;
            printed
        }
        Command::Followup {
            a,
            b,
            json,
            force,
            time_limit,
        } => {
            let (depth, deadline) = within(time_limit, full(), &catalogues.indicators);
            let (a, b) = open_pair(&a, &b, depth, deadline)?;
            if let Some(why) = followup::not_consecutive(&a, &b).filter(|_| !force) {
                return Err(UserError(format!("{why} (--force compares them anyway)")));
            }
            say_cut(&[&a, &b]);
            let budget = deadline.map_or(Duration::MAX, |d| {
                d.saturating_duration_since(Instant::now())
            });
            let f = lawgov_tui::followup::followup_within(&a, &b, budget);
            followup::print(&mut out, &a, &b, &f, json)
        }
        Command::Reuse {
            files,
            min_chars,
            json,
            csv,
        } => {
            let format = Format::of(json, csv);
            let (source, r) = find_reuse(&files, usize::from(min_chars))?;
            reuse::print(&mut out, &r, &source, format)
        }
        Command::Search {
            pattern,
            paths,
            regex,
            json,
            csv,
        } => {
            let query = lawgov_tui::corpus::search::Query::new(&pattern, regex)
                .map_err(|e| UserError(e.to_string()))?;
            let format = Format::of(json, csv);
            let (files, skipped) = lawgov_tui::corpus::library::report_files(&paths);
            for s in &skipped {
                eprintln!(
                    "lawgov-tui: warning: skipped {}",
                    lawgov_tui::text::printable(&s.to_string())
                );
            }
            let unread = search::print(&mut out, &query, &files, format);
            match unread.map(|n| n + skipped.len()) {
                Ok(0) => Ok(()),
                Ok(n) => {
                    out.flush().ok();
                    return Err(UserError(format!(
                        "{n} path(s) skipped, see the warnings above; the rest was searched"
                    )));
                }
                Err(e) => Err(e),
            }
        }
        Command::Completions { shell } => shell::completions(&mut out, shell),
        Command::Man => shell::man(&mut out),
    };
    match result.and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(UserError(format!("cannot write output: {e}")))
        }
        _ => Ok(()),
    }
}

/// How deep to read the reports of a command with `--time-limit MS`,
/// and its deadline: the limit covers the whole command, reading the
/// files included, from now.
fn within<'a>(
    time_limit: Option<u64>,
    full: Depth<'a>,
    indicators: &'a Indicators,
) -> (Depth<'a>, Option<Instant>) {
    let deadline = time_limit.and_then(|ms| Instant::now().checked_add(Duration::from_millis(ms)));
    match deadline {
        Some(d) => (Depth::FullUntil(indicators, d), Some(d)),
        None => (full, None),
    }
}

/// The two reports a comparison takes. Under a deadline each file is
/// read in two thirds of the time left when its reading starts: a large
/// first file leaves the second and the comparison their time, and a
/// short one read sooner leaves its time to what follows. Not half: the
/// first file read pays for building every pattern reading uses.
fn open_pair(
    a: &PathBuf,
    b: &PathBuf,
    depth: Depth,
    deadline: Option<Instant>,
) -> Result<(Report, Report), UserError> {
    let share = || match (depth, deadline) {
        (Depth::FullUntil(indicators, _), Some(d)) => {
            let now = Instant::now();
            Depth::FullUntil(indicators, now + d.saturating_duration_since(now) * 2 / 3)
        }
        _ => depth,
    };
    let a = open_one(a, share())?;
    let b = open_one(b, share())?;
    Ok((a, b))
}

/// Says on stderr what the time limit cut of each report, one line a
/// report: the text read (when not the whole file), and the line its
/// figures were read to.
fn say_cut(reports: &[&Report]) {
    for r in reports {
        let figures = r.figures_cut_at.map(|line| r.file_line(line));
        let said = match (r.text_cut, figures) {
            (None, None) => continue,
            (None, Some(line)) => format!(
                "figures read only up to line {line} (of {})",
                r.file_line(r.lines.len())
            ),
            (Some(cut), figures) => {
                let read = format!(
                    "read only the first {} of {} characters, to line {} of {}",
                    cut.chars, cut.of_chars, cut.line, cut.of_lines
                );
                match figures {
                    Some(line) => format!("{read}; figures only up to line {line}"),
                    None => read,
                }
            }
        };
        eprintln!(
            "lawgov-tui: time limit: {}: {said}",
            lawgov_tui::text::printable(&r.file)
        );
    }
}

/// The user's choices of table cells; a file that cannot be read is a
/// warning, and the rule's headlines stand.
fn user_choices() -> Choices {
    let (choices, problem) = Choices::of_user();
    if let Some(e) = problem {
        eprintln!(
            "lawgov-tui: warning: {} (your choices of table cells are not applied)",
            lawgov_tui::text::printable(&e.to_string())
        );
    }
    choices
}

/// Colours only on a terminal, and never with NO_COLOR set.
fn colour() -> bool {
    use std::io::IsTerminal;
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Integers as JSON integers, decimals as floats.
fn json_number(f: &lawgov_tui::figures::Figure) -> serde_json::Value {
    serde_json::to_value(f.value).unwrap_or(serde_json::Value::Null)
}

/// A figure's sign in JSON: `+` for a rise, `-` for a fall, null for a
/// level.
fn json_sign(f: &lawgov_tui::figures::Figure) -> Option<&'static str> {
    f.sign.map(|s| s.symbol())
}

/// A sign in CSV: `1` for a rise, `-1` for a fall, empty for a level (a
/// cell that starts with `+` or `-` and is no number is a formula to a
/// spreadsheet).
fn csv_sign(sign: Option<lawgov_tui::figures::Sign>) -> &'static str {
    sign.map_or("", |s| s.csv())
}

/// CSV cells made safe, as the corpus view's export makes them.
use lawgov_tui::corpus::export::csv_text;

/// Writes `value` as pretty JSON and a line end. Chars a terminal acts on
/// that JSON lets through raw (C1 controls such as U+009B, which starts an
/// escape sequence, and bidirectional overrides) are written escaped
/// (`\u009b`): they can only stand inside strings, so escaping them after
/// serialising is exact.
fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    writeln!(out, "{}", json_text(value)?)
}

/// `value` as pretty JSON, with the chars [`write_json`] escapes escaped:
/// for output written a piece at a time.
fn json_text(value: &impl serde::Serialize) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    Ok(json_safe(&text))
}

/// JSON text with the chars [`write_json`] escapes escaped.
fn json_safe(text: &str) -> String {
    if !text.chars().any(json_escapes) {
        return text.to_owned();
    }
    let mut safe = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match json_escapes(c) {
            true => safe.push_str(&format!("\\u{:04x}", c as u32)),
            false => safe.push(c),
        }
    }
    safe
}

fn json_escapes(c: char) -> bool {
    c.is_control() && c as u32 >= 0x7F
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Keeps an I/O error's kind (a closed pipe is not a failure).
fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// One row of a text table: each cell fitted to its column's display
/// width (0: as long as it is), trailing spaces trimmed.
fn table_row(values: &[String], columns: &[(&str, usize)]) -> String {
    let cells: Vec<String> = values
        .iter()
        .zip(columns)
        .map(|(v, (_, w))| {
            if *w == 0 {
                v.clone()
            } else {
                lawgov_tui::text::fit(v, *w)
            }
        })
        .collect();
    cells.join(" ").trim_end().to_owned()
}

fn known_indicator(id: &str, catalogue: &Indicators) -> Result<(), UserError> {
    if catalogue.get(id).is_some() {
        return Ok(());
    }
    let ids: Vec<&str> = catalogue.indicators.iter().map(|i| i.id.as_str()).collect();
    Err(UserError(format!(
        "unknown indicator {id:?}; known ids: {}",
        ids.join(", ")
    )))
}

fn open_one(path: &PathBuf, depth: Depth) -> Result<Report, UserError> {
    if path.is_dir() {
        return Err(UserError(format!(
            "{}: is a folder; this command takes one report file",
            path.display()
        )));
    }
    let mut lib = Library::from_paths_to(std::slice::from_ref(path), depth);
    match (lib.reports.pop(), lib.skipped.pop()) {
        (Some(r), _) => Ok(r),
        (None, Some(s)) => Err(UserError(s.to_string())),
        (None, None) => Err(UserError(format!("{}: no report", path.display()))),
    }
}

/// The reuse among the reports `paths` name, read one at a time. As for
/// [`open_many`], named files must all load, and bad files inside a
/// folder are skipped with a warning.
fn find_reuse(
    paths: &[PathBuf],
    min_chars: usize,
) -> Result<
    (
        lawgov_tui::corpus::reuse::Files,
        lawgov_tui::corpus::reuse::Reuse,
    ),
    UserError,
> {
    let (files, skipped) = lawgov_tui::corpus::library::report_files(paths);
    let named = |file: &str| paths.iter().any(|p| p.display().to_string() == file);
    let warn = |s: &lawgov_tui::Skipped| {
        eprintln!(
            "lawgov-tui: warning: skipped {}",
            lawgov_tui::text::printable(&s.to_string())
        )
    };
    for s in &skipped {
        if named(&s.file) || files.is_empty() {
            return Err(UserError(s.to_string()));
        }
        warn(s);
    }
    let source = lawgov_tui::corpus::reuse::Files(files);
    let r = lawgov_tui::corpus::reuse::reuse(&source, min_chars);
    for s in &r.skipped {
        if named(&s.file) {
            return Err(UserError(s.to_string()));
        }
        warn(s);
    }
    Ok((source, r))
}
