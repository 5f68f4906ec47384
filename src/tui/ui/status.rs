//! The status bar: the search field while it is open, and the keys of the
//! place the user is in (from the key table), always ending with help. A
//! message stands on the line above, over the panes' lower border, until
//! the next key or until it fades.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::text;

use super::theme::Theme;
use crate::tui::app::App;
use crate::tui::keys::{self, Binding, Scope};
use crate::tui::stack::Screen;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame) {
    let s = app.screen;
    let [_body, area] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(s);
    let width = area.width as usize;
    let place = app.place();
    let hints: Vec<&Binding> = keys::table(place)
        .into_iter()
        .filter(|b| b.hint.is_some())
        .collect();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    if let Some((prompt, field)) = field(app) {
        // A message about the field (a paste cut) stands where its keys
        // would: Enter and Esc need no reminder while it shows.
        let note = app.session.message.as_deref().map(text::printable);
        let keys_w: usize = match &note {
            Some(n) => (text::width(n) + 2).min(width / 2),
            None => hints.iter().map(|b| hint_width(b)).sum(),
        };
        let room = width.saturating_sub(keys_w + text::width(prompt) + 2);
        spans.push(Span::styled(prompt, theme.key()));
        let shown = format!("{}▏ ", tail(&text::printable(field), room));
        used += text::width(&shown) + text::width(prompt);
        spans.push(Span::raw(shown));
        if let Some(note) = note {
            let note = text::truncate(&note, width.saturating_sub(used)).into_owned();
            spans.push(Span::styled(note, theme.warn()));
            return frame.render_widget(Paragraph::new(Line::from(spans)), area);
        }
    } else if let Some(msg) = &app.session.message {
        draw_message(msg, theme, frame, s);
    } else if let Some(p) = &app.session.loading {
        draw_message(&super::reports::loading_line(p), theme, frame, s);
    }
    // Help is always shown: room is kept for it.
    let (last, rest): (Vec<&Binding>, Vec<&Binding>) = hints
        .into_iter()
        .partition(|b| b.action == crate::tui::action::Action::Help);
    let reserve: usize = last.iter().map(|b| hint_width(b)).sum();
    for b in rest {
        let cells = hint_width(b);
        if used + cells + reserve > width {
            continue;
        }
        used += cells;
        push_hint(&mut spans, b, theme);
    }
    for b in last {
        push_hint(&mut spans, b, theme);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The field being typed, with its prompt, if one is open.
fn field(app: &App) -> Option<(&'static str, &str)> {
    match (app.place().scope, app.top()) {
        (Scope::SearchField, Screen::Reading(r)) => {
            Some(("/", r.search.editing.as_deref().unwrap_or_default()))
        }
        (Scope::FilterField, Screen::Reading(r)) => Some(("filter: ", r.filter.query.as_str())),
        (Scope::ColumnsField, Screen::Corpus(c)) => c
            .chooser
            .as_ref()
            .map(|ch| ("filter the columns: ", ch.query.as_str())),
        (Scope::FinderField, Screen::Finder(f)) => Some((
            match f.regex {
                true => "search all (regex): ",
                false => "search all (phrase): ",
            },
            f.field.query.as_str(),
        )),
        _ => None,
    }
}

/// A message stands over the line above the keys (a pane's lower border),
/// so that it never pushes the keys off the status line.
fn draw_message(msg: &str, theme: Theme, frame: &mut Frame, screen: ratatui::layout::Rect) {
    let [_body, line, _keys] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(screen);
    let room = (line.width as usize).saturating_sub(4);
    let shown = format!(" {} ", text::truncate(&text::printable(msg), room));
    let width = text::width(&shown) as u16;
    let at = ratatui::layout::Rect::new(line.x + 1, line.y, width.min(line.width), 1);
    frame.render_widget(ratatui::widgets::Clear, at);
    frame.render_widget(Paragraph::new(Span::styled(shown, theme.warn())), at);
}

fn hint_width(b: &Binding) -> usize {
    text::width(&b.short_label()) + 1 + text::width(b.hint.unwrap_or_default()) + 2
}

fn push_hint(spans: &mut Vec<Span>, b: &Binding, theme: Theme) {
    spans.push(Span::styled(b.short_label(), theme.key()));
    spans.push(Span::raw(format!(" {}  ", b.hint.unwrap_or_default())));
}

/// The end of `s` that fits in `cells` (the cursor end of a long field).
fn tail(s: &str, cells: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = text::width(c.encode_utf8(&mut [0; 4]));
        if used + w > cells {
            break;
        }
        used += w;
        out.push(c);
    }
    out.into_iter().rev().collect()
}
