#!/usr/bin/env python3
"""Build assets/divisions.tsv from the areacodes summary table (result.csv).

Usage: python3 scripts/make-divisions.py result.csv [SINCE] > assets/divisions.tsv

result.csv is the CSV summary of the CC0 project yescallop/areacodes
(columns: 代码,一级行政区,二级行政区,名称,级别,状态,启用时间,变更/弃用时间,新代码).
Each record is in use from 启用时间 (inclusive) to 变更/弃用时间 (exclusive),
years counted as of 31 December.  Records in use now are written plain; records
whose code was abolished (弃用) or whose name/code changed (变更) in SINCE
(default 2010) or later are written with a 4th column `old`.

The parent follows GB/T 2260 and the source's own rule: a county-level code's
parent is the prefecture-level code with the same first four digits if such a
record exists at the same time, else the province; a prefecture's parent is its
province; a province has none.  The source has no placeholder rows (市辖区, 县,
省直辖县级行政区划 ...), so none need dropping; the script drops any it meets.
Standard library only.
"""
import csv
import sys

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
NOW = 9999


def level(code):
    if code.endswith("0000"):
        return 1
    if code.endswith("00"):
        return 2
    return 3


def main():
    src = sys.argv[1]
    since = int(sys.argv[2]) if len(sys.argv) > 2 else 2010
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))

    recs = []
    for r in rows:
        code, name = r["代码"].strip(), r["名称"].strip()
        if name in PLACEHOLDERS:
            continue
        start = int(r["启用时间"])
        end = int(r["变更/弃用时间"]) if r["变更/弃用时间"].strip() else NOW
        recs.append((code, name, start, end, r["状态"] == "在用"))

    periods = {}
    for code, _name, start, end, _cur in recs:
        periods.setdefault(code, []).append((start, end))

    def exists(code, start, end):
        return any(s < end and start < e for s, e in periods.get(code, []))

    out = {}
    for code, name, start, end, cur in recs:
        if not cur and end < since:
            continue
        lv = level(code)
        if lv == 1:
            parent = ""
        elif lv == 2:
            parent = code[:2] + "0000"
        else:
            pref = code[:4] + "00"
            parent = pref if exists(pref, start, end) else code[:2] + "0000"
        key = (code, name, parent)
        # a (code, name, parent) in use now is never old
        out[key] = out.get(key, False) or cur

    lines = []
    for (code, name, parent), cur in out.items():
        lines.append((code, 0 if cur else 1, name, parent, "" if cur else "old"))
    lines.sort()

    # every parent must be a row of the file
    codes = {l[0] for l in lines}
    missing = sorted({l[3] for l in lines if l[3] and l[3] not in codes})
    if missing:
        sys.exit("parents missing: " + " ".join(missing))

    w = sys.stdout
    w.write("# source: areacodes (中华人民共和国县级以上行政区划代码, history 1981-2024), "
            "https://github.com/yescallop/areacodes, licence CC0 1.0, "
            "file result.csv at commit eed219a (2025-11-04), data as of 2024-12-31; "
            "compiled from the Ministry of Civil Affairs' GB/T 2260 code lists\n")
    w.write("# columns: code<TAB>name<TAB>parent_code<TAB>old   "
            "(parent of a province is empty; old = abolished or renamed since %d, else empty)\n" % since)
    w.write("# made by scripts/make-divisions.py; see assets/divisions.md\n")
    for code, _o, name, parent, old in lines:
        w.write("%s\t%s\t%s\t%s\n" % (code, name, parent, old))


if __name__ == "__main__":
    main()
