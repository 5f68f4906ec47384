//! Numbers as the reports write them: Arabic (with thousands separators),
//! Chinese (一百零八亿, 五百十三, 壹佰贰拾叁, 二〇二四), decimals with 点,
//! 百分之…, and mixed forms (3.7万, 一点二万, 二百多万).
//!
//! Written by hand because no crate reads all of these: cn2an rejects
//! 百分之三十六点九 and 12.3万余, and the Rust crates seen read only one of
//! the two systems (see `../shared/oracle/README.md`). The parser is small
//! and table-driven: [`digit`], [`small_unit`] and [`big_unit`] are the
//! tables, and values are exact decimals so that 12.3万 is 123000, not
//! 123000.00000000001.
//!
//! The scanner works on *key* characters (see [`crate::text::script::key`]):
//! full-width digits are already ASCII and Traditional forms (萬 億 兩 點)
//! already Simplified.

/// An exact non-negative decimal: `mantissa / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    mantissa: u128,
    scale: u32,
}

/// Beyond this the value is not a quantity a report states; refusing it
/// keeps every operation free of overflow.
const MAX_MANTISSA: u128 = 10u128.pow(30);

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    pub(crate) fn from_int(n: u128) -> Option<Decimal> {
        (n <= MAX_MANTISSA).then_some(Decimal {
            mantissa: n,
            scale: 0,
        })
    }

    fn normalised(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa.is_multiple_of(10) {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    /// `self × 10^k`, exact.
    pub(crate) fn shift(self, k: u32) -> Option<Decimal> {
        let mut d = self;
        let mut k = k;
        while k > 0 && d.scale > 0 {
            d.scale -= 1;
            k -= 1;
        }
        let m = d.mantissa.checked_mul(10u128.checked_pow(k)?)?;
        (m <= MAX_MANTISSA).then_some(Decimal { mantissa: m, ..d }.normalised())
    }

    /// `self / 10^k`, exact.
    pub(crate) fn unshift(self, k: u32) -> Option<Decimal> {
        Decimal::from_parts(self.mantissa, self.scale.checked_add(k)?)
    }

    /// `(mantissa, scale)`: the value is `mantissa / 10^scale`.
    pub fn parts(self) -> (u128, u32) {
        (self.mantissa, self.scale)
    }

    /// `mantissa / 10^scale`, when it is within range.
    pub(crate) fn from_parts(mantissa: u128, scale: u32) -> Option<Decimal> {
        (mantissa <= MAX_MANTISSA && scale <= 30)
            .then_some(Decimal { mantissa, scale }.normalised())
    }

    /// The value as an integer, when it is one.
    pub(crate) fn as_int(self) -> Option<u128> {
        (self.normalised().scale == 0).then_some(self.normalised().mantissa)
    }

    pub fn to_f64(self) -> f64 {
        let d = self.normalised();
        d.mantissa as f64 / 10f64.powi(d.scale as i32)
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.normalised();
        if d.scale == 0 {
            return write!(f, "{}", d.mantissa);
        }
        let p = 10u128.pow(d.scale);
        write!(
            f,
            "{}.{:0width$}",
            d.mantissa / p,
            d.mantissa % p,
            width = d.scale as usize
        )
    }
}

/// A plain JSON number: an integer when the value is one (and fits),
/// else a float. Exports write values so: `12.3万余条` is `123000`.
impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.as_int().and_then(|v| u64::try_from(v).ok()) {
            Some(v) => s.serialize_u64(v),
            None => s.serialize_f64(self.to_f64()),
        }
    }
}

/// A number found in text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: Decimal,
    /// Written as a percentage (`%` or 百分之).
    pub percent: bool,
    /// 多 or 余 inside the number (二百多万, 3000余万): "more than".
    pub more: bool,
    /// Written with Chinese numerals (rather than Arabic digits).
    pub chinese: bool,
    /// Characters the number takes, from where the scan started.
    pub len: usize,
}

/// The value of a Chinese digit (零 to 九, capitals, 两 and 〇).
pub(crate) fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// 十 百 千 and their capitals, as powers of ten.
pub(crate) fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        _ => return None,
    })
}

/// 万 and 亿, as powers of ten.
pub(crate) fn big_unit(c: char) -> Option<u32> {
    Some(match c {
        '万' => 4,
        '亿' => 8,
        _ => return None,
    })
}

/// Every character [`digit`], [`small_unit`] and [`big_unit`] read.
const NUMERAL_CHARS: &str = "零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿";

/// The CJK Unified Ideographs block, where all but 〇 of them lie.
const CJK: std::ops::Range<u32> = 0x4E00..0xA000;

/// One bit per character of [`CJK`]: set for the numeral characters.
/// Extraction asks this of every character of every report, and a bit
/// test is several times cheaper than the matches above.
static NUMERAL_BITS: [u64; 0xA000 / 64 - 0x4E00 / 64] = {
    let mut bits = [0; 0xA000 / 64 - 0x4E00 / 64];
    let s = NUMERAL_CHARS.as_bytes();
    let mut i = 0;
    while i < s.len() {
        // Three-byte UTF-8 sequences, decoded by hand: no char iteration
        // in a const initialiser.
        let u = ((s[i] as u32 & 0x0F) << 12)
            | ((s[i + 1] as u32 & 0x3F) << 6)
            | (s[i + 2] as u32 & 0x3F);
        if u >= CJK.start {
            let k = u - CJK.start;
            bits[(k / 64) as usize] |= 1 << (k % 64);
        }
        i += 3;
    }
    bits
};

/// True for a character that can be part of a Chinese numeral.
#[inline]
pub(crate) fn is_chinese_numeral(c: char) -> bool {
    let k = (c as u32).wrapping_sub(CJK.start);
    if k < CJK.end - CJK.start {
        NUMERAL_BITS[(k / 64) as usize] >> (k % 64) & 1 == 1
    } else {
        c == '〇'
    }
}

/// Parses a whole string as one number: `parse("一百一")` is 110,
/// `parse("百分之三十六点九")` is 36.9 percent.
///
/// ```
/// use lawgov_tui::text::numeral::parse;
/// assert_eq!(parse("一万三千五百十三").unwrap().value.to_string(), "13513");
/// assert_eq!(parse("12.3万").unwrap().value.to_string(), "123000");
/// assert!(parse("百分之五").unwrap().percent);
/// ```
pub fn parse(text: &str) -> Option<Number> {
    let chars: Vec<char> = crate::text::script::key(text).chars().collect();
    let n = scan(&chars, 0)?;
    (n.len == chars.len()).then_some(n)
}

/// The longest number that starts at `chars[at]`, if one does.
pub(crate) fn scan(chars: &[char], at: usize) -> Option<Number> {
    if starts_with(chars, at, "百分之") {
        let mut n = scan_plain(chars, at + 3)?;
        if n.percent {
            return None;
        }
        n.percent = true;
        n.len += 3;
        return Some(n);
    }
    scan_plain(chars, at)
}

fn scan_plain(chars: &[char], at: usize) -> Option<Number> {
    let c = *chars.get(at)?;
    if c.is_ascii_digit() {
        scan_arabic(chars, at)
    } else if is_chinese_numeral(c) {
        scan_chinese(chars, at)
    } else {
        None
    }
}

/// True when `chars[at..]` begins with `s`.
pub fn starts_with(chars: &[char], at: usize, s: &str) -> bool {
    s.chars()
        .enumerate()
        .all(|(k, c)| chars.get(at + k) == Some(&c))
}

/// `1,234.5`, then an optional Chinese multiplier (万, 千万, 多万) and `%`.
fn scan_arabic(chars: &[char], at: usize) -> Option<Number> {
    let mut i = at;
    let mut mantissa: u128 = 0;
    let mut scale = 0u32;
    let push = |m: &mut u128, d: char| -> Option<()> {
        *m = m.checked_mul(10)?.checked_add(d.to_digit(10)? as u128)?;
        (*m <= MAX_MANTISSA).then_some(())
    };
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            push(&mut mantissa, c)?;
            i += 1;
        } else if c == ',' && thousands_group(chars, i + 1) {
            i += 1;
        } else {
            break;
        }
    }
    if chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
        i += 1;
        while let Some(&c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
            push(&mut mantissa, c)?;
            scale += 1;
            i += 1;
        }
    }
    let mut value = Decimal { mantissa, scale }.normalised();
    let (power, more, used) = multiplier(chars, i);
    value = value.shift(power)?;
    i += used;
    let percent = chars.get(i) == Some(&'%');
    if percent {
        i += 1;
    }
    Some(Number {
        value,
        percent,
        more,
        chinese: false,
        len: i - at,
    })
}

/// A group of exactly three digits after a thousands separator.
fn thousands_group(chars: &[char], at: usize) -> bool {
    chars.len() >= at + 3
        && chars[at..at + 3].iter().all(|c| c.is_ascii_digit())
        && !chars.get(at + 3).is_some_and(|c| c.is_ascii_digit())
}

/// A multiplier after Arabic digits: 万, 亿, 千万, 百万, 万亿, with 多/余
/// before a big unit (3000多万). Returns (power of ten, more, chars).
fn multiplier(chars: &[char], at: usize) -> (u32, bool, usize) {
    let mut i = at;
    let mut power = 0;
    let mut more = false;
    if matches!(chars.get(i), Some('多' | '余'))
        && chars.get(i + 1).and_then(|&c| big_unit(c)).is_some()
    {
        more = true;
        i += 1;
    }
    if let Some(p) = chars.get(i).and_then(|&c| small_unit(c)) {
        if chars.get(i + 1).and_then(|&c| big_unit(c)).is_none() {
            return (0, false, 0);
        }
        power += p;
        i += 1;
    }
    while let Some(p) = chars.get(i).and_then(|&c| big_unit(c)) {
        power += p;
        i += 1;
    }
    if power == 0 {
        return (0, false, 0);
    }
    (power, more, i - at)
}

/// A run of Chinese numerals, with 点 and decimal digits, and 多/余 before
/// 万 or 亿.
fn scan_chinese(chars: &[char], at: usize) -> Option<Number> {
    let mut i = at;
    let mut more = false;
    while let Some(&c) = chars.get(i) {
        if matches!(c, '多' | '余')
            && i > at
            && chars.get(i + 1).and_then(|&c| big_unit(c)).is_some()
        {
            more = true;
        } else if !is_chinese_numeral(c) {
            break;
        }
        i += 1;
    }
    // 多/余 inside (二百多万) are skipped by chinese_int.
    let int_part = &chars[at..i];
    let mut value = Decimal::from_int(chinese_int(int_part)?)?;
    if chars.get(i) == Some(&'点') && chars.get(i + 1).and_then(|&c| digit(c)).is_some() {
        // 三点一四: the integer part ends before any 万; the fraction is
        // digit by digit, then a multiplier may follow (一点二万).
        if int_part.iter().any(|&c| big_unit(c).is_some()) {
            return None;
        }
        i += 1;
        let mut mantissa = value.mantissa;
        let mut scale = 0;
        while let Some(d) = chars.get(i).and_then(|&c| digit(c)) {
            mantissa = mantissa.checked_mul(10)?.checked_add(d as u128)?;
            scale += 1;
            i += 1;
            if mantissa > MAX_MANTISSA {
                return None;
            }
        }
        value = Decimal { mantissa, scale }.normalised();
        let mut power = 0;
        while let Some(p) = chars.get(i).and_then(|&c| big_unit(c)) {
            power += p;
            i += 1;
        }
        value = value.shift(power)?;
    }
    Some(Number {
        value,
        percent: false,
        more,
        chinese: true,
        len: i - at,
    })
}

/// The integer value of Chinese numeral characters.
///
/// Units multiply the digit before them (一百 = 100, a unit with no digit
/// counts one: 十五, 五百十三); 万 and 亿 close a section; a last digit
/// right after a unit is one place below it (一百一 = 110, 一万二 = 12000);
/// with no units at all the digits are positional (二〇二四 = 2024).
pub(crate) fn chinese_int(cs: &[char]) -> Option<u128> {
    if cs.is_empty() {
        return None;
    }
    let has_unit = cs
        .iter()
        .any(|&c| small_unit(c).is_some() || big_unit(c).is_some());
    if !has_unit {
        return positional(cs);
    }
    let mut yi: u128 = 0;
    let mut wan: u128 = 0;
    let mut section: u128 = 0;
    let mut pending: Option<u128> = None;
    let mut last_power = 0u32;
    let mut zero_gap = false;
    for &c in cs.iter().filter(|&&c| !matches!(c, '多' | '余')) {
        if let Some(d) = digit(c) {
            if pending.is_some_and(|p| p != 0) {
                return None;
            }
            if d == 0 {
                zero_gap = true;
            }
            pending = Some(d as u128);
        } else if let Some(p) = small_unit(c) {
            let n = pending.take().unwrap_or(1);
            if n == 0 || (last_power != 0 && p >= last_power && last_power < 4) {
                return None;
            }
            section = section.checked_add(n * 10u128.pow(p))?;
            last_power = p;
            zero_gap = false;
        } else if big_unit(c) == Some(4) {
            let n = section + pending.take().unwrap_or(0);
            wan = wan.checked_add(if n == 0 { 1 } else { n })?;
            section = 0;
            last_power = 4;
            zero_gap = false;
        } else {
            let n = wan.checked_mul(10_000)? + section + pending.take().unwrap_or(0);
            yi = yi
                .checked_add(if n == 0 { 1 } else { n })?
                .checked_mul(100_000_000)?;
            wan = 0;
            section = 0;
            last_power = 8;
            zero_gap = false;
        }
        if yi > MAX_MANTISSA || wan > MAX_MANTISSA {
            return None;
        }
    }
    if let Some(d) = pending {
        section += if last_power >= 1 && !zero_gap && d != 0 {
            d * 10u128.pow(last_power - 1)
        } else {
            d
        };
    }
    let total = yi
        .checked_add(wan.checked_mul(10_000)?)?
        .checked_add(section)?;
    (total <= MAX_MANTISSA).then_some(total)
}

fn positional(cs: &[char]) -> Option<u128> {
    let mut n: u128 = 0;
    for &c in cs {
        n = n.checked_mul(10)?.checked_add(digit(c)? as u128)?;
        if n > MAX_MANTISSA {
            return None;
        }
    }
    Some(n)
}

/// Writes an integer in Chinese numerals the way the reports do (十五,
/// 一万零五, 一百一十); used by the round-trip property test.
pub fn to_chinese(n: u64) -> String {
    let s = write_chinese(n);
    match s.strip_prefix("一十") {
        Some(rest) => format!("十{rest}"),
        None => s,
    }
}

fn write_chinese(n: u64) -> String {
    for (power, name) in [(100_000_000u64, "亿"), (10_000, "万")] {
        if n >= power {
            let (high, low) = (n / power, n % power);
            let mut s = write_chinese(high) + name;
            if low > 0 {
                if low < power / 10 {
                    s.push('零');
                }
                s += &write_chinese(low);
            }
            return s;
        }
    }
    section_chinese(n)
}

/// A number below 10 000: one 零 for each run of zeros between digits.
fn section_chinese(n: u64) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const UNITS: [&str; 4] = ["", "十", "百", "千"];
    if n == 0 {
        return "零".into();
    }
    let mut out = String::new();
    let mut zero = false;
    for place in (0..4).rev() {
        let d = (n / 10u64.pow(place)) % 10;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        out.push(DIGITS[d as usize]);
        out.push_str(UNITS[place as usize]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> String {
        parse(s).map_or("none".into(), |n| n.value.to_string())
    }

    #[test]
    fn the_numeral_bits_say_what_the_tables_read() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let read = digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some();
            assert_eq!(is_chinese_numeral(c), read, "{c}");
        }
    }

    #[test]
    fn reads_the_forms_reports_use() {
        for (text, want) in [
            ("一百一", "110"),
            ("五百十三", "513"),
            ("一百零八亿", "10800000000"),
            ("二〇二四", "2024"),
            ("1,234", "1234"),
            ("１２．５", "12.5"),
            ("3.7万", "37000"),
            ("一点二万", "12000"),
            ("二百多万", "2000000"),
            ("壹佰贰拾叁", "123"),
            ("一萬二千", "12000"),
            ("十", "10"),
        ] {
            assert_eq!(value(text), want, "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_one_number() {
        for text in ["", "百分之", "二三四十", "十十", "1,23", "点五"] {
            assert!(parse(text).is_none(), "{text}");
        }
    }

    #[test]
    fn scan_stops_where_the_number_ends() {
        let chars: Vec<char> = "办理3006件".chars().collect();
        assert_eq!(scan(&chars, 2).unwrap().len, 4);
        let chars: Vec<char> = "95%以上".chars().collect();
        let n = scan(&chars, 0).unwrap();
        assert!(n.percent);
        assert_eq!(n.len, 3);
    }

    #[test]
    fn huge_numbers_are_refused_not_overflowed() {
        assert!(parse(&"9".repeat(60)).is_none());
        assert!(parse(&"九".repeat(60)).is_none());
        assert!(parse("九千九百亿亿亿亿亿亿亿").is_none());
    }

    proptest::proptest! {
        #[test]
        fn chinese_round_trip(n in 0u64..10_000_000_000_000) {
            let text = to_chinese(n);
            proptest::prop_assert_eq!(parse(&text).and_then(|v| v.value.as_int()), Some(n as u128), "{}", text);
        }

        #[test]
        fn arabic_decimals_round_trip(int in 0u64..1_000_000_000, frac in 0u32..1000) {
            let text = format!("{int}.{frac:03}");
            let want = Decimal { mantissa: int as u128 * 1000 + frac as u128, scale: 3 }.normalised();
            proptest::prop_assert_eq!(parse(&text).map(|v| v.value), Some(want));
        }

        #[test]
        fn any_text_scans_without_panic(s in "\\PC{0,40}") {
            let chars: Vec<char> = s.chars().collect();
            for i in 0..chars.len() {
                let _ = scan(&chars, i);
            }
        }
    }

    #[test]
    fn writes_chinese() {
        assert_eq!(to_chinese(10), "十");
        assert_eq!(to_chinese(100_000_005), "一亿零五");
        assert_eq!(to_chinese(2_030_000), "二百零三万");
        assert_eq!(to_chinese(10005), "一万零五");
        assert_eq!(to_chinese(110), "一百一十");
        assert_eq!(to_chinese(100_000_000), "一亿");
    }
}
