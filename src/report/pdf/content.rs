//! A content stream read as operators and their operands, one operator at
//! a time. lopdf's `Content::decode` builds a lopdf object for every
//! operand of every operator before the walk starts, which was the larger
//! part of a PDF's load once fonts were kept; the walk needs only numbers,
//! strings, names and arrays of them, and reads them here as it goes.

use super::cmap::{hex, literal};

/// Arrays nested deeper are a damaged stream: their contents are dropped.
const MAX_DEPTH: usize = 16;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Operand<'a> {
    Number(f64),
    String(Vec<u8>),
    Name(&'a [u8]),
    Array(Vec<Operand<'a>>),
    /// What the walk never reads: booleans, null, dictionary keys' values.
    Other,
}

impl Operand<'_> {
    pub fn number(&self) -> Option<f64> {
        match *self {
            Operand::Number(n) => Some(n),
            _ => None,
        }
    }
}

pub(super) struct Lexer<'a> {
    data: &'a [u8],
    at: usize,
}

enum Token<'a> {
    Operand(Operand<'a>),
    Operator(&'a [u8]),
    Open,
    Close,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Lexer<'a> {
        Lexer { data, at: 0 }
    }

    /// The next operator, its operands put in `operands`.
    pub fn next_op(&mut self, operands: &mut Vec<Operand<'a>>) -> Option<&'a [u8]> {
        operands.clear();
        loop {
            match self.token()? {
                Token::Operand(o) => operands.push(o),
                Token::Open => operands.push(self.array(0)),
                Token::Close => {}
                Token::Operator(op) => {
                    if op == b"ID" {
                        self.skip_inline_image();
                    }
                    return Some(op);
                }
            }
        }
    }

    fn array(&mut self, depth: usize) -> Operand<'a> {
        let mut items = Vec::new();
        while let Some(token) = self.token() {
            match token {
                Token::Operand(o) => items.push(o),
                Token::Open if depth < MAX_DEPTH => items.push(self.array(depth + 1)),
                Token::Open => {}
                Token::Close => break,
                // An operator inside an array is a damaged stream; keep
                // what was read.
                Token::Operator(_) => items.push(Operand::Other),
            }
        }
        Operand::Array(items)
    }

    fn token(&mut self) -> Option<Token<'a>> {
        let data = self.data;
        loop {
            let b = *data.get(self.at)?;
            let start = self.at;
            self.at += 1;
            return Some(match b {
                b'%' => {
                    while data.get(self.at).is_some_and(|&c| c != b'\n' && c != b'\r') {
                        self.at += 1;
                    }
                    continue;
                }
                b'[' => Token::Open,
                b']' => Token::Close,
                b'<' if data.get(self.at) == Some(&b'<') => {
                    self.at += 1;
                    continue;
                }
                b'>' | b'{' | b'}' | b')' => continue,
                b'<' => {
                    let end = data[self.at..]
                        .iter()
                        .position(|&c| c == b'>')
                        .map_or(data.len(), |p| self.at + p);
                    let bytes = hex(&data[self.at..end]);
                    self.at = end + 1;
                    Token::Operand(Operand::String(bytes))
                }
                b'(' => {
                    let (bytes, end) = literal(data, self.at);
                    self.at = end;
                    Token::Operand(Operand::String(bytes))
                }
                _ if is_space(b) => continue,
                _ => {
                    while data.get(self.at).is_some_and(|&c| is_regular(c)) {
                        self.at += 1;
                    }
                    word(&data[start..self.at])
                }
            });
        }
    }

    /// An inline image's data after `ID`, up to its `EI`: bytes, not
    /// operators.
    fn skip_inline_image(&mut self) {
        let data = self.data;
        let from = (self.at + 1).min(data.len());
        let end = data[from..]
            .windows(2)
            .enumerate()
            .find(|&(i, w)| {
                let at = from + i;
                w == b"EI"
                    && data.get(at.wrapping_sub(1)).is_none_or(|&c| is_space(c))
                    && data.get(at + 2).is_none_or(|&c| !is_regular(c))
            })
            .map_or(data.len(), |(i, _)| from + i + 2);
        self.at = end;
    }
}

/// A word: a name, a number, a keyword operand or an operator.
fn word(w: &[u8]) -> Token<'_> {
    match w {
        [b'/', name @ ..] => Token::Operand(Operand::Name(name)),
        b"true" | b"false" | b"null" => Token::Operand(Operand::Other),
        [b'0'..=b'9' | b'+' | b'-' | b'.', ..] => Token::Operand(number(w)),
        _ => Token::Operator(w),
    }
}

/// A number as lopdf reads it: an integer, or a real at single precision
/// (the precision PDF's own limits give reals, and the one the page
/// layout's thresholds were set on).
fn number(w: &[u8]) -> Operand<'_> {
    let Ok(s) = std::str::from_utf8(w) else {
        return Operand::Other;
    };
    let n = if s.contains('.') {
        s.parse::<f32>().ok().map(f64::from)
    } else {
        s.parse::<i64>().ok().map(|i| i as f64)
    };
    n.map_or(Operand::Other, Operand::Number)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\0')
}

fn is_regular(c: u8) -> bool {
    !is_space(c) && !b"()<>[]{}/%".contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut lexer = Lexer::new(data);
        let mut args = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = lexer.next_op(&mut args) {
            out.push((String::from_utf8_lossy(op).into_owned(), args.clone()));
        }
        out
    }

    #[test]
    fn operators_come_with_their_numbers_strings_names_and_arrays() {
        let read = ops(b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm [(a\\(b\\)) -120 <4E2D>] TJ (x) ' T* ET");
        let names: Vec<&str> = read.iter().map(|(op, _)| op.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "Tm", "TJ", "'", "T*", "ET"]);
        assert_eq!(read[1].1, [Operand::Name(b"F1"), Operand::Number(12.)]);
        assert_eq!(
            read[2].1[4..],
            [Operand::Number(72.5), Operand::Number(-0.5)]
        );
        assert_eq!(
            read[3].1,
            [Operand::Array(vec![
                Operand::String(b"a(b)".to_vec()),
                Operand::Number(-120.),
                Operand::String(vec![0x4e, 0x2d]),
            ])]
        );
    }

    /// Marked content's dictionaries and an inline image's bytes are no
    /// operators; a cut stream ends where it is cut.
    #[test]
    fn dictionaries_and_inline_images_are_passed_over() {
        let data =
            b"/Span <</ActualText (Tj)>> BDC EMC BI /W 2 /H 1 ID \x00Tj\xffEI Q\nEI\n(y) Tj [(z";
        let names: Vec<String> = ops(data).into_iter().map(|(op, _)| op).collect();
        assert_eq!(names, ["BDC", "EMC", "BI", "ID", "Tj"]);
    }
}
