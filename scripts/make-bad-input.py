#!/usr/bin/env python3
"""Writes the bad-input corpus: Tests/AnketaCollectTests/Fixtures/BadInput/.

Small hostile or broken CSV and XLSX files, one per defect of issue 9 plus csv-spectrum- and
sineemore-style CSV edge cases. The expected outcome of each is in manifest.json beside them (kept
by hand: this script only writes the inputs). Deterministic: rerunning it gives the same bytes.

    python3 scripts/make-bad-input.py
"""
import os
import zipfile
import zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "AnketaCollectTests", "Fixtures", "BadInput")
HEADER = "q1,class,comment"
GOOD = "Полностью удовлетворён,5А,Всё хорошо"


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def utf8(text):
    return text.encode("utf-8")


def cp1251(text):
    return text.encode("cp1251")


# --- CSV ---------------------------------------------------------------------------------------
write("nul-in-cell.csv", utf8(f"{HEADER}\n{GOOD}\nСкорее удовлетворён,6Б,до\0после\n"))
write("cp1251-row-in-utf8.csv",
      utf8(f"{HEADER}\n{GOOD}\nСкорее удовлетворён,6Б,Спасибо\n") + cp1251("Не удовлетворён,7В,Мало кружков\n") + utf8(f"{GOOD}\n"))
write("bad-byte-early-utf8.csv",
      utf8(f"{HEADER}\n") + b"\xff" + utf8(",5А,\n") + utf8("".join(f"Скорее удовлетворён,{n}А,Хорошая школа номер {n}\n" for n in range(1, 11))))
write("utf8-cut-mid-letter.csv", utf8(f"{HEADER}\n{GOOD}\nСкорее удовлетворён,6Б,Класс")[:-1])
write("cr-only-semicolon.csv", utf8("q1;class;comment\rПолностью удовлетворён;5А;Да, всё\rСкорее удовлетворён;6Б;Нет\r"))
write("utf16-no-bom.csv", f"{HEADER}\n{GOOD}\n".encode("utf-16-le"))
write("utf16-bom.csv", f"{HEADER}\n{GOOD}\n".encode("utf-16"))
write("empty.csv", b"")
write("only-bom.csv", b"\xef\xbb\xbf")
write("header-only.csv", utf8(f"{HEADER}\n"))
write("no-final-newline.csv", utf8(f"{HEADER}\n{GOOD}\n{GOOD}"))
write("extra-delimiter.csv", utf8(f"{HEADER}\n{GOOD}\nСкорее удовлетворён,6Б,Да,лишнее\n"))
write("unclosed-quote.csv", utf8(f'{HEADER}\n{GOOD}\nСкорее удовлетворён,6Б,"Начало без конца\n{GOOD}\n'))
write("whole-file-cp1251.csv", cp1251("q1;class;comment\r\nПолностью удовлетворён;5А;Всё хорошо, спасибо\r\nНе удовлетворён;7В;Ёлки\r\n"))
write("mixed-line-endings.csv", utf8(f"{HEADER}\r\n{GOOD}\n{GOOD}\r{GOOD}\r\n"))
write("blank-lines-between.csv", utf8(f"\n{HEADER}\n\n{GOOD}\n\n\n{GOOD}\n,,\n"))
write("trailing-spaces-in-answer.csv", utf8(f"{HEADER}\nПолностью удовлетворён   ,5А ,  текст  \n"))
write("formula-cell.csv", utf8(f"{HEADER}\n{GOOD}\nСкорее удовлетворён,6Б,=HYPERLINK(\"http://x\")\n"))
write("too-many-fields.csv", utf8(f"{HEADER}\n" + "," * 17000 + "\n"))
write("wrong-questionnaire.csv", utf8("Ф.И.О.,Дата рождения\nИванов,01.01.2010\n"))
write("bom-semicolon-crlf.csv", b"\xef\xbb\xbf" + utf8(f"q1;class;comment\r\nПолностью удовлетворён;5А;Всё\r\n"))
write("xlsx-renamed.csv", b"PK\x03\x04" + bytes(range(40)))
write("binary-garbage.csv", bytes((i * 7919 + 13) % 251 for i in range(3000)))
# sineemore-style edge cases: quotes, empty fields, quoted line breaks, a lone quote.
write("edge-quoted-quote.csv", utf8(f'{HEADER}\nСкорее удовлетворён,"""5А""","a""b"\n'))
write("edge-empty-fields.csv", utf8(f"{HEADER}\n,,\nСкорее удовлетворён,,\n"))
write("edge-quote-mid-field.csv", utf8(f'{HEADER}\nСкорее удовлетворён,5"А,текст "в" кавычках\n'))
write("edge-cr-in-quotes.csv", utf8(f'{HEADER}\r\nСкорее удовлетворён,5А,"строка1\rстрока2\r\nстрока3"\r\n{GOOD}\r\n'))
write("edge-lone-quote-line.csv", utf8(f'{HEADER}\n"\n{GOOD}\n'))
write("edge-spaces-around-quotes.csv", utf8(f'{HEADER}\nСкорее удовлетворён, "5А" ,"x"\n'))
write("edge-unicode-beyond-bmp.csv", utf8(f"{HEADER}\nСкорее удовлетворён,5А,Отлично 👍🏽 ñ ε 中\n"))
write("edge-tab-delimited.csv", utf8("q1\tclass\tcomment\nСкорее удовлетворён\t5А\t\"a\tb\"\n"))


# --- XLSX --------------------------------------------------------------------------------------
CONTENT_TYPES = b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
WORKBOOK = utf8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                '<sheet name="Ответы" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' \
       b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' \
       b'</Relationships>'
STRINGS = ["q1", "class", "comment", "Полностью удовлетворён", "Скорее удовлетворён", "Всё хорошо"]


def shared_strings(strings, declared=None):
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    count = len(strings) if declared is None else declared
    return utf8(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                f'count="{count}" uniqueCount="{count}">{items}</sst>')


def sheet(rows, prefix=""):
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns{":" + prefix if prefix else ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    body = "".join(f'<{p}row r="{n}">{cells}</{p}row>' for n, cells in rows)
    return utf8(f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {ns}><{p}sheetData>{body}</{p}sheetData></{p}worksheet>')


def s(ref, index):
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER_ROW = (1, s("A1", 0) + s("B1", 1) + s("C1", 2))


def data_rows(count, first=2):
    return [(n, s(f"A{n}", 3 + n % 2) + inline(f"B{n}", f"{n}А") + s(f"C{n}", 5)) for n in range(first, first + count)]


def workbook(name, sheet_xml, strings_xml=None, extra=None, drop=()):
    parts = {"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": WORKBOOK, "xl/_rels/workbook.xml.rels": RELS,
             "xl/worksheets/sheet1.xml": sheet_xml}
    if strings_xml is not None:
        parts["xl/sharedStrings.xml"] = strings_xml
    parts.update(extra or {})
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            if part in drop or data is None:
                continue
            info = zipfile.ZipInfo(part, date_time=(2026, 4, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


GOOD_SHEET = sheet([HEADER_ROW] + data_rows(38))
workbook("ok.xlsx", GOOD_SHEET, shared_strings(STRINGS))
workbook("truncated-sheet.xlsx", GOOD_SHEET[: len(GOOD_SHEET) - 200], shared_strings(STRINGS))
many = [f"ответ {i}" for i in range(720)]
strings_xml = shared_strings(STRINGS + many)
workbook("truncated-shared-strings.xlsx", sheet([HEADER_ROW] + data_rows(5)), strings_xml[: len(strings_xml) // 10])
workbook("shared-strings-short-count.xlsx", sheet([HEADER_ROW] + data_rows(2)), shared_strings(STRINGS, declared=len(STRINGS) + 3))
workbook("shared-index-minus-one.xlsx", sheet([HEADER_ROW, (2, s("A2", -1))]), shared_strings(STRINGS))
workbook("shared-index-too-big.xlsx", sheet([HEADER_ROW, (2, s("A2", 99))]), shared_strings(STRINGS))
workbook("fifteen-letter-ref.xlsx", sheet([HEADER_ROW, (2, inline("ABCDEFGHIJKLMNO2", "x"))]), shared_strings(STRINGS))
workbook("ref-zzzzzzz2.xlsx", sheet([HEADER_ROW, (2, inline("ZZZZZZZ2", "x"))]), shared_strings(STRINGS))
workbook("ref-beyond-xfd.xlsx", sheet([HEADER_ROW, (2, inline("XFE2", "x"))]), shared_strings(STRINGS))
workbook("ref-lowercase.xlsx", sheet([HEADER_ROW, (2, inline("a2", "x"))]), shared_strings(STRINGS))
workbook("whitespace-bomb.xlsx", sheet([HEADER_ROW] + data_rows(2))[:-len("</worksheet>")] + b" " * (3 << 20) + b"</worksheet>",
         shared_strings(STRINGS))
workbook("no-sheet.xlsx", b"", drop=("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"))
workbook("workbook-without-sheets.xlsx", GOOD_SHEET, shared_strings(STRINGS),
         extra={"xl/workbook.xml": utf8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>')})
workbook("prefixed-namespace.xlsx", sheet([HEADER_ROW] + data_rows(3), prefix="x"), shared_strings(STRINGS))
workbook("billion-laughs.xlsx",
         utf8('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
              '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
              '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              '<row r="1"><c r="A1" t="inlineStr"><is><t>comment</t></is></c></row>'
              '<row r="2"><c r="A2" t="inlineStr"><is><t>&h;</t></is></c></row></sheetData></worksheet>'))
workbook("xxe-file.xlsx",
         utf8('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              '<row r="1"><c r="A1" t="inlineStr"><is><t>comment</t></is></c></row>'
              '<row r="2"><c r="A2" t="inlineStr"><is><t>[&x;]</t></is></c></row></sheetData></worksheet>'))
# Found by FuzzXLSX: bytes that are not UTF-8 in an element name made FoundationXML trap (SIGILL).
workbook("not-utf8-element-name.xlsx", sheet([HEADER_ROW] + data_rows(1)),
         shared_strings(STRINGS)[:-len("</sst>")] + b"<\xff\xff\xff/></sst>")
workbook("not-utf8-text.xlsx", sheet([HEADER_ROW] + data_rows(1))[:-len("</sheetData></worksheet>")]
         + b'<row r="3"><c r="A3" t="inlineStr"><is><t>\xd0\xef\xf0</t></is></c></row></sheetData></worksheet>', shared_strings(STRINGS))
write("not-a-zip.xlsx", utf8("это не zip"))
with open(os.path.join(OUT, "ok.xlsx"), "rb") as f:
    whole = f.read()
write("truncated-zip.xlsx", whole[: len(whole) * 2 // 3])
# A flipped byte inside the sheet's compressed data: the CRC no longer matches.
with zipfile.ZipFile(os.path.join(OUT, "ok.xlsx")) as z:
    info = z.getinfo("xl/worksheets/sheet1.xml")
    offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + info.compress_size // 2
corrupt = bytearray(whole)
corrupt[offset] ^= 0x55
write("crc-mismatch.xlsx", bytes(corrupt))
print("written to", os.path.normpath(OUT))
