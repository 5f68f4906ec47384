//! Exports keep the meaning: through `table`, `years` and `diff`, in CSV
//! and JSON, a fall stays a fall and a hedge stays a hedge. Values are
//! plain numbers in the base unit and never negative; `sign` says the
//! direction (`+`/`-` in JSON, `1`/`-1` in CSV) and `qualifier` the hedge.

use std::process::Output;

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    crate::common::run_ok(args)
}

/// Two years of one place: petitions fall by 31.4% then rise by 5%,
/// enforcement inspections fall by more than 3% then by 1%, and the
/// losses recovered are hedged (约).
fn two_years() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "某某市2023年法治政府建设情况报告\n一、主要举措\n全市信访总量同比下降31.4%,涉企行政检查同比下降超过3%,为群众挽回经济损失约819.1万元。\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "某某市2024年法治政府建设情况报告\n一、主要举措\n全市信访总量同比增长5%,涉企行政检查同比下降1%,为群众挽回经济损失5181万元。\n",
    )
    .unwrap();
    let (a, b) = (a.display().to_string(), b.display().to_string());
    (dir, a, b)
}

fn csv_rows(o: &Output) -> (Vec<String>, Vec<Vec<String>>) {
    let text = String::from_utf8(o.stdout.clone()).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn table_json_keeps_the_fall_and_the_hedge() {
    let (_dir, a, _) = two_years();
    let v = json(&run(&["table", &a, "--json"]));
    let cells = &v[0]["cells"];
    let fall = &cells["petitions_change"];
    assert_eq!(fall["value"], 31.4);
    assert_eq!(fall["sign"], "-");
    assert_eq!(fall["kind"], "change");
    let hedged = &cells["enforcement_inspections_change"];
    assert_eq!(
        (&hedged["value"], &hedged["sign"], &hedged["qualifier"]),
        (&Value::from(3), &Value::from("-"), &Value::from("over"))
    );
    assert_eq!(cells["losses_recovered"]["value"], 8191000);
    assert_eq!(cells["losses_recovered"]["qualifier"], "about");
    let long = json(&run(&["table", &a, "--json", "--long"]));
    let row = long
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator"] == "petitions_change")
        .unwrap();
    assert_eq!(
        (&row["value"], &row["sign"]),
        (&Value::from(31.4), &Value::from("-"))
    );
}

#[test]
fn table_csv_keeps_the_fall_and_the_hedge() {
    let (_dir, a, _) = two_years();
    let (header, rows) = csv_rows(&run(&["table", &a, "--csv"]));
    let at = |col: &str| header.iter().position(|h| h == col).unwrap();
    let row = &rows[0];
    assert_eq!(row[at("petitions_change")], "31.4");
    assert_eq!(row[at("petitions_change_sign")], "-1");
    assert_eq!(row[at("petitions_change_unit")], "%");
    assert_eq!(row[at("enforcement_inspections_change_qualifier")], "over");
    assert_eq!(row[at("enforcement_inspections_change_sign")], "-1");
    assert_eq!(row[at("losses_recovered")], "8191000");
    assert_eq!(row[at("losses_recovered_qualifier")], "about");
    assert_eq!(row[at("losses_recovered_sign")], "");
    let (header, rows) = csv_rows(&run(&["table", &a, "--csv", "--long"]));
    let at = |col: &str| header.iter().position(|h| h == col).unwrap();
    let row = rows
        .iter()
        .find(|r| r[at("indicator")] == "enforcement_inspections_change")
        .unwrap();
    assert_eq!(
        (
            &*row[at("value")],
            &*row[at("sign")],
            &*row[at("qualifier")]
        ),
        ("3", "-1", "over")
    );
}

#[test]
fn years_json_keeps_the_fall_and_the_hedge() {
    let (_dir, a, b) = two_years();
    let v = json(&run(&["years", &a, &b, "--json"]));
    let indicators = &v[0]["indicators"];
    let petitions = &indicators["petitions_change"];
    assert_eq!(
        (&petitions["2023"]["value"], &petitions["2023"]["sign"]),
        (&Value::from(31.4), &Value::from("-"))
    );
    assert_eq!(petitions["2023"]["change"], Value::Null);
    let change = &petitions["2024"]["change"];
    assert_eq!(
        (&change["value"], &change["sign"], &change["unit"]),
        (
            &Value::from(36.4),
            &Value::from("+"),
            &Value::from("个百分点")
        )
    );
    // A fall of more than 3% then of 1%: up by at least 2 points.
    let inspections = &indicators["enforcement_inspections_change"];
    assert_eq!(inspections["2023"]["qualifier"], "over");
    let change = &inspections["2024"]["change"];
    assert_eq!(
        (&change["value"], &change["sign"], &change["bound"]),
        (&Value::from(2), &Value::from("+"), &Value::from("at_least"))
    );
    let losses = &indicators["losses_recovered"]["2024"]["change"];
    assert_eq!(
        (&losses["value"], &losses["bound"]),
        (&Value::from(43619000), &Value::from("about"))
    );
}

#[test]
fn years_csv_keeps_the_fall_and_the_hedge() {
    let (_dir, a, b) = two_years();
    let (header, rows) = csv_rows(&run(&["years", &a, &b, "--csv"]));
    let at = |col: &str| header.iter().position(|h| h == col).unwrap();
    let row = |id: &str, year: &str| {
        rows.iter()
            .find(|r| r[at("indicator")] == id && r[at("year")] == year)
            .unwrap()
            .clone()
    };
    let fall = row("petitions_change", "2023");
    assert_eq!((&*fall[at("value")], &*fall[at("sign")]), ("31.4", "-1"));
    let rise = row("petitions_change", "2024");
    assert_eq!(
        (
            &*rise[at("change")],
            &*rise[at("change_sign")],
            &*rise[at("change_unit")]
        ),
        ("36.4", "1", "个百分点")
    );
    let hedged = row("enforcement_inspections_change", "2023");
    assert_eq!(
        (&*hedged[at("qualifier")], &*hedged[at("sign")]),
        ("over", "-1")
    );
    let bound = row("enforcement_inspections_change", "2024");
    assert_eq!(&bound[at("change_bound")], "at_least");
    assert_eq!(
        &row("losses_recovered", "2024")[at("change_bound")],
        "about"
    );
}

#[test]
fn diff_json_gives_plain_numbers_with_sign_and_hedge() {
    let (_dir, a, b) = two_years();
    let v = json(&run(&["diff", &a, &b, "--json"]));
    let figures = v["figures"].as_array().unwrap();
    let row = |id: &str| figures.iter().find(|f| f["indicator"] == id).unwrap();
    let petitions = row("petitions_change");
    assert_eq!(
        (&petitions["a"]["value"], &petitions["a"]["sign"]),
        (&Value::from(31.4), &Value::from("-"))
    );
    assert_eq!(petitions["a"]["shown"], "−31.4%");
    assert_eq!(petitions["difference"]["value"], 36.4);
    assert_eq!(petitions["difference"]["sign"], "+");
    let inspections = row("enforcement_inspections_change");
    assert_eq!(inspections["a"]["qualifier"], "over");
    assert_eq!(inspections["a"]["shown"], "fall of over 3%");
    let losses = row("losses_recovered");
    assert_eq!(losses["a"]["value"], 8191000);
    assert_eq!(losses["a"]["unit"], "元");
    assert_eq!(losses["difference"]["value"], 43619000);
    assert_eq!(losses["difference"]["bound"], "about");
    assert_eq!(losses["difference"]["shown"], "≈+4361.9万元");
}

#[test]
fn text_shows_one_minus_and_a_hedged_fall_in_words() {
    let (_dir, a, b) = two_years();
    for args in [
        vec!["table", a.as_str()],
        vec!["figures", a.as_str()],
        vec!["years", a.as_str(), b.as_str()],
        vec!["diff", a.as_str(), b.as_str(), "--figures"],
    ] {
        let text = String::from_utf8(run(&args).stdout).unwrap();
        assert!(text.contains("−31.4%"), "{args:?}: {text}");
        assert!(text.contains("fall of over 3%"), "{args:?}: {text}");
        assert!(
            !text.contains(">-") && !text.contains("-31"),
            "{args:?}: {text}"
        );
    }
}
