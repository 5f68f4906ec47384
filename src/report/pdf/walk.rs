//! The glyphs of every page: each page's content stream walked over
//! lopdf, the text operators followed to where each character stands.
//!
//! Written here rather than taken from pdf-extract, which walks the same
//! operators: pdf-extract builds every font afresh on every page (its font
//! table is cleared per page and is not public), re-parsing each font's
//! ToUnicode CMap and decompressing its embedded program each time, which
//! made a PDF cost some fifty times the same text; no maintained crate
//! keeps a document's fonts across its pages. Here a font is read once per
//! document, kept by its dictionary. The geometry is pdf-extract's
//! (text rendering matrix = Tsm × Tm × CTM, then flipped to top-down), so
//! the glyphs are the ones it gave.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object};

use super::content::{Lexer, Operand};
use super::fonts::{contents, deref, get, number, Font};

/// Nested form XObjects followed: deeper is a loop in a damaged file.
const MAX_FORM_DEPTH: usize = 8;

/// Forms drawn on one page: a form that draws itself several times over
/// would otherwise multiply at every level.
const MAX_FORMS: usize = 1000;

/// Graphics states saved by `q` and not yet restored.
const MAX_SAVED: usize = 64;

/// A page's height when it names no media box: A4's, in points.
const A4_HEIGHT: f64 = 841.89;

/// One glyph, top-down coordinates in points.
#[derive(Debug, Clone)]
pub(in crate::report) struct Glyph {
    pub x: f64,
    pub y: f64,
    pub advance: f64,
    pub size: f64,
    pub text: String,
}

#[derive(Debug, Default)]
pub(in crate::report) struct Page {
    pub height: f64,
    pub glyphs: Vec<Glyph>,
}

/// The glyphs of each page, in page order.
pub(in crate::report) fn pages(doc: &Document) -> Result<Vec<Page>, lopdf::Error> {
    let mut fonts = Fonts::default();
    let mut pages = Vec::new();
    let none = Dictionary::new();
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id)?;
        let height = media_height(doc, page).unwrap_or(A4_HEIGHT);
        let resources = inherited(doc, page, b"Resources")
            .and_then(|o| o.as_dict().ok())
            .unwrap_or(&none);
        let mut walk = Walk {
            doc,
            fonts: &mut fonts,
            flip: Matrix::new(1., 0., 0., -1., 0., height),
            glyphs: Vec::new(),
            forms: 0,
        };
        walk.run(&doc.get_page_content(id)?, resources, State::default(), 0);
        pages.push(Page {
            height,
            glyphs: walk.glyphs,
        });
    }
    Ok(pages)
}

fn media_height(doc: &Document, page: &Dictionary) -> Option<f64> {
    let bx = inherited(doc, page, b"MediaBox")?.as_array().ok()?;
    let n = |i: usize| bx.get(i).map(|o| deref(doc, o)).and_then(number);
    Some((n(3)? - n(1)?).abs())
}

/// A page's entry, or its nearest ancestor's in the page tree.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    // The tree is shallow; a longer chain is a cycle.
    for _ in 0..32 {
        if let Some(o) = get(doc, node, key) {
            return Some(o);
        }
        node = get(doc, node, b"Parent")?.as_dict().ok()?;
    }
    None
}

/// The document's fonts, each read on first use. Keyed by the place of the
/// font's dictionary in the loaded document: one key per font object,
/// whichever page's resource name points at it, inline fonts included.
#[derive(Default)]
struct Fonts {
    read: HashMap<*const Dictionary, Rc<Font>>,
    /// The fonts of the last few (resources, name) pairs a `Tf` named:
    /// writers set the font for every run of text, and a few names of one
    /// page come back again and again.
    named: Vec<Named>,
}

/// The font a resource dictionary gives a name (none: no such font).
struct Named {
    resources: *const Dictionary,
    name: Vec<u8>,
    font: Option<Rc<Font>>,
}

/// Names remembered; a page with more fonts looks the rest up each time.
const NAMED_FONTS: usize = 32;

impl Fonts {
    fn get(&mut self, doc: &Document, dict: &Dictionary) -> Rc<Font> {
        self.read
            .entry(std::ptr::from_ref(dict))
            .or_insert_with(|| Rc::new(Font::load(doc, dict)))
            .clone()
    }

    fn named(&self, resources: &Dictionary, name: &[u8]) -> Option<Option<Rc<Font>>> {
        let at = std::ptr::from_ref(resources);
        self.named
            .iter()
            .find(|n| n.resources == at && n.name == name)
            .map(|n| n.font.clone())
    }

    fn name(&mut self, resources: &Dictionary, name: &[u8], font: Option<Rc<Font>>) {
        if self.named.len() < NAMED_FONTS {
            self.named.push(Named {
                resources: std::ptr::from_ref(resources),
                name: name.to_vec(),
                font,
            });
        }
    }
}

/// An affine matrix `[a b c d e f]`, row vectors, as PDF writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix {
    a: f64,
    b: f64,
    c: f64,
    d: f64,
    e: f64,
    f: f64,
}

impl Default for Matrix {
    fn default() -> Self {
        Matrix::new(1., 0., 0., 1., 0., 0.)
    }
}

impl Matrix {
    fn new(a: f64, b: f64, c: f64, d: f64, e: f64, f: f64) -> Matrix {
        Matrix { a, b, c, d, e, f }
    }

    fn translation(x: f64, y: f64) -> Matrix {
        Matrix::new(1., 0., 0., 1., x, y)
    }

    /// The matrix of six numbers.
    fn of(numbers: impl Iterator<Item = Option<f64>>) -> Option<Matrix> {
        let n: Vec<f64> = numbers.collect::<Option<_>>()?;
        match n[..] {
            [a, b, c, d, e, f] => Some(Matrix::new(a, b, c, d, e, f)),
            _ => None,
        }
    }

    /// This transformation, then `next`: the product self × next.
    fn then(&self, next: &Matrix) -> Matrix {
        let (s, m) = (self, next);
        Matrix::new(
            s.a * m.a + s.b * m.c,
            s.a * m.b + s.b * m.d,
            s.c * m.a + s.d * m.c,
            s.c * m.b + s.d * m.d,
            s.e * m.a + s.f * m.c + m.e,
            s.e * m.b + s.f * m.d + m.f,
        )
    }
}

/// The graphics state the text operators read; `q` saves it, `Q` brings
/// it back. The text matrix travels with it, as pdf-extract keeps it.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    tm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

impl Default for State {
    fn default() -> Self {
        State {
            ctm: Matrix::default(),
            tm: Matrix::default(),
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

struct Walk<'d, 'f> {
    doc: &'d Document,
    fonts: &'f mut Fonts,
    /// PDF space (origin at the foot) to top-down page space.
    flip: Matrix,
    glyphs: Vec<Glyph>,
    /// Forms drawn so far on the page.
    forms: usize,
}

impl<'d> Walk<'d, '_> {
    fn run(&mut self, content: &[u8], resources: &'d Dictionary, mut gs: State, depth: usize) {
        let mut lexer = Lexer::new(content);
        let mut args = Vec::new();
        let mut saved: Vec<State> = Vec::new();
        let mut line = Matrix::default();
        while let Some(op) = lexer.next_op(&mut args) {
            let arg = |i: usize| args.get(i).and_then(Operand::number);
            match op {
                b"BT" | b"ET" => {
                    line = Matrix::default();
                    gs.tm = line;
                }
                // The format's own limit on nesting is 28; a stream of
                // nothing but `q` must not grow the stack with its size.
                b"q" if saved.len() < MAX_SAVED => saved.push(gs.clone()),
                b"Q" => gs = saved.pop().unwrap_or(gs),
                b"cm" => {
                    if let Some(m) = Matrix::of(args.iter().map(Operand::number)) {
                        gs.ctm = m.then(&gs.ctm);
                    }
                }
                b"Tf" => {
                    gs.font = match args.first() {
                        Some(Operand::Name(name)) => self.font(resources, name),
                        _ => None,
                    };
                    gs.size = arg(1).unwrap_or(0.0);
                }
                b"Tc" => gs.char_spacing = arg(0).unwrap_or(gs.char_spacing),
                b"Tw" => gs.word_spacing = arg(0).unwrap_or(gs.word_spacing),
                b"Tz" => gs.scale = arg(0).map_or(gs.scale, |s| s / 100.),
                b"TL" => gs.leading = arg(0).unwrap_or(gs.leading),
                b"Ts" => gs.rise = arg(0).unwrap_or(gs.rise),
                b"Tm" => {
                    if let Some(m) = Matrix::of(args.iter().map(Operand::number)) {
                        line = m;
                        gs.tm = line;
                    }
                }
                b"Td" | b"TD" => {
                    if let (Some(x), Some(y)) = (arg(0), arg(1)) {
                        if op == b"TD" {
                            gs.leading = -y;
                        }
                        line = Matrix::translation(x, y).then(&line);
                        gs.tm = line;
                    }
                }
                b"T*" => {
                    line = Matrix::translation(0., -gs.leading).then(&line);
                    gs.tm = line;
                }
                b"Tj" => self.show_operand(&mut gs, args.first()),
                b"'" | b"\"" => {
                    if op == b"\"" {
                        gs.word_spacing = arg(0).unwrap_or(gs.word_spacing);
                        gs.char_spacing = arg(1).unwrap_or(gs.char_spacing);
                    }
                    line = Matrix::translation(0., -gs.leading).then(&line);
                    gs.tm = line;
                    self.show_operand(&mut gs, args.last());
                }
                b"TJ" => {
                    let Some(Operand::Array(parts)) = args.first() else {
                        continue;
                    };
                    for part in parts {
                        match part.number() {
                            Some(n) => {
                                let tx = gs.scale * (-n / 1000. * gs.size);
                                gs.tm = Matrix::translation(tx, 0.).then(&gs.tm);
                            }
                            None => self.show_operand(&mut gs, Some(part)),
                        }
                    }
                }
                b"Do" if depth < MAX_FORM_DEPTH && self.forms < MAX_FORMS => {
                    if let Some(Operand::Name(name)) = args.first() {
                        self.form(resources, name, &gs, depth);
                    }
                }
                _ => {}
            }
        }
    }

    /// A form XObject's content, drawn in the current state (images and
    /// other kinds hold no text).
    fn form(&mut self, resources: &'d Dictionary, name: &[u8], gs: &State, depth: usize) {
        let doc = self.doc;
        let Some(Ok(form)) = get(doc, resources, b"XObject")
            .and_then(|x| x.as_dict().ok())
            .and_then(|x| get(doc, x, name))
            .map(Object::as_stream)
        else {
            return;
        };
        if get(doc, &form.dict, b"Subtype").and_then(|s| s.as_name().ok()) != Some(b"Form") {
            return;
        }
        let inner = get(doc, &form.dict, b"Resources")
            .and_then(|r| r.as_dict().ok())
            .unwrap_or(resources);
        let matrix = get(doc, &form.dict, b"Matrix")
            .and_then(|m| m.as_array().ok())
            .and_then(|m| Matrix::of(m.iter().map(|o| number(deref(doc, o)))))
            .unwrap_or_default();
        self.forms += 1;
        let state = State {
            ctm: matrix.then(&gs.ctm),
            tm: Matrix::default(),
            ..gs.clone()
        };
        self.run(&contents(form), inner, state, depth + 1);
    }

    fn font(&mut self, resources: &'d Dictionary, name: &[u8]) -> Option<Rc<Font>> {
        if let Some(font) = self.fonts.named(resources, name) {
            return font;
        }
        let doc = self.doc;
        let font = get(doc, resources, b"Font")
            .and_then(|f| f.as_dict().ok())
            .and_then(|f| get(doc, f, name))
            .and_then(|f| f.as_dict().ok())
            .map(|dict| self.fonts.get(doc, dict));
        self.fonts.name(resources, name, font.clone());
        font
    }

    fn show_operand(&mut self, gs: &mut State, operand: Option<&Operand>) {
        if let Some(Operand::String(bytes)) = operand {
            self.show(gs, bytes);
        }
    }

    /// Each character of a string where it stands, moving the text matrix
    /// on by its advance.
    fn show(&mut self, gs: &mut State, bytes: &[u8]) {
        let Some(font) = gs.font.clone() else {
            return;
        };
        for code in font.codes(bytes) {
            let tsm = Matrix::new(gs.scale, 0., 0., 1., 0., gs.rise);
            let trm = tsm.then(&gs.tm.then(&gs.ctm));
            let w0 = font.width(code) / 1000.;
            let mut spacing = gs.char_spacing;
            if code.code == 32 && code.len == 1 {
                spacing += gs.word_spacing;
            }
            let text = font.text(code);
            if !text.chars().all(char::is_whitespace) {
                let glyph = self.glyph(&trm, w0, gs.size, text.into_owned());
                self.glyphs.push(glyph);
            }
            let tx = gs.scale * (w0 * gs.size + spacing);
            gs.tm = Matrix::translation(tx, 0.).then(&gs.tm);
        }
    }

    fn glyph(&self, trm: &Matrix, w0: f64, font_size: f64, text: String) -> Glyph {
        let at = trm.then(&self.flip);
        // The side of the square with the area the font size maps to.
        let vx = font_size * (trm.a + trm.c);
        let vy = font_size * (trm.b + trm.d);
        let size = (vx * vy).abs().sqrt();
        Glyph {
            x: at.e,
            y: at.f,
            advance: w0 * size,
            size,
            text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, ObjectId, Stream, StringFormat};

    /// A simple font whose code 1 shows `one` and code 2 `two`, each a
    /// full em wide.
    fn font(doc: &mut Document, one: char, two: char) -> ObjectId {
        let hex = |c: char| format!("{:04X}", u32::from(c));
        let cmap = format!(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CMapName /Test def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\n\
             endcodespacerange\n2 beginbfchar\n<01> <{}>\n<02> <{}>\nendbfchar\nendcmap\n\
             CMapName currentdict /CMap defineresource pop\nend\nend\n",
            hex(one),
            hex(two)
        );
        let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
        doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "TrueType",
            "BaseFont" => "Test",
            "FirstChar" => 1,
            "LastChar" => 2,
            "Widths" => vec![1000.into(), 1000.into()],
            "ToUnicode" => to_unicode,
        })
    }

    fn text(code: u8) -> Object {
        Object::String(vec![code], StringFormat::Hexadecimal)
    }

    fn op(name: &str, operands: Vec<Object>) -> Operation {
        Operation::new(name, operands)
    }

    /// A document of one page per (font, content, xobjects) given, A4.
    fn document(pages: Vec<(ObjectId, Vec<Operation>, Dictionary)>, doc: &mut Document) {
        let tree = doc.new_object_id();
        let mut kids = Vec::new();
        for (font, ops, xobjects) in pages {
            let content = Content { operations: ops }.encode().expect("content");
            let content = doc.add_object(Stream::new(dictionary! {}, content));
            let page = doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => tree,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                "Contents" => content,
                "Resources" => dictionary! {
                    "Font" => dictionary! { "F1" => font },
                    "XObject" => xobjects,
                },
            });
            kids.push(page.into());
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            tree,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => tree });
        doc.trailer.set("Root", catalog);
    }

    fn line(code: u8) -> Vec<Operation> {
        vec![
            op("BT", vec![]),
            op("Tf", vec!["F1".into(), 12.into()]),
            op("Td", vec![72.into(), 700.into()]),
            op("Tj", vec![text(code)]),
            op("ET", vec![]),
        ]
    }

    fn texts(page: &Page) -> String {
        page.glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    /// Fonts are kept across pages by their object, not by the name a
    /// page gives them: the next page's /F1 may be another font.
    #[test]
    fn a_font_name_means_its_own_page_s_font() {
        let mut doc = Document::with_version("1.5");
        let first = font(&mut doc, '甲', '乙');
        let second = font(&mut doc, '丙', '丁');
        let pages = vec![
            (first, line(1), Dictionary::new()),
            (second, line(1), Dictionary::new()),
            (first, line(2), Dictionary::new()),
        ];
        document(pages, &mut doc);
        let read = super::pages(&doc).unwrap();
        let read: Vec<String> = read.iter().map(texts).collect();
        assert_eq!(read, ["甲", "丙", "乙"]);
    }

    /// `'` and `"` go to the next line before showing; a TJ number moves
    /// the pen back by thousandths of an em.
    #[test]
    fn next_line_operators_and_tj_kerning_place_the_glyphs() {
        let mut doc = Document::with_version("1.5");
        let f = font(&mut doc, '甲', '乙');
        let ops = vec![
            op("BT", vec![]),
            op("Tf", vec!["F1".into(), 12.into()]),
            op("TL", vec![20.into()]),
            op("Td", vec![72.into(), 700.into()]),
            op(
                "TJ",
                vec![Object::Array(vec![text(1), (-500).into(), text(2)])],
            ),
            op("'", vec![text(1)]),
            op("\"", vec![0.into(), 6.into(), text(2)]),
            op("Tj", vec![text(1)]),
            op("ET", vec![]),
        ];
        document(vec![(f, ops, Dictionary::new())], &mut doc);
        let page = &super::pages(&doc).unwrap()[0];
        let at: Vec<(f64, f64, &str)> = page
            .glyphs
            .iter()
            .map(|g| (g.x, g.y, g.text.as_str()))
            .collect();
        let top = 842. - 700.;
        assert_eq!(
            at,
            [
                (72., top, "甲"),
                (72. + 12. + 6., top, "乙"),
                (72., top + 20., "甲"),
                (72., top + 40., "乙"),
                // Character spacing 6 set by `"` goes on after its glyph.
                (72. + 12. + 6., top + 40., "甲"),
            ]
        );
        assert!(page
            .glyphs
            .iter()
            .all(|g| g.size == 12. && g.advance == 12.));
    }

    /// Text in a form XObject stands where the form's matrix puts it;
    /// an image is no text.
    #[test]
    fn a_form_s_text_is_placed_by_its_matrix() {
        let mut doc = Document::with_version("1.5");
        let f = font(&mut doc, '甲', '乙');
        let form_content = Content {
            operations: line(2),
        }
        .encode()
        .unwrap();
        let form = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 100.into(), (-100).into()],
                "Resources" => dictionary! { "Font" => dictionary! { "F1" => f } },
            },
            form_content,
        ));
        let image = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1 },
            vec![0],
        ));
        let mut ops = line(1);
        ops.extend([op("Do", vec!["Fm".into()]), op("Do", vec!["Im".into()])]);
        let xobjects = dictionary! { "Fm" => form, "Im" => image };
        document(vec![(f, ops, xobjects)], &mut doc);
        let page = &super::pages(&doc).unwrap()[0];
        let at: Vec<(f64, f64, &str)> = page
            .glyphs
            .iter()
            .map(|g| (g.x, g.y, g.text.as_str()))
            .collect();
        assert_eq!(at, [(72., 142., "甲"), (172., 242., "乙")]);
    }

    /// A form that draws itself ten times over stops at the page's budget
    /// of forms instead of running ten to the eighth times.
    #[test]
    fn a_form_drawing_itself_is_cut_short() {
        let mut doc = Document::with_version("1.5");
        let f = font(&mut doc, '甲', '乙');
        let form = doc.new_object_id();
        let mut ops = line(1);
        ops.extend((0..10).map(|_| op("Do", vec!["Fm".into()])));
        let content = Content { operations: ops }.encode().unwrap();
        let dict = dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "Resources" => dictionary! {
                "Font" => dictionary! { "F1" => f },
                "XObject" => dictionary! { "Fm" => form },
            },
        };
        doc.objects
            .insert(form, Object::Stream(Stream::new(dict, content)));
        let page = vec![op("Do", vec!["Fm".into()])];
        document(vec![(f, page, dictionary! { "Fm" => form })], &mut doc);
        let page = &super::pages(&doc).unwrap()[0];
        assert_eq!(page.glyphs.len(), MAX_FORMS);
    }

    /// A stream that saves the graphics state far past the format's own
    /// limit of nesting still reads its text, with the matrices of the
    /// states it could restore.
    #[test]
    fn saving_the_state_without_end_is_bounded() {
        let mut doc = Document::with_version("1.5");
        let f = font(&mut doc, '甲', '乙');
        let mut ops: Vec<Operation> = (0..100_000).map(|_| op("q", vec![])).collect();
        ops.extend(line(1));
        ops.extend((0..100_000).map(|_| op("Q", vec![])));
        ops.extend(line(2));
        document(vec![(f, ops, dictionary! {})], &mut doc);
        let page = &super::pages(&doc).unwrap()[0];
        let text: String = page.glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "甲乙");
    }
}
