//! End to end: the real binary in a pseudo-terminal (tmux), driven by keys,
//! asserting on what a person would see.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Session(String);

/// How long a wait may take before the program is taken to hang: long,
/// since a debug build loading large inputs on a busy machine is slow;
/// what must be quick is asserted on its own.
const WAIT_LIMIT: Duration = Duration::from_secs(40);

impl Session {
    fn start(name: &str, shell_cmd: &str) -> Session {
        Session::start_sized(name, shell_cmd, 160, 48)
    }

    fn start_sized(name: &str, shell_cmd: &str, w: u16, h: u16) -> Session {
        let s = Session(format!("lawgov-e2e-{name}-{}", std::process::id()));
        // Tests start sessions at once; the first to start the tmux server
        // may race the others, so a failed start is tried again.
        let ok = (0..5).any(|attempt| {
            if attempt > 0 {
                sleep(Duration::from_millis(200));
            }
            Command::new("tmux")
                .args([
                    "new-session",
                    "-d",
                    "-s",
                    &s.0,
                    "-x",
                    &w.to_string(),
                    "-y",
                    &h.to_string(),
                    "sh",
                ])
                .env("PS1", "$ ")
                .status()
                .expect("tmux is installed")
                .success()
        });
        assert!(ok, "tmux new-session");
        s.keys(&[shell_cmd, "Enter"]);
        s
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.0];
        args.extend_from_slice(keys);
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.0])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen with its colours and styles as escape sequences.
    fn styled_screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-e", "-t", &self.0])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn query(&self, format: &str) -> String {
        let out = Command::new("tmux")
            .args(["display-message", "-p", "-t", &self.0, format])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Waits until the screen holds `text`, or fails with what it shows.
    /// The screen once it shows `text`, taken again a moment later: a
    /// capture taken while a frame is being written shows half of it.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                sleep(Duration::from_millis(60));
                let later = self.screen();
                if later.contains(text) {
                    return later;
                }
                continue;
            }
            assert!(
                start.elapsed() < WAIT_LIMIT,
                "timed out waiting for {text:?}; screen:\n{s}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.0])
            .status();
    }
}

fn launch(name: &str, args: &str) -> Session {
    launch_sized(name, args, 160, 48)
}

/// The program in a terminal of `w`x`h`, with empty config and data
/// folders so that the machine's own files stay out.
fn launch_sized(name: &str, args: &str, w: u16, h: u16) -> Session {
    launch_with_data(name, args, w, h, &crate::common::empty_dir())
}

/// The program with `data` as the user's data folder (where choices are
/// kept) and an empty config folder.
fn launch_with_data(name: &str, args: &str, w: u16, h: u16, data: &std::path::Path) -> Session {
    let bin = crate::common::bin();
    let empty = crate::common::empty_dir();
    Session::start_sized(
        name,
        &format!(
            "clear; echo BEFORE; XDG_CONFIG_HOME='{e}' XDG_DATA_HOME='{d}' '{}' {args}; echo \"EXIT=$?\"",
            bin.display(),
            e = empty.display(),
            d = data.display()
        ),
        w,
        h,
    )
}

#[test]
fn step_through_sections_open_one_and_quit_cleanly() {
    let s = launch("steps", "");
    s.wait_for("Reports (5)");
    assert_eq!(
        s.query("#{alternate_on}"),
        "1",
        "TUI uses the alternate screen"
    );
    // The first report's tree: 前言, 一、…, (一)…, (二)…
    for _ in 0..3 {
        s.keys(&["Down"]);
    }
    s.keys(&["Enter"]);
    let screen = s.wait_for("┏ 一、深入學習");
    // The reader (focused, thick border) is titled with the chosen section
    // and shows its heading as the first line of text.
    assert!(
        screen.contains("(二)不斷加大法治政府建設謀劃推進力度"),
        "{screen}"
    );
    let reader_first_row = screen.lines().nth(1).unwrap();
    assert!(
        reader_first_row.contains("┃(二)不斷加大法治政府建設謀劃推進力度"),
        "{reader_first_row}"
    );
    s.keys(&["q"]);
    let after = s.wait_for("EXIT=0");
    assert!(
        after.contains("BEFORE"),
        "the shell's screen is back:\n{after}"
    );
    assert!(!after.contains("Reports (5)"));
    assert_eq!(s.query("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(s.query("#{cursor_flag}"), "1", "cursor visible");
    assert_eq!(s.query("#{mouse_any_flag}"), "0", "mouse reporting off");
    // Raw mode is off: the shell echoes what we type.
    s.keys(&["echo typed-ok", "Enter"]);
    s.wait_for("typed-ok\n");
}

/// TERM and QUIT (Ctrl-\\ sends it) end the program with 128 + the
/// signal's number and the terminal as it was: no alternate screen, no
/// mouse mode, the cursor shown.
#[test]
fn sigterm_and_sigquit_restore_the_terminal() {
    for (name, signal, exit) in [("term", "-TERM", "EXIT=143"), ("quit", "-QUIT", "EXIT=131")] {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let bin = crate::common::bin();
        let cmd = format!(
            "clear; sh -c 'echo $$ > {}; exec \"{}\"'; echo \"EXIT=$?\"",
            pid_file.display(),
            bin.display()
        );
        let s = Session::start(name, &cmd);
        s.wait_for("Reports (5)");
        let pid = std::fs::read_to_string(&pid_file)
            .unwrap()
            .trim()
            .to_owned();
        assert!(!pid.is_empty());
        Command::new("kill").args([signal, &pid]).status().unwrap();
        s.wait_for(exit);
        assert_eq!(s.query("#{alternate_on}"), "0", "{name}");
        assert_eq!(s.query("#{mouse_any_flag}"), "0", "{name}");
        assert_eq!(s.query("#{cursor_flag}"), "1", "{name}: the cursor shows");
    }
}

#[test]
fn search_finds_the_other_script_on_screen() {
    let s = launch("search", "");
    s.wait_for("Reports (5)");
    // Tab to the report list (tree → reader → figures → reports), go to
    // 張家港市 (last), back to its sections, search in Simplified.
    s.keys(&["Tab", "Tab", "Tab", "End", "Tab", "/"]);
    s.keys(&["-l", "张家港"]);
    s.keys(&["Enter"]);
    let screen = s.wait_for("hit 1/");
    assert!(screen.contains("張家港"), "{screen}");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

#[test]
fn figures_pane_jump_and_corpus_view() {
    let s = launch("figures", "");
    s.wait_for("Reports (5)");
    // The whole report's figures; the first of 常州市 2024 is 兩年.
    s.keys(&["a"]);
    let screen = s.wait_for("Figures · whole report");
    assert!(screen.contains("2 年"), "{screen}");
    // Tab to the figures pane, Enter: the reader shows that section.
    s.keys(&["Tab", "Tab", "Enter"]);
    let screen = s.wait_for("› (二)不斷加大法治政府建設謀劃推進力度");
    assert!(screen.contains("兩年"), "{screen}");
    // The corpus view, sorted by the first indicator, then back.
    s.keys(&["c"]);
    let screen = s.wait_for("Corpus · 5 reports");
    assert!(screen.contains("行政复议收案数"), "{screen}");
    s.keys(&["s"]);
    s.wait_for("▼行政复议收案数");
    s.keys(&["c"]);
    s.wait_for("Sections ·");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

#[test]
fn closing_the_terminal_ends_the_program() {
    // A folder name no other process has in its command line.
    let dir = tempfile::Builder::new()
        .prefix("lawgov-hup-")
        .tempdir()
        .unwrap();
    std::fs::copy(
        crate::common::shared_dir().join("reports/hongze-2023.txt"),
        dir.path().join("hongze-2023.txt"),
    )
    .unwrap();
    let marker = dir.path().display().to_string();
    let name = format!("lawgov-e2e-hup-{}", std::process::id());
    let command = format!("'{}' '{marker}'", crate::common::bin().display());
    assert!(Command::new("tmux")
        .args([
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            "120",
            "-y",
            "40",
            &command
        ])
        .status()
        .unwrap()
        .success());
    let running = || {
        Command::new("pgrep")
            .args(["-f", &marker])
            .output()
            .map(|o| !o.stdout.is_empty())
            .unwrap_or(false)
    };
    let start = Instant::now();
    while !running() && start.elapsed() < Duration::from_secs(5) {
        sleep(Duration::from_millis(50));
    }
    assert!(running(), "the program started");
    sleep(Duration::from_millis(500));
    let _ = Command::new("tmux")
        .args(["kill-session", "-t", &name])
        .status();
    let start = Instant::now();
    while running() && start.elapsed() < Duration::from_secs(5) {
        sleep(Duration::from_millis(50));
    }
    assert!(!running(), "still running 5 s after its terminal closed");
}

/// Waits until the compare title no longer says `was` (a step moved).
fn wait_for_change(s: &Session, was: &str) -> String {
    let start = Instant::now();
    loop {
        let screen = s.screen();
        let title = screen.lines().nth(1).unwrap_or("");
        if title.contains("Compare · ") && !title.contains(&format!("· {was} ·")) {
            return screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the step did not move from {was}:\n{screen}"
        );
        sleep(Duration::from_millis(20));
    }
}

#[test]
fn compare_view_opens_and_steps_through_three_pairs() {
    let s = launch("compare", "");
    s.wait_for("Reports (5)");
    // Mark 常州市 as A, select 绵阳市, compare.
    s.keys(&["BTab", "m"]);
    s.wait_for("marked 常州市 2024 as A");
    s.keys(&["Down", "Down", "d"]);
    let screen = s.wait_for("Compare · pair 1/");
    assert!(
        screen.contains(" A 常州市 2024") && screen.contains(" B 绵阳市 2024"),
        "{screen}"
    );
    assert!(screen.contains("▶ 1. 总体情况"), "{screen}");
    // Each step selects the next row of pairs: a pair, numbered as the
    // title numbers it, or a heading of the pairs below it (§).
    let title = screen.lines().nth(1).unwrap_or("");
    let mut shown = title.split(" · ").nth(1).unwrap_or("").to_owned();
    assert!(shown.starts_with("pair 1/"), "{screen}");
    for _ in 2..=4 {
        s.keys(&["Down"]);
        let screen = wait_for_change(&s, &shown);
        let title = screen.lines().nth(1).unwrap_or("");
        let marker = match title.split(" · ").nth(1) {
            Some(at) if at.starts_with("pair ") => {
                shown = at.to_owned();
                let k = at["pair ".len()..].split('/').next().unwrap();
                format!("▶ {k}.")
            }
            _ => {
                shown = "a heading".to_owned();
                "▶ §".to_owned()
            }
        };
        // The selected row's header is the first row of the pane (after
        // its part's band, when it opens a part).
        let first = screen
            .lines()
            .skip(2)
            .take(2)
            .find(|l| !l.contains("━━ "))
            .unwrap();
        assert!(first.contains(&marker), "{marker}: {first}\n{screen}");
    }
    // The figures face to face, then back to the text and to reading.
    s.keys(&["f"]);
    s.wait_for("Figures face to face");
    s.keys(&["f", "d"]);
    s.wait_for("Sections ·");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

#[test]
fn esc_backs_out_and_never_quits_q_quits_from_compare() {
    let s = launch("esc", "");
    s.wait_for("Reports (5)");
    // Esc at the top level: still running, the same screen.
    s.keys(&["Escape"]);
    sleep(Duration::from_millis(300));
    let screen = s.wait_for("Reports (5)");
    assert!(!screen.contains("EXIT="), "{screen}");
    // Compare; read a section and Esc back to the compare screen; q there
    // quits at once.
    s.keys(&["BTab", "m"]);
    s.wait_for("marked 常州市 2024 as A");
    s.keys(&["Down", "d"]);
    s.wait_for("Compare · pair 1/");
    s.keys(&["Enter"]);
    s.wait_for("Esc back");
    s.keys(&["Escape"]);
    s.wait_for("Compare · pair 1/");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

#[test]
fn help_at_80x24_scrolls_to_its_last_line() {
    let s = launch_sized("help", "", 80, 24);
    s.wait_for("Reports (5)");
    s.keys(&["?"]);
    let screen = s.wait_for("Keys here");
    assert!(!screen.contains("q quits."), "{screen}");
    s.keys(&["End"]);
    let screen = s.wait_for("q quits.");
    assert!(screen.contains("Keys ·"), "{screen}");
    s.keys(&["Escape"]);
    let screen = s.wait_for("Sections ·");
    assert!(!screen.contains("Keys here"), "{screen}");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

#[test]
fn enter_on_a_corpus_cell_shows_its_sentence_with_the_figure_highlighted() {
    let s = launch("cell", "");
    s.wait_for("Reports (5)");
    // 行政复议收案数 of 洪泽区 2023 (the second row): 48件.
    s.keys(&["c"]);
    s.wait_for("Corpus · 5 reports");
    s.keys(&["Down", "Enter"]);
    let screen = s.wait_for("新收行政复议案件48件");
    assert!(screen.contains("10.高效办理行政复议案件"), "{screen}");
    let styled = s.styled_screen();
    let line = styled.lines().find(|l| l.contains("48件")).unwrap();
    let before = &line[..line.find("48件").unwrap()];
    let sgr = before.rsplit('\u{1b}').next().unwrap_or("");
    let magenta = sgr.contains("[45m") || sgr.contains("48;5;5m");
    assert!(magenta, "the figure stands out (magenta): {line:?}");
    // Esc: the corpus as it was.
    s.keys(&["Escape"]);
    s.wait_for("Corpus · 5 reports");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

#[test]
fn a_chosen_figure_fills_the_cell_after_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let s = launch_with_data("choose", "", 160, 48, data.path());
    s.wait_for("Reports (5)");
    // 人大代表建议办理 of 绵阳市 2024: 195 件, the rule's.
    s.keys(&["c"]);
    s.wait_for("Corpus · 5 reports");
    s.keys(&["Down", "Down", "Right", "Right", "Right", "Right", "Right"]);
    let screen = s.wait_for("195 件");
    assert!(!screen.contains("329 件*"), "{screen}");
    s.keys(&["e"]);
    s.wait_for("Choose the figure of 人大代表建议办理");
    s.keys(&["Down", "Enter"]);
    s.wait_for("chosen: 329件");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
    drop(s);
    let s = launch_with_data("choose-again", "", 160, 48, data.path());
    s.wait_for("Reports (5)");
    s.keys(&["c"]);
    s.wait_for("Corpus · 5 reports");
    // The frame may be caught half drawn: wait for the starred cell.
    let screen = s.wait_for("件*");
    let row = screen.lines().find(|l| l.contains("绵阳市 2024")).unwrap();
    assert!(row.contains("329 件*"), "the choice is kept: {row}");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
    assert!(data.path().join("lawgov-tui/choices.json").is_file());
}

/// Two windows on one library, both open before either chooses: each
/// keeps its choice, and the second does not drop the first's.
#[test]
fn two_windows_each_keep_their_choice() {
    let data = tempfile::tempdir().unwrap();
    let one = launch_with_data("two-a", "", 160, 48, data.path());
    let two = launch_with_data("two-b", "", 160, 48, data.path());
    for s in [&one, &two] {
        s.wait_for("Reports (5)");
        s.keys(&["c"]);
        s.wait_for("Corpus · 5 reports");
    }
    one.keys(&["Down", "Down", "Right", "Right", "Right", "Right", "Right"]);
    one.wait_for("195 件");
    one.keys(&["e"]);
    one.wait_for("Choose the figure of 人大代表建议办理");
    one.keys(&["Down", "Enter"]);
    one.wait_for("chosen: 329件");
    two.keys(&["e"]);
    two.wait_for("Choose the figure of");
    two.keys(&["End", "Enter"]);
    two.wait_for("chosen: no figure for this cell");
    for s in [&one, &two] {
        s.keys(&["q"]);
        s.wait_for("EXIT=0");
    }
    let kept = std::fs::read_to_string(data.path().join("lawgov-tui/choices.json")).unwrap();
    let kept: serde_json::Value = serde_json::from_str(&kept).unwrap();
    let choices = kept["choices"].as_array().unwrap();
    assert_eq!(choices.len(), 2, "{kept:#}");
    assert!(
        choices.iter().any(|c| c["figure"]["raw"] == "329件"),
        "{kept:#}"
    );
    assert!(choices.iter().any(|c| c["figure"].is_null()), "{kept:#}");
}

/// Ten thousand characters pasted into the search field arrive as one
/// paste: the field is cut with a message, and Esc and q answer at once.
#[test]
fn a_large_paste_is_one_event_and_q_answers_after_it() {
    let s = launch("paste", "");
    s.wait_for("Reports (5)");
    s.keys(&["/"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("paste.txt");
    std::fs::write(&file, "行政复议案件".repeat(1_700)).unwrap();
    assert!(Command::new("tmux")
        .args(["load-buffer", "-b", &s.0, file.to_str().unwrap()])
        .status()
        .unwrap()
        .success());
    let start = Instant::now();
    assert!(Command::new("tmux")
        .args(["paste-buffer", "-p", "-d", "-b", &s.0, "-t", &s.0])
        .status()
        .unwrap()
        .success());
    s.wait_for("the rest of the paste is left out");
    s.keys(&["Escape"]);
    s.wait_for("/ search");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "the paste and q took {:?}",
        start.elapsed()
    );
}

/// Y copies what is selected with where it stands: the program sends an
/// OSC 52 sequence, which tmux (set-clipboard on) keeps as its buffer.
#[test]
fn copy_sends_the_selection_with_its_citation_to_the_clipboard() {
    let s = launch("copy", "");
    s.wait_for("Reports (5)");
    assert!(Command::new("tmux")
        .args(["set-option", "-t", &s.0, "-s", "set-clipboard", "on"])
        .status()
        .unwrap()
        .success());
    // tmux keeps what the program sent as its newest buffer, a moment
    // after the message shows.
    let copied_with = |text: &str| {
        let start = Instant::now();
        loop {
            let out = Command::new("tmux").args(["show-buffer"]).output().unwrap();
            let b = String::from_utf8_lossy(&out.stdout).into_owned();
            if b.contains(text) || start.elapsed() > Duration::from_secs(5) {
                break b;
            }
            sleep(Duration::from_millis(50));
        }
    };
    // The section tree has the keys: the selected section, whole.
    s.keys(&["Y"]);
    s.wait_for("copied:");
    let copied = copied_with("常州市 2024");
    assert!(copied.contains("常州市 2024"), "{copied}");
    assert!(copied.contains("data/changzhou-2024.txt"), "{copied}");
    // A corpus cell: the figure, its sentence, and where it stands.
    s.keys(&["c"]);
    s.wait_for("Corpus · 5 reports");
    s.keys(&["Down", "Down", "Right", "Right", "Right", "Right", "Right"]);
    s.wait_for("195 件");
    s.keys(&["Y"]);
    s.wait_for("copied:");
    let copied = copied_with("195件");
    assert!(copied.contains("195件"), "{copied}");
    assert!(
        copied.contains("绵阳市 2024") && copied.contains("line "),
        "{copied}"
    );
    assert!(copied.contains("data/mianyang-2024.txt"), "{copied}");
    // A search hit across the reports: its line, with where it stands.
    s.keys(&["Escape"]);
    s.wait_for("Sections ·");
    sleep(Duration::from_millis(300));
    s.keys(&["s"]);
    s.wait_for("search all (phrase)");
    s.keys(&["-l", "行政复议"]);
    s.keys(&["Enter"]);
    s.wait_for(" hits in ");
    s.keys(&["Down", "Y"]);
    s.wait_for("copied:");
    let copied = copied_with("行政復議");
    assert!(copied.contains("行政復議"), "{copied}");
    assert!(copied.contains("常州市 2024"), "{copied}");
    assert!(copied.contains("data/changzhou-2024.txt"), "{copied}");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

/// Two years of one place with tens of thousands of plans: a follow-up
/// long enough to be still at work when q comes.
fn long_years(dir: &std::path::Path, n: usize) -> (String, String) {
    const WORDS: [&str; 8] = [
        "养老服务",
        "职业教育",
        "生态保护",
        "城市更新",
        "数字政府",
        "乡村振兴",
        "科技创新",
        "营商环境",
    ];
    let plan = |i: usize| format!("推进{}和{}第{i}号工程", WORDS[i % 8], WORDS[(i / 8) % 8]);
    let mut a = String::from(
        "某某区2023年法治政府建设情况报告\n一、主要举措\n全年运行平稳。\n二、2024年工作安排\n",
    );
    let mut b = String::from("某某区2024年法治政府建设情况报告\n一、主要举措和成效\n");
    for i in 0..n {
        a.push_str(&plan(i));
        a.push_str(if i % 5 == 4 { "。\n" } else { "，" });
        if i % 3 == 0 {
            b.push_str(&format!("{}取得新进展。\n", plan(i)));
        }
    }
    let (pa, pb) = (dir.join("a-2023.txt"), dir.join("b-2024.txt"));
    std::fs::write(&pa, a).unwrap();
    std::fs::write(&pb, b).unwrap();
    (pa.display().to_string(), pb.display().to_string())
}

/// q while a long follow-up works ends the program within a second, the
/// terminal restored.
#[test]
fn q_during_a_long_follow_up_quits_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = long_years(dir.path(), 60_000);
    let s = launch("long-followup", &format!("'{a}' '{b}'"));
    s.wait_for("Reports (2)");
    // The report list, A marked, B selected, f.
    s.keys(&["Tab", "Tab", "Tab", "m", "Down", "f"]);
    sleep(Duration::from_millis(300));
    let start = Instant::now();
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "q took {:?}",
        start.elapsed()
    );
    assert_eq!(s.query("#{alternate_on}"), "0");
    assert_eq!(s.query("#{mouse_any_flag}"), "0");
}

#[test]
fn a_huge_terminal_draws_the_capped_screen_and_answers_q() {
    let s = launch_sized("huge", "", 3000, 1500);
    let screen = s.wait_for("Reports (5)");
    // The screen is drawn within the cap (1000 columns), not across all.
    let widest = screen
        .lines()
        .map(lawgov_tui::text::width)
        .max()
        .unwrap_or(0);
    assert!(widest <= 1000, "drawn {widest} columns wide");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

#[test]
fn a_places_years_and_the_follow_up_of_two_years() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in ["zhangjiagang-2022-short.txt", "zhangjiagang-2024-next.txt"] {
        std::fs::copy(fixtures.join(name), dir.path().join(name)).unwrap();
    }
    std::fs::copy(
        crate::common::shared_dir().join("reports/zhangjiagang-2023.txt"),
        dir.path().join("zhangjiagang-2023.txt"),
    )
    .unwrap();
    let s = launch("years", &format!("'{}'", dir.path().display()));
    s.wait_for("Reports (3)");
    // The list: one place, its years in order.
    s.keys(&["Tab", "Tab", "Tab", "y"]);
    let screen = s.wait_for("Years ·");
    assert!(screen.contains("2022, 2023, 2024"), "{screen}");
    s.keys(&["Right", "f"]);
    let screen = s.wait_for("reported");
    assert!(
        squeeze(&screen).contains("Plansof張家港市2023·9/15reported"),
        "{screen}"
    );
    assert!(
        squeeze(&screen).contains("✗聚焦人民群眾反映強烈"),
        "{screen}"
    );
    // The evidence side, read in the 2024 report, and back.
    s.keys(&["Tab", "Enter"]);
    s.wait_for("張家港市 2024");
    s.keys(&["Escape"]);
    s.wait_for("reported");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

/// Screen text without the spaces a wide char's second cell reads as.
fn squeeze(screen: &str) -> String {
    screen.chars().filter(|&c| c != ' ').collect()
}

#[test]
fn back_from_reading_a_section_the_compare_view_is_at_the_same_pair() {
    let s = launch("compare-back", "");
    s.wait_for("Reports (5)");
    s.keys(&["BTab", "m"]);
    s.wait_for("marked 常州市 2024 as A");
    s.keys(&["Down", "Down", "d"]);
    s.wait_for("Compare · pair 1/");
    s.keys(&["Down", "Down", "Down", "Down", "Down", "Down"]);
    let before = s.wait_for("Compare · pair 5/");
    s.keys(&["Enter"]);
    s.wait_for("Sections ·");
    s.keys(&["Escape"]);
    let after = s.wait_for("Compare · pair 5/");
    let row = |screen: &str| screen.lines().nth(3).unwrap_or("").to_owned();
    assert!(after.contains("▶ 5."), "{after}");
    assert_eq!(row(&before), row(&after), "the same pair at the same place");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

/// Reuse: the reader marks what the next year's report copied, `r` lists
/// where the section's text appears, Enter opens the two face to face,
/// Esc comes back step by step, `u` lists the pairs of the loaded reports.
#[test]
fn shared_text_marked_listed_face_to_face_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in ["zhangjiagang-2022-short.txt", "zhangjiagang-2024-next.txt"] {
        std::fs::copy(fixtures.join(name), dir.path().join(name)).unwrap();
    }
    std::fs::copy(
        crate::common::shared_dir().join("reports/zhangjiagang-2023.txt"),
        dir.path().join("zhangjiagang-2023.txt"),
    )
    .unwrap();
    let s = launch("reuse", &format!("'{}'", dir.path().display()));
    s.wait_for("Reports (3)");
    // 2022's opening is 2024's with the year changed: marked in the
    // reuse colour (light blue) in the reader.
    let styled = s.styled_screen();
    assert!(styled.contains("\u{1b}[38;5;12m"), "{styled}");
    s.keys(&["r"]);
    let screen = s.wait_for("Where else");
    assert!(squeeze(&screen).contains("張家港市2024"), "{screen}");
    s.keys(&["Enter"]);
    let screen = s.wait_for("chars · A line");
    let flat = squeeze(&screen);
    assert!(
        flat.contains("A張家港市2022") && flat.contains("B張家港市2024"),
        "{screen}"
    );
    assert!(flat.contains("numbers2022→2024"), "{screen}");
    s.keys(&["Escape"]);
    s.wait_for("Where else");
    s.keys(&["Escape"]);
    s.wait_for("Reports (3)");
    s.keys(&["u"]);
    let screen = s.wait_for("Reuse among 3 reports");
    assert!(screen.contains("self-reuse"), "{screen}");
    s.keys(&["Escape"]);
    s.wait_for("Reports (3)");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

/// A folder of `n` copies of the bundled reports, each under a name of
/// its own.
fn many_reports(dir: &std::path::Path, n: usize) {
    let reports = crate::common::shared_dir().join("reports");
    let mut names: Vec<_> = std::fs::read_dir(&reports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for i in 0..n {
        let from = &names[i % names.len()];
        let stem = from.file_stem().unwrap().to_string_lossy();
        std::fs::copy(from, dir.join(format!("{stem}-{i:04}.txt"))).unwrap();
    }
}

#[test]
fn a_large_folder_opens_at_once_shows_its_progress_and_q_quits_during_the_load() {
    let dir = tempfile::tempdir().unwrap();
    many_reports(dir.path(), 1500);
    let s = launch("long-load", &format!("'{}'", dir.path().display()));
    // The first report is on screen while the rest are read.
    let screen = s.wait_for("of 1500 files");
    assert!(screen.contains("Reports ("), "{screen}");
    assert!(screen.contains("· reading…"), "{screen}");
    assert!(screen.contains("常州市 2024"), "{screen}");
    let start = Instant::now();
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "q took {:?}",
        start.elapsed()
    );
    assert_eq!(s.query("#{alternate_on}"), "0");
}

/// With no paths the bundled reports come up at once, and the reports in
/// the user's library folder, walked and read in the background, join
/// them; a file there that is no report is listed as skipped.
#[test]
fn the_library_folder_joins_the_bundled_reports() {
    let data = tempfile::tempdir().unwrap();
    let library = data.path().join("lawgov-tui/reports");
    std::fs::create_dir_all(library.join("sub")).unwrap();
    many_reports(&library.join("sub"), 3);
    std::fs::write(library.join("bad.txt"), [0u8, 1, 2, 0, 0, 3]).unwrap();
    let s = launch_with_data("library", "", 160, 48, data.path());
    let screen = s.wait_for("Reports (8) ─");
    assert!(
        screen.contains("✗ ") && screen.contains("reports/bad.txt"),
        "{screen}"
    );
    assert!(screen.contains("skipped 1 file(s)"), "{screen}");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

/// The folders are walked in the background once a report is read, but
/// paths that hold no report at all still end with the first reason on
/// one line, before the screen is taken: an empty folder, and a folder
/// whose files (its subfolder's too) are none of them reports.
#[test]
fn paths_with_no_report_end_with_the_reason_before_the_screen_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let (empty, bad) = (dir.path().join("empty"), dir.path().join("bad"));
    std::fs::create_dir(&empty).unwrap();
    std::fs::create_dir_all(bad.join("sub")).unwrap();
    for f in ["a.txt", "sub/b.txt"] {
        std::fs::write(bad.join(f), [0u8, 1, 2, 0, 0, 3]).unwrap();
    }
    let cases = [
        ("empty", &empty, "empty: folder holds no reports"),
        ("bad", &bad, "a.txt: binary file"),
    ];
    for (name, path, reason) in cases {
        let s = launch(
            &format!("no-report-{name}"),
            &format!("'{}'", path.display()),
        );
        let screen = s.wait_for("EXIT=2");
        let said: Vec<&str> = screen
            .lines()
            .filter(|l| l.starts_with("lawgov-tui:"))
            .collect();
        assert_eq!(said.len(), 1, "{screen}");
        assert!(said[0].contains(reason), "{screen}");
        assert!(!screen.contains("Reports ("), "{screen}");
    }
}

#[test]
fn a_folder_read_in_the_background_ends_grouped_by_place_with_the_selection_kept() {
    let dir = tempfile::tempdir().unwrap();
    many_reports(dir.path(), 40);
    let s = launch("grouped-load", &format!("'{}'", dir.path().display()));
    let screen = s.wait_for("Reports (40) ─");
    assert!(!screen.contains("reading"), "{screen}");
    // Grouped by place: the eight reports of each place stand together.
    let rows: Vec<String> = screen
        .lines()
        .skip(1)
        .take(40)
        .filter_map(|l| l.strip_prefix('│'))
        .map(|l| l.split("  ").next().unwrap_or("").trim().to_owned())
        .take_while(|l| !l.is_empty())
        .collect();
    let mut runs = rows.clone();
    runs.dedup();
    let places: std::collections::BTreeSet<&String> = rows.iter().collect();
    assert_eq!(
        runs.len(),
        places.len(),
        "each place once, together: {rows:?}"
    );
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

/// `x` in the corpus view writes the table as shown to a CSV file in the
/// current folder: its rows in the order on screen (sorted by the first
/// column, largest first), its columns, and each value as `table --csv`
/// gives it.
#[test]
fn the_corpus_view_exports_as_shown_to_csv() {
    let work = tempfile::tempdir().unwrap();
    let bin = crate::common::bin();
    let empty = crate::common::empty_dir();
    let s = Session::start_sized(
        "export",
        &format!(
            "clear; cd '{w}' && XDG_CONFIG_HOME='{e}' XDG_DATA_HOME='{e}' '{b}'; echo \"EXIT=$?\"",
            w = work.path().display(),
            e = empty.display(),
            b = bin.display()
        ),
        160,
        48,
    );
    s.wait_for("Reports (5)");
    s.keys(&["c"]);
    s.wait_for("Corpus · 5 reports");
    s.keys(&["s"]);
    s.keys(&["x"]);
    let path = work.path().join("lawgov-corpus.csv");
    s.wait_for("exported 5 reports");
    let screen = s.screen();
    assert!(
        squeeze(&screen).contains(&squeeze(&path.display().to_string())),
        "the path on the message line: {screen}"
    );
    // The list's filter is the table's and the export's: 江苏's 2024
    // reports alone, in a second file beside the first.
    s.keys(&["Escape"]);
    s.wait_for("Sections ·");
    sleep(Duration::from_millis(300));
    s.keys(&["Tab", "Tab", "Tab", "/"]);
    s.keys(&["-l", "江苏 2024"]);
    s.keys(&["Enter"]);
    s.wait_for("Reports (2 of 5)");
    s.keys(&["c"]);
    s.wait_for("2 reports of 5 (the list's filter)");
    s.keys(&["x"]);
    s.wait_for("exported 2 reports");
    let filtered = std::fs::read_to_string(work.path().join("lawgov-corpus-2.csv")).unwrap();
    assert_eq!(filtered.lines().count(), 3, "{filtered}");
    assert!(
        filtered.contains("常州市") && filtered.contains("宜兴市"),
        "{filtered}"
    );
    assert!(!filtered.contains("绵阳市"), "{filtered}");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
    let mut r = csv::Reader::from_path(&path).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(&header[..4], ["row", "file", "place", "year"]);
    let first = header[4].clone();
    assert_eq!(header[5], format!("{first}_unit"));
    // Sorted by the first column: largest first, empty cells last.
    let values: Vec<Option<f64>> = rows.iter().map(|r| r[4].parse().ok()).collect();
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    assert!(known.len() >= 2, "{values:?}");
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    assert!(values
        .iter()
        .skip_while(|v| v.is_some())
        .all(Option::is_none));
    // Each value, unit, hedge and sign as `table --csv` writes them.
    let files: Vec<String> = rows.iter().map(|r| r[1].clone()).collect();
    let out = std::process::Command::new(&bin)
        .arg("table")
        .arg("--csv")
        .args(files.iter().map(|f| {
            let name = std::path::Path::new(f).file_name().unwrap();
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("data")
                .join(name)
        }))
        .env("XDG_CONFIG_HOME", &empty)
        .env("XDG_DATA_HOME", &empty)
        .output()
        .unwrap();
    let mut t = csv::Reader::from_reader(out.stdout.as_slice());
    let t_header: Vec<String> = t.headers().unwrap().iter().map(str::to_owned).collect();
    let table: Vec<Vec<String>> = t
        .records()
        .map(|x| x.unwrap().iter().map(str::to_owned).collect())
        .collect();
    for (row, t_row) in rows.iter().zip(&table) {
        for (k, name) in header.iter().enumerate().skip(4) {
            let at = t_header.iter().position(|h| h == name).unwrap();
            assert_eq!(row[k], t_row[at], "{name} of {}", row[1]);
        }
    }
}

/// An empty cell filled by hand: Enter on it says the report states no
/// such figure and offers the candidates; the row before the last takes a typed
/// value with a note. After a restart the cell shows it marked ✎, and
/// `table --csv` gives it with the note.
#[test]
fn a_value_typed_by_hand_fills_an_empty_cell_after_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let s = launch_with_data("by-hand", "", 160, 48, data.path());
    s.wait_for("Reports (5)");
    s.keys(&["c"]);
    s.wait_for("Corpus · 5 reports");
    // 常州市 2024, the first row, states no 负责人出庭应诉率.
    s.keys(&["Home", "Right", "Right", "Right", "Right"]);
    let screen = s.wait_for("▸");
    let row = screen.lines().find(|l| l.contains("常州市")).unwrap();
    assert!(!row.contains('✎'), "{row}");
    s.keys(&["Enter"]);
    s.wait_for("the report states no 负责人出庭应诉率");
    s.wait_for("Choose the figure of 负责人出庭应诉率");
    // The row above "No figure", the last.
    s.keys(&["End", "Up", "Enter"]);
    s.wait_for("Value by hand");
    s.keys(&["97.5 % court records, annex 2"]);
    s.wait_for("annex 2▏");
    s.keys(&["Enter"]);
    s.wait_for("entered by hand: 97.5 %");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
    drop(s);
    let s = launch_with_data("by-hand-again", "", 160, 48, data.path());
    s.wait_for("Reports (5)");
    s.keys(&["c"]);
    s.wait_for("Corpus · 5 reports");
    s.keys(&["Home", "Right", "Right", "Right", "Right"]);
    let screen = s.wait_for("97.5 %✎");
    let row = screen.lines().find(|l| l.contains("常州市")).unwrap();
    assert!(row.contains("97.5 %✎"), "kept and marked: {row}");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/changzhou-2024.txt");
    let out = std::process::Command::new(crate::common::bin())
        .args(["table", "--csv"])
        .arg(&file)
        .env("XDG_CONFIG_HOME", crate::common::empty_dir())
        .env("XDG_DATA_HOME", data.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let row: Vec<String> = r
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let at = |c: &str| header.iter().position(|h| h == c).unwrap();
    assert_eq!(row[at("leader_court_rate")], "97.5");
    assert_eq!(row[at("leader_court_rate_unit")], "%");
    assert_eq!(
        row[at("by_hand")],
        "leader_court_rate: court records, annex 2"
    );
    // The long form: a row of its own, marked, with the note.
    let out = std::process::Command::new(crate::common::bin())
        .args(["table", "--json", "--long"])
        .arg(&file)
        .env("XDG_CONFIG_HOME", crate::common::empty_dir())
        .env("XDG_DATA_HOME", data.path())
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let typed: Vec<&serde_json::Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["by_hand"] == true)
        .collect();
    assert_eq!(typed.len(), 1, "{rows}");
    assert_eq!(typed[0]["indicator"], "leader_court_rate");
    assert_eq!(typed[0]["value"], 97.5);
    assert_eq!(typed[0]["note"], "court records, annex 2");
}

#[test]
fn the_report_list_filters_to_one_place_as_you_type() {
    let s = launch("filter", "");
    s.wait_for("Reports (5)");
    // The report list, then its filter: Simplified words, the
    // Traditional report.
    s.keys(&["Tab", "Tab", "Tab", "/"]);
    s.keys(&["-l", "张家港"]);
    let screen = s.wait_for("Reports (1 of 5)");
    assert!(screen.contains("Sections · 張家港市 2023"), "{screen}");
    assert!(!screen.contains("绵阳市 2024"), "{screen}");
    // Enter keeps it; / then Esc lists them all again.
    s.keys(&["Enter"]);
    s.wait_for("1 of 5 reports");
    s.keys(&["/", "Escape"]);
    let screen = s.wait_for("Reports (5)");
    assert!(screen.contains("绵阳市 2024"), "{screen}");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

#[test]
fn search_across_reports_open_a_hit_and_come_back() {
    let s = launch("findall", "");
    s.wait_for("Reports (5)");
    // Simplified words: the Traditional reports' hits too.
    s.keys(&["s"]);
    s.wait_for("search all (phrase)");
    s.keys(&["-l", "行政复议"]);
    s.keys(&["Enter"]);
    let list = s.wait_for(" hits in ");
    assert!(list.contains("常州市 2024 ·"), "{list}");
    assert!(squeeze(&list).contains("行政復議"), "{list}");
    // The first hit, read in its report; Esc is the list as it was.
    s.keys(&["Down", "Enter"]);
    let reader = s.wait_for("Sections · 常州市 2024");
    assert!(squeeze(&reader).contains("行政復議"), "{reader}");
    s.keys(&["Escape"]);
    let back = s.wait_for(" hits in ");
    assert_eq!(squeeze(&back), squeeze(&list), "the list where it was");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

/// The report list's badge says what its marks mean on screen, not only
/// in the README.
#[test]
fn the_badge_legend_is_on_screen() {
    let s = launch("legend", "");
    let screen = s.wait_for("Reports (5)");
    assert!(
        screen.contains("●part ◐mention ○none ✓✗? by 3/31"),
        "{screen}"
    );
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}

/// The corpus view's columns chosen at 80 columns: the chooser filtered
/// in Traditional to one indicator the catalogue writes in Simplified,
/// checked and applied; the table shows it beside the row numbers and
/// report names, no other indicator, and keeps it when opened again.
#[test]
fn the_column_chooser_shows_one_indicator_beside_the_frozen_columns() {
    let s = launch_sized("columns", "", 80, 24);
    s.wait_for("Reports (5)");
    s.keys(&["c"]);
    let table = s.wait_for("Corpus · 5 reports · 16 main indicators");
    assert!(table.contains("行政复议收案数"), "{table}");
    s.keys(&["v"]);
    let chooser = s.wait_for("Columns · 16 of 60 checked");
    assert!(chooser.contains("[x] 行政复议收案数"), "{chooser}");
    assert!(chooser.contains("change"), "{chooser}");
    s.keys(&["n"]);
    s.wait_for("Columns · 0 of 60 checked");
    s.keys(&["/"]);
    s.keys(&["-l", "糾錯率"]);
    let filtered = s.wait_for("1 of 60");
    let rows: Vec<&str> = filtered.lines().filter(|l| l.contains("[ ] ")).collect();
    assert_eq!(rows.len(), 1, "{filtered}");
    assert!(rows[0].contains("行政复议纠错率"), "{filtered}");
    s.keys(&["Enter", "Space", "Enter"]);
    let table = s.wait_for("1 chosen indicator ·");
    assert!(!table.contains("Columns ·"), "the chooser closed: {table}");
    let header = table
        .lines()
        .find(|l| l.contains("# report"))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(header.contains("行政复议纠错率"), "{header}");
    for other in ["行政复议收案数", "负责人出庭应诉率", "▸"] {
        assert!(!table.contains(other), "{other} shown: {table}");
    }
    // Each report's row in the table (thick borders; the chart's are
    // thin): its number and name, then its cell, a rate or a dash.
    let row = |place: &str| {
        table
            .lines()
            .find(|l| l.starts_with('┃') && l.contains(place))
            .unwrap_or_else(|| panic!("{place}: {table}"))
            .to_owned()
    };
    let changzhou = row("常州市 2024");
    assert!(changzhou.starts_with("┃1 常州市 2024"), "{changzhou}");
    assert!(changzhou.contains('%'), "{changzhou}");
    let zjg = row("張家港市 2023");
    assert!(zjg.starts_with("┃5 張家港市 2023"), "{zjg}");
    assert!(zjg.contains('—'), "{zjg}");
    let keys = table.lines().last().unwrap_or_default();
    assert!(
        keys.contains("v columns"),
        "the key in the status bar: {keys}"
    );
    // Kept for the session: back to the list, the view again.
    s.keys(&["Escape"]);
    s.wait_for("Sections ·");
    s.keys(&["c"]);
    s.wait_for("Corpus · 5 reports · 1 chosen indicator ·");
    s.keys(&["q"]);
    s.wait_for("EXIT=0");
}
