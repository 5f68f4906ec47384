//! Metadata kept from the chrome and the text (spec §1): title, issuer,
//! place, year covered, publication date, source, script. Values are kept
//! as written; matching happens on Simplified, normal-form keys.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::outline::Heading;
use super::LineKind;
use crate::pattern::text_regex;
use crate::script::{self, Script};
use crate::text;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meta {
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub year: Option<i32>,
    /// ISO date (YYYY-MM-DD).
    pub published: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub script: Script,
}

static TITLE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^标\s*题\s*:?\s*(\S.*)$").expect("title label"));
static TITLE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"法治.*(报告|情况|总结)|(报告|情况)$").expect("title words"));
static SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:信息来源|来\s*源)\s*:\s*([^\s:]+)").expect("source"));
static PUBLISHER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:发布机构|发文机关)\s*:?\s*([^\s:]+)").expect("publisher"));
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})").expect("iso date")
});
static CN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9〇零一二三四五六七八九]{4})\s*年([0-9〇零一二三四五六七八九十]{1,3})\s*月([0-9〇零一二三四五六七八九十]{1,3})\s*日$")
        .expect("cn date")
});
const YEAR_PATTERN: &str = r"((?:19|20)\d{2})\s*年";
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(YEAR_PATTERN).expect("year"));
static NEXT_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*年.*(安排|计划|打算|思路)").expect("next plan")
});
static SIGNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{2,20}?(人民政府|政府|办公室|委员会|办公厅)$").expect("signer")
});
static ORG_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:关于)?(\p{Han}{2,12}?(?:人民政府|政府))").expect("org prefix")
});
/// The opening paragraph is read as written, with these rules in their
/// text form (see [`crate::pattern`]): it is the one long line metadata
/// reads, and keying it cost more than the rest of the metadata.
static OPENING_PLACE: LazyLock<Regex> = LazyLock::new(|| text_regex(OPENING_PLACE_PATTERN));
const OPENING_PLACE_PATTERN: &str = r"(\p{Han}{1,8}?(?:省|市|区|县|自治州|州|盟|旗))(?:人民政府|政府)?(?:坚持|深入|始终|全面|紧紧|认真|以|围绕|持续|聚焦|牢牢|紧扣|扎实)";
static OPENING_YEAR: LazyLock<Regex> = LazyLock::new(|| text_regex(YEAR_PATTERN));
static PLACE_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.+?)(?:人民政府|政府)$").expect("place suffix"));

/// A line as written, trimmed, and its key: each line the rules read is
/// keyed once, however many rules read it.
type Keyed<'a> = (&'a str, String);

pub fn extract(lines: &[&str], kinds: &[LineKind], headings: &[Heading], script: Script) -> Meta {
    let first_text = kinds.iter().position(|k| *k == LineKind::Text);
    let last_text = kinds.iter().rposition(|k| *k == LineKind::Text);
    let keyed = |i: usize| {
        let line = text::trim(lines[i]);
        (line, key(line))
    };
    let zone = |range: std::ops::Range<usize>| -> Vec<Keyed> {
        range
            .filter(|&i| kinds[i] == LineKind::Chrome)
            .map(keyed)
            .collect()
    };
    let head = zone(0..first_text.unwrap_or(lines.len()));
    let tail = zone(last_text.map_or(lines.len(), |l| l + 1)..lines.len());
    let opening = first_text.map(|i| text::trim(lines[i]));

    let title = find_title(&head);
    let issuer = find_issuer(&head, &tail, title.as_deref(), opening);
    let place = issuer.as_deref().map(place_of);
    let published = find_published(&head).or_else(|| find_signature_date(&tail));
    let year = find_year(title.as_deref(), opening, headings, published.as_deref());
    Meta {
        issuer,
        place,
        year,
        published,
        title,
        source: find_labelled(&head, &SOURCE).or_else(|| find_labelled(&head, &PUBLISHER)),
        script,
    }
}

/// Keys are Simplified and normal-form, with the same chars as the line,
/// so a match in the key maps back to the line as written.
fn key(line: &str) -> String {
    script::key(line)
}

fn original<'a>(line: &'a str, key: &str, m: regex::Match) -> &'a str {
    let start = key[..m.start()].chars().count();
    let len = m.as_str().chars().count();
    let b0 = super::char_to_byte(line, start);
    let b1 = b0 + super::char_to_byte(&line[b0..], len);
    &line[b0..b1]
}

fn capture_original((line, k): (&str, &str), re: &Regex) -> Option<String> {
    let m = re.captures(k)?.get(1)?;
    Some(text::trim(original(line, k, m)).to_owned())
}

fn find_title(head: &[Keyed]) -> Option<String> {
    let labelled = head
        .iter()
        .find_map(|(l, k)| capture_original((l, k), &TITLE_LABEL));
    labelled.or_else(|| {
        head.iter()
            .find(|(_, k)| {
                let n = k.chars().count();
                (6..=80).contains(&n)
                    && TITLE_WORDS.is_match(k)
                    && !k.contains('>')
                    && !k.contains(':')
            })
            .map(|(l, _)| (*l).to_owned())
    })
}

fn find_labelled(head: &[Keyed], re: &Regex) -> Option<String> {
    head.iter().find_map(|(l, k)| capture_original((l, k), re))
}

/// The government that wrote the report, not the one it is addressed to:
/// the signature, then a government named in the title, then the
/// publishing body when it is a government, then the opening sentence.
fn find_issuer(
    head: &[Keyed],
    tail: &[Keyed],
    title: Option<&str>,
    opening: Option<&str>,
) -> Option<String> {
    if let Some((signer, _)) = tail.iter().find(|(_, k)| SIGNER.is_match(k)) {
        return Some((*signer).to_owned());
    }
    if let Some(t) = title.and_then(|t| capture_original((t, &key(t)), &ORG_PREFIX)) {
        return Some(t);
    }
    if let Some(p) = find_labelled(head, &PUBLISHER).filter(|p| key(p).ends_with("政府")) {
        return Some(p);
    }
    let place = OPENING_PLACE.captures(opening?)?.get(1)?;
    Some(text::trim(place.as_str()).to_owned())
}

fn place_of(issuer: &str) -> String {
    let k = key(issuer);
    match PLACE_SUFFIX.captures(&k).and_then(|c| c.get(1)) {
        Some(m) => original(issuer, &k, m).to_owned(),
        None => issuer.to_owned(),
    }
}

fn find_published(head: &[Keyed]) -> Option<String> {
    head.iter().find_map(|(_, k)| {
        let c = ISO_DATE.captures(k)?;
        iso(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    })
}

/// The date under the signature, in digits or Chinese numerals
/// (二〇二四年二月二十八日).
fn find_signature_date(tail: &[Keyed]) -> Option<String> {
    tail.iter().find_map(|(_, k)| {
        let c = CN_DATE.captures(k)?;
        iso(
            small_number(&c[1])?,
            small_number(&c[2])?,
            small_number(&c[3])?,
        )
    })
}

/// Digits, digit-by-digit Chinese (二〇二四) or small Chinese counts (二十八).
fn small_number(s: &str) -> Option<i32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .or((c == '零').then_some(0))
    };
    if !s.contains('十') {
        return s
            .chars()
            .try_fold(0i32, |acc, c| Some(acc * 10 + digit(c)? as i32));
    }
    let (tens, ones) = s.split_once('十')?;
    let tens = if tens.is_empty() {
        1
    } else {
        digit(tens.chars().next()?)? as i32
    };
    let ones = if ones.is_empty() {
        0
    } else {
        digit(ones.chars().next()?)? as i32
    };
    Some(tens * 10 + ones)
}

fn iso(y: i32, m: i32, d: i32) -> Option<String> {
    let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let ok = (1900..=2200).contains(&y)
        && (1..=12).contains(&m)
        && d >= 1
        && d <= days[(m - 1) as usize];
    ok.then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The year covered: in the title, else at the start of the opening
/// paragraph, else one before a heading planning a given year, else the
/// year before publication.
fn find_year(
    title: Option<&str>,
    opening: Option<&str>,
    headings: &[Heading],
    published: Option<&str>,
) -> Option<i32> {
    let year_in = |k: &str| YEAR.captures(k).and_then(|c| c[1].parse::<i32>().ok());
    title
        .and_then(|t| year_in(&key(t)))
        .or_else(|| {
            let c = OPENING_YEAR.captures(opening?)?;
            key(&c[1]).parse::<i32>().ok()
        })
        .or_else(|| {
            headings.iter().find_map(|h| {
                let k = key(&h.title);
                let c = NEXT_PLAN.captures(&k)?;
                Some(c[1].parse::<i32>().ok()? - 1)
            })
        })
        .or_else(|| published.and_then(|p| p.get(..4)?.parse::<i32>().ok().map(|y| y - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_numbers() {
        assert_eq!(small_number("二〇二四"), Some(2024));
        assert_eq!(small_number("二十八"), Some(28));
        assert_eq!(small_number("十"), Some(10));
        assert_eq!(small_number("十二"), Some(12));
        assert_eq!(small_number("28"), Some(28));
    }

    #[test]
    fn dates_are_validated() {
        assert_eq!(iso(2024, 2, 29), Some("2024-02-29".into()));
        assert_eq!(iso(2024, 13, 1), None);
        assert_eq!(iso(2024, 4, 31), None);
    }

    #[test]
    fn issuer_from_opening_sentence() {
        let o = "2024年,在省委、省政府的正確領導下,常州市堅持以習近平新時代中國特色社會主義思想為指導。";
        assert_eq!(
            find_issuer(&[], &[], None, Some(o)).as_deref(),
            Some("常州市")
        );
    }

    /// The opening rules read the line as written, in their text form:
    /// on every bundled line, in both scripts and with full-width digits,
    /// they capture the chars the key form captures in the line's key.
    #[test]
    fn opening_rules_capture_in_text_what_they_capture_in_its_key() {
        let on_key = [
            (&*OPENING_PLACE, Regex::new(OPENING_PLACE_PATTERN).unwrap()),
            (&*OPENING_YEAR, Regex::new(YEAR_PATTERN).unwrap()),
        ];
        let wide = |s: &str| -> String {
            s.chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                    _ => c,
                })
                .collect()
        };
        let span =
            |s: &str, m: regex::Match| (s[..m.start()].chars().count(), m.as_str().chars().count());
        let mut hits = 0;
        for (_, bytes) in crate::library::bundled::BUNDLED {
            let text = std::str::from_utf8(bytes).expect("utf-8");
            for t in [text.to_owned(), script::to_simplified(text), wide(text)] {
                for line in t.lines() {
                    let k = key(line);
                    for (text_form, key_form) in &on_key {
                        let got = text_form.captures(line).and_then(|c| c.get(1));
                        let want = key_form.captures(&k).and_then(|c| c.get(1));
                        assert_eq!(
                            got.map(|m| span(line, m)),
                            want.map(|m| span(&k, m)),
                            "{line}"
                        );
                        hits += usize::from(got.is_some());
                    }
                }
            }
        }
        assert!(hits > 20, "{hits}");
    }

    #[test]
    fn signature_beats_addressee() {
        let keyed =
            |lines: &[&'static str]| -> Vec<Keyed> { lines.iter().map(|l| (*l, key(l))).collect() };
        let tail = keyed(&["張家港市人民政府", "2024年2月28日"]);
        assert_eq!(
            find_issuer(&keyed(&["蘇州市人民政府:"]), &tail, None, None).as_deref(),
            Some("張家港市人民政府")
        );
        assert_eq!(find_signature_date(&tail).as_deref(), Some("2024-02-28"));
        assert_eq!(
            find_signature_date(&keyed(&["二〇二四年二月二十八日"])).as_deref(),
            Some("2024-02-28")
        );
    }
}
