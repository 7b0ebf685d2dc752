#!/usr/bin/env python3
"""Writes N rows of synthetic paper results as an .xlsx workbook the way Excel stores them, and the same data as
CSV. Usage: gen_xlsx.py N OUT.xlsx [OUT.csv] [--text-ids] [SEED]

The rows are those of ../shared/bench/gen_responses.py (student_id,school,grade,class,gender,phq9_1..gad7_7, about
0.5% of item cells blank, same seed): numbers as numbers (`<c r="F2"><v>1</v></c>`), text through the shared-string
table (`t="s"`), blank cells left out, as Excel writes them. --text-ids stores the student IDs as text (one shared
string each, the worst case for the table's memory). Written with the standard library only, streaming (the
sheet never sits in memory)."""
import random, sys, zipfile
from xml.sax.saxutils import escape

args = [a for a in sys.argv[1:] if not a.startswith("--")]
text_ids = "--text-ids" in sys.argv
n, out = int(args[0]), args[1]
csv_out = args[2] if len(args) > 2 and not args[2].isdigit() else None
seed = int(args[-1]) if args[-1].isdigit() and len(args) > 2 else 7
rng = random.Random(seed)
weights = [0.55, 0.27, 0.12, 0.06]
cells = [str(v) for v in range(4)]
header = ["student_id", "school", "grade", "class", "gender"] + [f"phq9_{i}" for i in range(1, 10)] + [f"gad7_{i}" for i in range(1, 8)]
letters = [chr(65 + i) for i in range(26)][: len(header)]

strings, index = [], {}
def shared(text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    csv = open(csv_out, "w", newline="") if csv_out else None
    if csv:
        csv.write(",".join(header) + "\n")
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
        buf = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS} {RNS}><dimension ref="A1:{letters[-1]}{n + 1}"/><sheetData>']
        buf.append('<row r="1" spans="1:%d">' % len(header) + "".join(f'<c r="{letters[i]}1" t="s"><v>{shared(h)}</v></c>' for i, h in enumerate(header)) + "</row>")
        for r in range(n):
            items = rng.choices(cells, weights, k=16)
            for k in range(16):
                if rng.random() < 0.005:
                    items[k] = ""
            school = f"S{r % 7 + 1:02d}"
            row = [str(20260000000 + r), school, str(2024 + r % 3), f"{school}-{r % 3 + 1}-{r % 11 + 1:02d}", "MF"[r % 2]] + items
            if csv:
                csv.write(",".join(row) + "\n")
            line = r + 2
            out_cells = []
            for i, value in enumerate(row):
                if value == "":
                    continue
                if i in (1, 3, 4) or (i == 0 and text_ids):
                    out_cells.append(f'<c r="{letters[i]}{line}" t="s"><v>{shared(value)}</v></c>')
                else:
                    out_cells.append(f'<c r="{letters[i]}{line}"><v>{value}</v></c>')
            buf.append(f'<row r="{line}" spans="1:{len(header)}">' + "".join(out_cells) + "</row>")
            if len(buf) >= 2000:
                sheet.write("".join(buf).encode())
                buf = []
        buf.append("</sheetData></worksheet>")
        sheet.write("".join(buf).encode())
    if csv:
        csv.close()
    sst = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">']
    sst += [f"<si><t>{escape(s)}</t></si>" for s in strings]
    sst.append("</sst>")
    z.writestr("xl/sharedStrings.xml", "".join(sst))
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '</Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
    z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS} {RNS}>'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>')
