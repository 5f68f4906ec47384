#!/usr/bin/env python3
"""Make the PDF, Word and broken-file test fixtures from the bundled reports.

Writes, under tests/fixtures/:

  formats/NAME.docx      one Word paragraph per non-blank line of data/NAME.txt
  formats/NAME.pdf       the same text typeset on A4 the way a PDF writer does it:
                         lines wrapped at the page width, a running header (the
                         report's title) on every page after the first, page
                         numbers "- N -" centred at the bottom, and a subset of
                         a CJK TrueType font embedded
  formats/gongwen.pdf    a report laid out as an official document (公文) of
                         宜兴市人民政府, built from sentences of data/yixing-2024.txt,
                         with gongwen.expected.json
  formats/styled.docx    a Word file of 绵阳市's 2024 report whose headings use the
                         heading styles and automatic Chinese numbering (一、 （一） 1.
                         come from numbering.xml, not from the text), with a table,
                         with styled.expected.json
  broken/truncated.pdf   a real PDF cut in half
  broken/encrypted.pdf   a PDF that needs the user password "secret"
  broken/scanned.pdf     one page that is only an image of Chinese text
  broken/notazip.docx    a text file named .docx
  broken/badzip.docx     a zip that is not a Word document
  broken/old.doc         a real Word 97 file when LibreOffice is installed,
                         else the OLE2/CFB magic D0 CF 11 E0 A1 B1 1A E1 + padding
  broken/report.rtf      a tiny RTF (GBK \\'xx escapes and \\uN? escapes)

To rerun (Debian 12), from the repository root:

  apt-get install fonts-wqy-microhei qpdf poppler-utils   # poppler only to check
  apt-get install libreoffice-writer-nogui                # optional: real old.doc
  pip install python-docx reportlab                       # reportlab brings Pillow
  python3 scripts/make-format-fixtures.py

Tools and licences: python-docx (MIT), ReportLab (BSD), Pillow (MIT-CMU/HPND),
qpdf (Apache-2.0), LibreOffice (MPL-2.0, optional).

Font: WenQuanYi Micro Hei (文泉驿微米黑, Debian package fonts-wqy-microhei,
/usr/share/fonts/truetype/wqy/wqy-microhei.ttc, face 0), TrueType outlines,
dual-licensed Apache-2.0 or GPL-3+ with the font embedding exception; the PDFs
embed subsets of it under the Apache-2.0 licence. Another TrueType font can be
named with the environment variable FIXTURE_FONT (a .ttf, or a .ttc whose face
0 is used). ReportLab cannot embed CFF-outline (.otf) fonts.

The output is reproducible: PDFs are written with ReportLab's invariant mode and
the zip members of the .docx files get a fixed timestamp, so a rerun changes no
bytes (old.doc comes from LibreOffice, which may stamp it differently).
"""

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (HRFlowable, Paragraph, SimpleDocTemplate,
                                Spacer, KeepTogether)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FORMATS = ROOT / "tests" / "fixtures" / "formats"
BROKEN = ROOT / "tests" / "fixtures" / "broken"

FONT_NAME = "WenQuanYiMicroHei"
FONT_CANDIDATES = [
    os.environ.get("FIXTURE_FONT", ""),
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
]

# Running header of each report's PDF (the title the report states, or would).
TITLES = {
    "changzhou-2024": "常州市2024年法治政府建設年度報告",
    "hongze-2023": "关于洪泽区2023年度法治政府建设工作的报告",
    "mianyang-2024": "绵阳市人民政府2024年度法治政府建设工作情况",
    "yixing-2024": "宜兴市人民政府2024年法治政府建设情况报告",
    "zhangjiagang-2023": "張家港市2023年法治政府建設年度報告",
}

FIXED_ZIP_TIME = (2025, 3, 20, 0, 0, 0)

rl_config.invariant = 1  # fixed dates and IDs: reruns give the same bytes


# ---------------------------------------------------------------- helpers

def read_report(path):
    """The text of a bundled report: UTF-8 (with or without BOM), else GB18030."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def register_font():
    for cand in FONT_CANDIDATES:
        if cand and Path(cand).is_file():
            font = TTFont(FONT_NAME, cand, subfontIndex=0)
            pdfmetrics.registerFont(font)
            return font, cand
    sys.exit("no CJK TrueType font found: apt-get install fonts-wqy-microhei "
             "or set FIXTURE_FONT")


def missing_glyphs(font, text):
    cmap = font.face.charToGlyph
    return sorted({c for c in text if ord(c) >= 0x20 and ord(c) not in cmap})


def normalize_zip(path):
    """Rewrite a zip with fixed timestamps and members in a fixed order."""
    with zipfile.ZipFile(path) as zin:
        members = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members:
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, data)
    path.write_bytes(buf.getvalue())


def fix_core_properties(doc, title):
    import datetime
    cp = doc.core_properties
    when = datetime.datetime(2025, 3, 20, 0, 0, 0)
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 1
    cp.title = title
    cp.author = ""
    cp.last_modified_by = ""


def set_east_asian_font(style, name):
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)
    fonts.attrib.pop(qn("w:eastAsiaTheme"), None)  # a theme font would win


def draw_page_number(canvas, y, size, page):
    """Centre "- N -" at y. The spaces are widened (PDF word spacing) to half
    an em, as in a Song face; the font's own narrow space makes pdftotext
    print "-1-"."""
    text = "- %d -" % page
    word_space = 0.25 * size
    width = pdfmetrics.stringWidth(text, FONT_NAME, size) + 2 * word_space
    t = canvas.beginText((A4[0] - width) / 2, y)
    t.setFont(FONT_NAME, size)
    t.setWordSpace(word_space)
    t.textOut(text)
    canvas.drawText(t)


def dump_json(obj):
    """JSON with one key per line and each list item on a line of its own."""
    one = lambda v: json.dumps(v, ensure_ascii=False)
    out = []
    for k, v in obj.items():
        if isinstance(v, list):
            items = ",\n".join("    " + one(i) for i in v)
            out.append("  %s: [\n%s\n  ]" % (one(k), items))
        else:
            out.append("  %s: %s" % (one(k), one(v)))
    return "{\n" + ",\n".join(out) + "\n}\n"


def p(text):
    """Paragraph markup for plain text."""
    return escape(text)


# ---------------------------------------------------------------- per report

def report_docx(name, lines, out):
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    set_east_asian_font(normal, "宋体")
    for line in lines:
        doc.add_paragraph(line)
    fix_core_properties(doc, TITLES.get(name, name))
    doc.save(out)
    normalize_zip(out)


def report_pdf(name, lines, out):
    title = TITLES.get(name, name)
    body = ParagraphStyle("body", fontName=FONT_NAME, fontSize=12, leading=21,
                          firstLineIndent=24, spaceAfter=4, wordWrap="CJK",
                          alignment=TA_LEFT)

    def furniture(canvas, doc, header):
        canvas.saveState()
        draw_page_number(canvas, 15 * mm, 10.5, doc.page)
        if header:
            canvas.setFont(FONT_NAME, 9)
            canvas.setFillColor(colors.HexColor("#444444"))
            canvas.drawCentredString(A4[0] / 2, A4[1] - 15 * mm, title)
            canvas.setStrokeColor(colors.HexColor("#888888"))
            canvas.setLineWidth(0.5)
            canvas.line(25 * mm, A4[1] - 17 * mm, A4[0] - 25 * mm, A4[1] - 17 * mm)
        canvas.restoreState()

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=25 * mm,
                            rightMargin=25 * mm, topMargin=25 * mm,
                            bottomMargin=25 * mm, title=title, author="",
                            creator="", subject="", lang="zh-CN", initialFontName=FONT_NAME)
    story = [Paragraph(p(line), body) for line in lines]
    doc.build(story,
              onFirstPage=lambda c, d: furniture(c, d, False),
              onLaterPages=lambda c, d: furniture(c, d, True))


# ---------------------------------------------------------------- gongwen.pdf

GW = {
    "place": "宜兴市",
    "issuer": "宜兴市人民政府",
    "issuer_mark": "宜兴市人民政府文件",
    "doc_number": "宜政发〔2025〕3号",
    "title": "宜兴市人民政府关于2024年法治政府建设情况的报告",
    "recipient": "无锡市人民政府",
    "year": 2024,
    "published": "2025-03-20",
    "date_line": "2025年3月20日",
}

GW_COPY_TO = "市委各部门，市人大常委会办公室，市政协办公室。"
GW_PRINTED_BY = "宜兴市人民政府办公室"
GW_PRINTED_LINE = "2025年3月21日印发"
GW_TITLE_LINES = ["宜兴市人民政府关于2024年", "法治政府建设情况的报告"]
assert "".join(GW_TITLE_LINES) == GW["title"]

# (kind, marker, text). kind: h1/h2 headings on their own line, h3 a run-in
# heading (its title ends at the first 。), p a body paragraph.
GW_BODY = [
    ("p", "", "2024年，宜兴市坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，严格按照中央、省、市关于法治政府建设的决策部署，全面推进依法行政，法治政府建设取得显著成效，为全市高质量发展提供了坚实的法治保障。现将有关情况报告如下："),
    ("h1", "一、", "2024年推进法治政府建设的主要举措和成效"),
    ("h2", "（一）", "政府职能依法全面履行"),
    ("h3", "1.", "深化行政审批制度改革。持续精简行政审批事项，优化审批流程，建成“一网通办”平台，统一市镇村三级政务服务入口，累计办理件数168万件。全面推进企业全生命周期“一件事一次办”，设立企业0.5天办结率达到95%，大幅提升了企业开办效率。"),
    ("h3", "2.", "持续优化法治化营商环境。印发《宜兴市优化营商环境提升行动方案2024》，提出并推进落实48项改革任务举措。对155件涉企规范性文件和政策制度进行全面梳理，其中修改1件，废止4件。推动落实包容审慎监管，全年共办理涉企免罚轻罚案件3006件，涉及金额约6798万元，切实减轻了企业负担。"),
    ("h2", "（二）", "依法科学民主决策稳步推进"),
    ("p", "", "严格落实重大行政决策程序规定，进一步完善重大行政决策目录管理制度。全年共对111件市政府常务会议题开展了合法性审查，涉及47件政府决策、30件政府合同、23件涉法事务处置以及42批次建设用地报批材料等重要事项。召开法律顾问专题研讨会26次，出具书面法律意见73件，有效防范了决策风险。"),
    ("h2", "（三）", "严格规范公正文明执法有效落实"),
    ("h3", "1.", "加强执法队伍建设。组织开展2024年度执法资格准入考试，新增行政执法人员245人，依法收回和注销不符合条件的执法证件110张。部署全市53个执法机关2275名执法人员开展全员轮训，培训覆盖率达100%。"),
    ("h3", "2.", "强化行政执法监督。建立行政执法案卷定期评查制度，全年共评查41个部门、18个镇街执法案卷共计317份，针对发现问题及时整改。推动联合检查或错峰检查40次，公示执法检查计划1852家次，有效降低执法频次，减少对企业正常生产经营的干扰。"),
    ("h2", "（四）", "社会矛盾纠纷化解积极有效"),
    ("p", "", "全市已建成各级各类人民调解组织449个，全年共排查化解各类矛盾纠纷19840件，调解成功率达99%。持续完善行政复议工作机制，全年市政府共办理行政复议案件256件，审结226件，其中通过协调、调解方式撤回43件，实质化解率达32.82%。严格落实行政机关负责人出庭应诉制度，推动“既出庭又出声”。初次信访一次性化解率达98.71%。"),
    ("h1", "二、", "党政主要负责人履行推进法治建设第一责任人职责情况"),
    ("p", "", "市政府主要负责人认真履行推进法治建设第一责任人职责，将习近平法治思想纳入《2024年全市基层党委（党组）理论学习中心组专题学习计划》，开展市政府常务会议专题学法4次，举办各类法治专题培训班9期。组织开展2024年度党政主要负责人专题述法活动，压实“关键少数”法治建设第一责任人职责。本年度市政府共办理人大代表建议178件、政协委员提案254件，办理满意率达99.8%。"),
    ("h1", "三、", "存在的不足和原因"),
    ("p", "", "2024年，我市法治政府建设取得了积极成效，但对照上级要求和人民群众期待，仍存在一些不足：一是部分领域行政执法规范化水平有待进一步提升；二是基层法治力量相对薄弱，合法性审查能力还需加强。主要原因是部分单位对法治政府建设的重要性认识不够深入，法治工作队伍建设仍需加强。"),
    ("h1", "四、", "2025年推进法治政府建设的主要安排"),
    ("p", "", "2025年是《宜兴市贯彻落实〈法治政府建设实施纲要（2021—2025年）〉实施方案》收官之年。我市将深入践行习近平法治思想，重点做好以下工作："),
    ("h2", "（一）", "健全依法行政制度体系"),
    ("p", "", "严格落实重大行政决策程序规定，加强行政规范性文件合法性审核和备案审查，持续提升制度建设质量。"),
    ("h2", "（二）", "提升行政执法质量和效能"),
    ("p", "", "深入实施提升行政执法质量三年行动计划，持续规范涉企行政执法，推动严格规范公正文明执法，努力建设人民满意的法治政府。"),
    ("p", "", "特此报告。"),
]


def gongwen_pdf(out):
    red = colors.HexColor("#E60012")
    base = dict(fontName=FONT_NAME, wordWrap="CJK")
    st_mark = ParagraphStyle("mark", fontSize=36, leading=44, alignment=TA_CENTER,
                             textColor=red, **base)
    st_num = ParagraphStyle("num", fontSize=16, leading=24, alignment=TA_CENTER,
                            **base)
    st_title = ParagraphStyle("title", fontSize=22, leading=34,
                              alignment=TA_CENTER, **base)
    st_to = ParagraphStyle("to", fontSize=16, leading=28, **base)
    st_body = ParagraphStyle("body", fontSize=16, leading=28, firstLineIndent=32,
                             **base)
    st_right = ParagraphStyle("right", fontSize=16, leading=28, alignment=TA_RIGHT,
                              rightIndent=32, **base)
    st_small = ParagraphStyle("small", fontSize=14, leading=20, leftIndent=14,
                              rightIndent=14, **base)

    story = [
        Spacer(1, 12 * mm),
        Paragraph(p(GW["issuer_mark"]), st_mark),
        Spacer(1, 14 * mm),
        Paragraph(p(GW["doc_number"]), st_num),
        Spacer(1, 2 * mm),
        HRFlowable(width="100%", thickness=1.5, color=red, spaceBefore=2,
                   spaceAfter=10 * mm),
        # Titles of 公文 are broken by meaning, not where the line is full.
        Paragraph("<br/>".join(p(t) for t in GW_TITLE_LINES), st_title),
        Spacer(1, 8 * mm),
        Paragraph(p(GW["recipient"] + "："), st_to),
    ]
    for kind, marker, text in GW_BODY:
        if kind == "h1":
            story.append(Paragraph("<b>%s</b>" % p(marker + text), st_body))
        else:
            story.append(Paragraph(p(marker + text), st_body))
    story += [
        Spacer(1, 10 * mm),
        KeepTogether([
            Paragraph(p(GW["issuer"]), st_right),
            Paragraph(p(GW["date_line"]), ParagraphStyle(
                "date", parent=st_right, rightIndent=16)),
        ]),
        Spacer(1, 4 * mm),
        Paragraph(p("（此件公开发布）"), st_body),
        Spacer(1, 6 * mm),
        KeepTogether([
            HRFlowable(width="100%", thickness=1, color=colors.black, spaceAfter=4),
            Paragraph(p("抄送：" + GW_COPY_TO), st_small),
            HRFlowable(width="100%", thickness=0.5, color=colors.black,
                       spaceBefore=4, spaceAfter=4),
            Paragraph(p(GW_PRINTED_BY) + "&nbsp;" * 14 + p(GW_PRINTED_LINE),
                      st_small),
            HRFlowable(width="100%", thickness=1, color=colors.black, spaceBefore=4),
        ]),
    ]

    pages = []

    def footer(canvas, doc):
        canvas.saveState()
        draw_page_number(canvas, 18 * mm, 14, doc.page)
        canvas.restoreState()
        pages.append(doc.page)

    # GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=28 * mm,
                            rightMargin=26 * mm, topMargin=37 * mm,
                            bottomMargin=35 * mm, title=GW["title"], author="",
                            creator="", subject="", lang="zh-CN", initialFontName=FONT_NAME)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)

    headings = []
    for kind, marker, text in GW_BODY:
        if kind in ("h1", "h2"):
            headings.append({"level": int(kind[1]), "marker": marker,
                             "title": text})
        elif kind == "h3":
            headings.append({"level": 3, "marker": marker,
                             "title": text.split("。", 1)[0], "run_in": True})
    expected = {
        "file": "gongwen.pdf",
        "source": "sentences of data/yixing-2024.txt (figures as stated there; "
                  "二、 gathers sentences of its parts 五 and 七); "
                  "the parts 三、 and 四、 and the document furniture are written "
                  "for this fixture",
        "place": GW["place"],
        "issuer": GW["issuer"],
        "doc_number": GW["doc_number"],
        "recipient": GW["recipient"],
        "year": GW["year"],
        "published": GW["published"],
        "printed": "2025-03-21",
        "dates_note": "published is the date under the signature; the 版记 "
                      "line's 印发 date (printed) is a day later",
        "title": GW["title"],
        "pages": max(pages),
        "page_numbers": ["- %d -" % n for n in range(1, max(pages) + 1)],
        "title_lines": GW_TITLE_LINES,
        "issuer_mark": GW["issuer_mark"],
        "copy_to": GW_COPY_TO,
        "printed_by": GW_PRINTED_BY,
        "headings": headings,
        "closing": {"signature": GW["issuer"], "date": GW["date_line"],
                    "note": "（此件公开发布）"},
    }
    text = "".join(str(v) for v in GW.values()) + GW_COPY_TO + GW_PRINTED_BY
    text += GW_PRINTED_LINE
    text += "".join(m + t for _, m, t in GW_BODY)
    return expected, text


# ---------------------------------------------------------------- styled.docx

ST_TITLE = "绵阳市人民政府2024年度法治政府建设工作情况"

# (kind, text): h1/h2/h3 headings (numbered by Word), p body, table.
ST_BODY = [
    ("p", "2024年，市政府坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，认真按照省委、省政府和市委部署要求，自觉接受人大法定监督，高标准推进法治政府建设各项工作，为全市经济社会高质量发展营造良好法治环境。"),
    ("h1", "强化思想引领，切实履行推进法治政府建设工作职责"),
    ("p", "深入学习贯彻习近平法治思想，市政府党组理论学习中心组专题学习《习近平法治思想学习纲要》《领导干部应知应会党内法规和国家法律汇编》。主要领导认真履行推进法治政府建设第一责任人职责，常态化开展市政府常务会议会前学法，各级党政主要负责人年度述法工作实现全覆盖。"),
    ("h1", "2024年法治政府建设主要举措和成效"),
    ("h2", "强化数字赋能，持续推进政府职能转变"),
    ("h3", "提速智慧城市建设"),
    ("p", "深入推进“无证明城市”建设，建成“无证明城市”平台系统及电子证照等6大基础库、专题库，已实现个人房屋信息查询记录等41项证明开具，在公积金、不动产领域调用3500余次。"),
    ("h3", "提升行政效能"),
    ("p", "推进“两集中、一上网”改革，在全省率先开展“政务外网+5G”试点，1500余项政务服务事项实现网上可查。清理公布市县两级行政许可事项清单，市本级审批时限平均提速88%。"),
    ("h2", "注重法治引领，优化法治化营商环境"),
    ("p", "开展涉企案件超标查控财产清理专项整治，解除限制消费措施8229人次。推动县（市、区）建立9家“民营企业涉诉纠纷调解站”，调解涉民营企业纠纷323件。废止、修改妨碍公平竞争的政策文件14件。"),
    ("h2", "聚焦矛盾纠纷化解，维护社会和谐稳定"),
    ("p", "加强行政复议主渠道建设，深化府院联动，全面推进信访工作法治化。全年主要指标见下表。"),
    ("table", [("指标", "2024年"),
               ("新收行政复议案件", "1472件"),
               ("行政复议案件同比增长", "146.57%"),
               ("行政机关负责人出庭应诉率", "100%"),
               ("市政府行政复议案件被纠错率", "0"),
               ("办理人大代表建议", "195件"),
               ("办理政协提案", "329件"),
               ("办理法律援助案件", "5250件")]),
    ("p", "全市刑事、治安警情实现“五连降”，信访总量下降31.4%。"),
    ("h1", "存在的不足和原因及2025年的主要安排"),
    ("p", "2024年，全市法治政府建设工作取得积极成效，但仍存在一些需要着力解决的问题，如依法决策尚需加强，行政执法尤其是涉企行政执法检查需进一步规范等，主要原因是部分部门（单位）工作人员法治意识不够强，法治素养有待提高。"),
    ("p", "下一步，市政府将坚定践行习近平法治思想，强化法治政府建设统筹协调，压紧压实法治政府建设主体责任，纵深推进法治政府建设。"),
]

CN_DIGITS = "一二三四五六七八九十"

NUMBERING_LEVELS = [
    # (ilvl, numFmt, lvlText, heading style id, indent twips)
    (0, "chineseCounting", "%1、", "Heading1", 0),
    (1, "chineseCounting", "（%2）", "Heading2", 0),
    (2, "decimal", "%3.", "Heading3", 0),
]


def w(tag, **attrs):
    el = OxmlElement("w:" + tag)
    for k, v in attrs.items():
        el.set(qn("w:" + k), str(v))
    return el


def add_heading_numbering(doc):
    """A multilevel list linked to Heading 1-3, as Word writes it: the
    abstractNum's levels name the heading styles and each heading style's
    pPr carries numPr, so the headings' own paragraphs hold no marker."""
    numbering = doc.part.numbering_part.element
    # Fresh ids after those of the template's own lists.
    abstract_id = 1 + max([int(e.get(qn("w:abstractNumId")))
                           for e in numbering.findall(qn("w:abstractNum"))] or [0])
    num_id = 1 + max([int(e.get(qn("w:numId")))
                      for e in numbering.findall(qn("w:num"))] or [0])
    absn = w("abstractNum", abstractNumId=abstract_id)
    absn.append(w("nsid", val="5A3C1B2E"))
    absn.append(w("multiLevelType", val="multilevel"))
    absn.append(w("tmpl", val="0409001F"))
    for ilvl, fmt, text, style_id, ind in NUMBERING_LEVELS:
        lvl = w("lvl", ilvl=ilvl)
        lvl.append(w("start", val=1))
        lvl.append(w("numFmt", val=fmt))
        lvl.append(w("pStyle", val=style_id))
        lvl.append(w("suff", val="nothing"))
        lvl.append(w("lvlText", val=text))
        lvl.append(w("lvlJc", val="left"))
        ppr = w("pPr")
        ppr.append(w("ind", left=ind, firstLine=0))
        lvl.append(ppr)
        absn.append(lvl)
    # abstractNum elements must come before num elements.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    num = w("num", numId=num_id)
    num.append(w("abstractNumId", val=abstract_id))
    numbering.append(num)

    for ilvl, _, _, style_id, _ in NUMBERING_LEVELS:
        style = doc.styles.get_by_id(style_id, 1)  # WD_STYLE_TYPE.PARAGRAPH
        ppr = style.element.get_or_add_pPr()
        numpr = w("numPr")
        if ilvl:
            numpr.append(w("ilvl", val=ilvl))
        numpr.append(w("numId", val=num_id))
        # CT_PPr is a sequence: numPr comes after these, before the rest.
        before = [qn("w:" + t) for t in ("pStyle", "keepNext", "keepLines",
                                          "pageBreakBefore", "framePr",
                                          "widowControl")]
        at = 0
        for i, child in enumerate(ppr):
            if child.tag in before:
                at = i + 1
        ppr.insert(at, numpr)
    return abstract_id, num_id


def styled_docx(out):
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    set_east_asian_font(normal, "仿宋_GB2312")
    for sid in ("Heading1", "Heading2", "Heading3", "Title"):
        style = doc.styles.get_by_id(sid, 1)
        set_east_asian_font(style, "黑体" if sid != "Title" else "方正小标宋简体")
    abstract_id, num_id = add_heading_numbering(doc)

    t = doc.add_paragraph(ST_TITLE, style="Title")
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    counters = [0, 0, 0]
    headings = []
    for kind, content in ST_BODY:
        if kind.startswith("h"):
            level = int(kind[1])
            doc.add_paragraph(content, style="Heading %d" % level)
            counters[level - 1] += 1
            for i in range(level, 3):
                counters[i] = 0
            n = counters[level - 1]
            marker = ("%s、" % CN_DIGITS[n - 1], "（%s）" % CN_DIGITS[n - 1],
                      "%d." % n)[level - 1]
            headings.append({"level": level, "marker": marker, "title": content})
        elif kind == "table":
            table = doc.add_table(rows=0, cols=2)
            table.style = doc.styles["Table Grid"]
            for a, b in content:
                cells = table.add_row().cells
                cells[0].text = a
                cells[1].text = b
        else:
            para = doc.add_paragraph(content)
            para.paragraph_format.first_line_indent = Pt(28)
    fix_core_properties(doc, ST_TITLE)
    doc.save(out)
    normalize_zip(out)

    expected = {
        "file": "styled.docx",
        "source": "sentences of data/mianyang-2024.txt, shortened",
        "place": "绵阳市",
        "issuer": "绵阳市人民政府",
        "year": 2024,
        "title": ST_TITLE,
        "numbering": "the markers come from word/numbering.xml (abstractNum %d, "
                     "num %d: chineseCounting %%1、, chineseCounting （%%2）, "
                     "decimal %%3.), linked to the styles Heading1-3 through "
                     "numPr in word/styles.xml; the heading paragraphs hold "
                     "only pStyle and no marker in their text"
                     % (abstract_id, num_id),
        "headings": headings,
        "table": [list(r) for r in ST_BODY[[k for k, _ in ST_BODY].index("table")][1]],
    }
    text = ST_TITLE + "".join(c if isinstance(c, str) else
                              "".join(a + b for a, b in c) for _, c in ST_BODY)
    return expected, text


# ---------------------------------------------------------------- broken files

RTF_TEXT_GBK = "宜兴市2024年法治政府建设情况报告"
RTF_TEXT_U = "全年市政府共办理行政复议案件256件。"


def rtf_bytes():
    parts = []
    for ch in RTF_TEXT_GBK:
        bs = ch.encode("gbk")
        parts.append(ch if len(bs) == 1 else "".join("\\'%02x" % b for b in bs))
    title = "".join(parts)
    body = "".join(ch if ord(ch) < 128 else
                   "\\u%d?" % (ord(ch) if ord(ch) < 32768 else ord(ch) - 65536)
                   for ch in RTF_TEXT_U)
    rtf = ("{\\rtf1\\ansi\\ansicpg936\\deff0\\uc1"
           "{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}\n"
           "\\pard\\qc\\f0\\fs32 " + title + "\\par\n"
           "\\pard\\fi640\\fs28 " + body + "\\par\n}\n")
    return rtf.encode("ascii")


def small_pdf(out, lines, password=None):
    style = ParagraphStyle("b", fontName=FONT_NAME, fontSize=12, leading=20,
                           wordWrap="CJK", firstLineIndent=24)
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=25 * mm,
                            rightMargin=25 * mm, topMargin=25 * mm,
                            bottomMargin=25 * mm, author="", creator="",
                            title="", subject="", initialFontName=FONT_NAME)
    doc.build([Paragraph(p(l), style) for l in lines],
              onFirstPage=lambda c, d: draw_page_number(c, 15 * mm, 10.5, 1))


def scanned_pdf(out, font_path, lines):
    """An A4 page holding only a greyscale picture of text, as a scanner makes."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.lib.utils import ImageReader
    dpi = 100
    wpx, hpx = int(210 / 25.4 * dpi), int(297 / 25.4 * dpi)
    img = Image.new("L", (wpx, hpx), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(font_path, 22, index=0)
    y = 110
    for line in lines:
        draw.text((100, y), line, font=font, fill=30)
        y += 40
    draw.text((wpx // 2 - 20, hpx - 80), "- 1 -", font=font, fill=30)
    img = img.convert("1", dither=Image.Dither.NONE).convert("L")
    c = rl_canvas.Canvas(str(out), pagesize=A4, pageCompression=1,
                          initialFontName=FONT_NAME)
    c.setAuthor("")
    c.setCreator("")
    c.drawImage(ImageReader(img), 0, 0, A4[0], A4[1])
    c.showPage()
    c.save()


def broken_files(font_path, hongze_lines):
    BROKEN.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    try:
        lines = [l for l in hongze_lines if l.startswith("2023年")][:1] or hongze_lines[:3]
        head = ["关于洪泽区2023年度法治政府建设工作的报告"] + lines

        whole = tmp / "whole.pdf"
        small_pdf(whole, head)
        data = whole.read_bytes()
        (BROKEN / "truncated.pdf").write_bytes(data[: len(data) // 2])

        plain = tmp / "plain.pdf"
        small_pdf(plain, head)
        # AES-128 (R4): its key comes from the password and the fixed /ID, so
        # with a static IV reruns give the same bytes (AES-256 keys are random).
        subprocess.run(["qpdf", "--static-id", "--static-aes-iv", "--encrypt",
                        "secret", "owner-secret", "128", "--use-aes=y", "--",
                        str(plain),
                        str(BROKEN / "encrypted.pdf")], check=True)

        scanned_pdf(BROKEN / "scanned.pdf", font_path,
                    ["关于洪泽区2023年度法治政府建设工作的报告", "",
                     "2023年，在市委、市政府的坚强领导下，洪泽区深入学习贯彻",
                     "习近平新时代中国特色社会主义思想和党的二十大精神，深入",
                     "贯彻落实习近平法治思想，现将有关情况报告如下：",
                     "一、政务服务效能全面提升"])

        (BROKEN / "notazip.docx").write_bytes(
            "关于洪泽区2023年度法治政府建设工作的报告\n这是一个改了扩展名的文本文件。\n"
            .encode("utf-8"))

        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in (("readme.txt", "not a Word document\n"),
                               ("data/report.txt", "\n".join(head) + "\n")):
                info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, text.encode("utf-8"))
        (BROKEN / "badzip.docx").write_bytes(buf.getvalue())

        old = BROKEN / "old.doc"
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        made = False
        if soffice:
            src = tmp / "old.docx"
            d = Document()
            for l in ["关于洪泽区2023年度法治政府建设工作的报告",
                      "2023年，洪泽区深入贯彻落实习近平法治思想。"]:
                d.add_paragraph(l)
            d.save(src)
            r = subprocess.run([soffice, "--headless", "-env:UserInstallation=file://%s/lo" % tmp,
                                "--convert-to", "doc:MS Word 97", "--outdir", str(tmp), str(src)],
                               capture_output=True, timeout=300)
            if r.returncode == 0 and (tmp / "old.doc").is_file():
                shutil.copyfile(tmp / "old.doc", old)
                made = True
        if not made:
            old.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)

        (BROKEN / "report.rtf").write_bytes(rtf_bytes())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------- main

def main():
    font, font_path = register_font()
    FORMATS.mkdir(parents=True, exist_ok=True)
    all_text = []
    hongze = None
    for src in sorted(DATA.glob("*.txt")):
        name = src.stem
        text = read_report(src)
        lines = [l for l in text.split("\n") if l.strip()]
        if name == "hongze-2023":
            hongze = lines
        all_text.append(text)
        report_docx(name, lines, FORMATS / (name + ".docx"))
        report_pdf(name, lines, FORMATS / (name + ".pdf"))
        all_text.append(TITLES.get(name, ""))

    gw_expected, gw_text = gongwen_pdf(FORMATS / "gongwen.pdf")
    st_expected, st_text = styled_docx(FORMATS / "styled.docx")
    for fname, exp in (("gongwen.expected.json", gw_expected),
                       ("styled.expected.json", st_expected)):
        (FORMATS / fname).write_text(dump_json(exp), encoding="utf-8")
    all_text += [gw_text, st_text]

    broken_files(font_path, hongze or [])

    missing = missing_glyphs(font, "".join(all_text))
    if missing:
        print("characters the font lacks:",
              " ".join("%s U+%04X" % (c, ord(c)) for c in missing))
    else:
        print("font %s covers every character used" % font_path)
    for d in (FORMATS, BROKEN):
        for f in sorted(d.iterdir()):
            print("%8d  %s" % (f.stat().st_size, f.relative_to(ROOT)))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
