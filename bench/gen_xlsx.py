#!/usr/bin/env python3
"""Writes a CSV of paper results as an .xlsx workbook the way Excel stores it.
Usage: gen_xlsx.py IN.csv OUT.xlsx [--text-ids]

Every cell that is a plain number is stored as a number (`<c r="F2"><v>1</v></c>`), every other text through the
shared-string table (`t="s"`), blank cells are left out, one sheet. --text-ids stores the first column (the student
IDs) as text even where it looks like a number: one shared string per student, the worst case for the table's
memory. Streams (the sheet never sits in memory) with the standard library only; bench/xlsx.sh feeds it the
output of bench/peers/gen_responses.py."""
import csv, re, sys, zipfile
from xml.sax.saxutils import escape

source, out = sys.argv[1], sys.argv[2]
text_ids = "--text-ids" in sys.argv[3:]
number = re.compile(r"-?(0|[1-9][0-9]{0,14})(\.[0-9]+)?$")

def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name

strings, index = [], {}
def shared(text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
with open(source, newline="") as f, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    rows = csv.reader(f)
    header = next(rows)
    letters = [column_name(i) for i in range(len(header))]
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
        buf = [HEAD + f"<worksheet {NS} {RNS}><sheetData>"]
        for line, row in enumerate([header], start=1):
            buf.append(f'<row r="{line}">' + "".join(f'<c r="{letters[i]}{line}" t="s"><v>{shared(v)}</v></c>' for i, v in enumerate(row)) + "</row>")
        for line, row in enumerate(rows, start=2):
            cells = []
            for i, value in enumerate(row):
                if value == "":
                    continue
                if number.match(value) and not (i == 0 and text_ids):
                    cells.append(f'<c r="{letters[i]}{line}"><v>{value}</v></c>')
                else:
                    cells.append(f'<c r="{letters[i]}{line}" t="s"><v>{shared(value)}</v></c>')
            buf.append(f'<row r="{line}">' + "".join(cells) + "</row>")
            if len(buf) >= 2000:
                sheet.write("".join(buf).encode())
                buf = []
        buf.append("</sheetData></worksheet>")
        sheet.write("".join(buf).encode())
    z.writestr("xl/sharedStrings.xml", HEAD + f'<sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">'
               + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    z.writestr("[Content_Types].xml", HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '</Types>')
    z.writestr("_rels/.rels", HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", HEAD + f'<workbook {NS} {RNS}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
