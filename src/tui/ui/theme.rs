//! Colours, or none at all when NO_COLOR is set (https://no-color.org):
//! then emphasis uses only bold, reverse and underline.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub(crate) fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }

    pub fn selected(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().bg(Color::Cyan).fg(Color::Black),
            (true, false) => Style::new().add_modifier(Modifier::REVERSED),
            (false, _) => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// The selected cell of a table whose selected row is highlighted:
    /// it must stand out from its row, in colour and without.
    pub(crate) fn cell_cursor(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Yellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn heading(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub(crate) fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn hit(self) -> Style {
        if self.color {
            Style::new().bg(Color::Yellow).fg(Color::Black)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub(crate) fn current_hit(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Magenta)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// Figures marked in the reader's text.
    pub fn figure(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Cyan)
                .add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// Compare view: phrases and terms both reports use.
    pub fn shared(self) -> Style {
        if self.color {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// Compare view: what one side alone says (A red, B green).
    pub fn only(self, side_a: bool) -> Style {
        match (self.color, side_a) {
            (true, true) => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            (false, _) => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// Text another loaded report shares (reuse).
    pub fn reused(self) -> Style {
        if self.color {
            Style::new().fg(Color::LightBlue)
        } else {
            Style::new().add_modifier(Modifier::ITALIC)
        }
    }

    /// The shared passage face to face now.
    pub(crate) fn current_reused(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::ITALIC | Modifier::BOLD)
        }
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red)
    }

    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn warn(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}
