#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (fuzz/corpus/NAME/) from tests/data and a few
hand-written inputs. Run from the repository root: fuzz/make_seeds.py [TEMPLATE.xlsx ...]
(the .xlsx files, e.g. from `zhizao template` and `zhizao export --format xlsx`, are packed with
pack_xlsx.py's format). Seeds are named by what they hold; existing files are overwritten."""
import os
import struct
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")
KINDS = ["chains", "parks", "region_groups", "enterprises", "monthly", "deflators", "va_ratios",
         "projects", "project_progress"]
DETECT, UTF8, GB18030, BY_HEADER = 0x00, 0x10, 0x20, 0x0F


def write(target, name, data):
    os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    with open(os.path.join(CORPUS, target, name), "wb") as out:
        out.write(data)


def csv_seeds():
    small = os.path.join(ROOT, "tests", "data", "cli", "small")
    for file in sorted(os.listdir(small)):
        kind = KINDS.index(file[:-4])
        text = open(os.path.join(small, file), "rb").read()
        if len(text) > 1200:  # keep seeds short: the first rows are as good as all of them
            text = b"\n".join(text.split(b"\n")[:12]) + b"\n"
        write("csv_reader_fuzzer", f"{file[:-4]}_utf8", bytes([kind | DETECT]) + text)
        gb = text.decode("utf-8").encode("gb18030")
        write("csv_reader_fuzzer", f"{file[:-4]}_gb18030", bytes([kind | GB18030]) + gb)
    bad = os.path.join(ROOT, "tests", "data", "cli", "bad")
    for file in sorted(os.listdir(bad)):
        kind = KINDS.index(file[:-4])
        write("csv_reader_fuzzer", f"bad_{file[:-4]}",
              bytes([kind | UTF8]) + open(os.path.join(bad, file), "rb").read())
    chinese = ("统一社会信用代码,企业名称,行业代码,区划代码,园区,产业链,是否重点企业\r\n"
               "91410302MA400001XM,\"演示甲轴承有限公司,\"\"一厂\"\"\",3441,410306,P1,C1;C2,是\r\n")
    write("csv_reader_fuzzer", "enterprises_zh_header_gb18030",
          bytes([BY_HEADER]) + chinese.encode("gb18030"))
    write("csv_reader_fuzzer", "enterprises_zh_header_bom",
          bytes([BY_HEADER]) + b"\xef\xbb\xbf" + chinese.encode("utf-8"))
    write("csv_reader_fuzzer", "monthly_zh_header",
          bytes([BY_HEADER]) + "统一社会信用代码,月份,工业总产值,工业增加值,用电量,规上\n"
          "91410302MA400001XM,2021年4月,\"1,234.5\",300,,否\n".encode("utf-8"))
    write("csv_reader_fuzzer", "region_groups",
          bytes([2]) + "id,name,members\nwest,西部,410305;410000；410306\n".encode("utf-8"))
    # Formula injection (issue 19): triggers, guarded cells and apostrophes of the data.
    write("csv_reader_fuzzer", "chains_formula_injection",
          bytes([0 | UTF8]) + "id,name\n=c,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n"
          "'-c,'+cmd|' /C calc'!A0\n''@c,＝1+1\n\"\t=c\",'abc\n".encode("utf-8"))


def xlsx_seeds(workbooks):
    os.makedirs(os.path.join(CORPUS, "xlsx_reader_fuzzer"), exist_ok=True)
    for path in workbooks:
        name = os.path.splitext(os.path.basename(path))[0]
        subprocess.run([sys.executable, os.path.join(ROOT, "fuzz", "pack_xlsx.py"), path,
                        os.path.join(CORPUS, "xlsx_reader_fuzzer", name + "_packed")], check=True)
        if os.path.getsize(path) < 10000:
            write("xlsx_reader_fuzzer", name + "_raw", open(path, "rb").read())


def field_seeds():
    fields = [
        (0, "2021-04"), (0, "202104"), (0, " 2021年4月 "), (0, "2021-13"),
        (1, "2021-02-28"), (1, "2021/2/3"), (1, "2021年2月3日"), (1, "2020-02-29"),
        (2, "1,234.5"), (2 + 8, "-0.5"), (2 + 16, "0"), (2 + 24, "0.35"), (2, "12,3a"),
        (3, b"\x9a\x99\x99\x99\x99\x99\xb9\x3f"), (3, b"\x00\x00\x00\x00\x00\x00\x50\x44"),
        (4, "是"), (4, "2021年"), (4, "P1;P2；P3; "), (4, "project_progress_2021-04.csv"),
        (5, "单位：亿元、万千瓦时"), (5, "工业总产值(亿元)"), (5, "（万kWh）"), (5, "兆瓦时"),
        (6, "91410302MA400001XM"), (6, "91410300MA44XXXX1X"), (6, "410306"), (6, "410302"),
        (6, "3441"), (6, "C13"), (6, "9141030"),
        (7, "$D$17"), (7, "XFD1048576"), (7 + 8 * 14, "yyyy\"年\"m\"月\"d\"日\""),
        (7 + 8, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"), (7, b"\x00\x00\x00\x00\x00\x4c\xe0\x40"),
    ]
    for index, (selector, text) in enumerate(fields):
        raw = text if isinstance(text, bytes) else text.encode("utf-8")
        write("field_parsers_fuzzer", f"seed_{index:02d}", bytes([selector]) + raw)


def json_seeds():
    bodies = [
        (0, '{"uscc":"91410302MA400001XM","period":"2021-04","output":"1234.5",'
            '"value_added":300,"electricity":null,"output_prev":"","in_scope":1,'
            '"explanations":{"va_ratio_range":"新产线投产"}}'),
        (0, '{"uscc":"91410302ma400001xm","period":"2021年4月","output":-1,"in_scope":true}'),
        (0, '{"uscc":"123","period":"2021-13","output":"1e400","explanations":[1]}'),
        (2, '{"name":"李明","password":"correct horse battery staple"}'),
        (2, '{"name":"county","role":"county:410302","password":"pw"}'),
        (2, '{"name":"e","role":"enterprise:91410302MA400001XM","password":"pw"}'),
        (4, '{"decision":"approve","comment":"核实无误"}'),
        (4, '{"decision":"reject","comment":7}'),
        (1, '{"name":"x"}'),
        (0, '[1,2,3]'),
        (6, 'zhizao_session=abc123; other=1; zhizao_session = second '),
    ]
    for index, (selector, body) in enumerate(bodies):
        write("json_body_fuzzer", f"seed_{index:02d}", bytes([selector]) + body.encode("utf-8"))


def rules_seeds():
    write("rules_fuzzer", "default_rules",
          b"\x00" + open(os.path.join(ROOT, "rules", "default_rules.toml"), "rb").read())
    for index, expression in enumerate([
            "output >= 0", "value_added <= output * 1.01", "abs(output / ly_output - 1) < 0.5",
            "pm_cum_output + output == cum_output", "in_scope ? output > 0 : 1",
            "min(output, electricity) >= 0 && month >= 1"]):
        write("rules_fuzzer", f"expression_{index:02d}", bytes([1 + 2 * index]) + expression.encode())


def month_block_seeds():
    # Input: present mask (2 bytes, big-endian), year - 2000, then the blob (store/month_block.h:
    # per month a flag byte and six big-endian doubles).
    def slot(flags, values):
        return bytes([flags]) + b"".join(struct.pack(">d", v) for v in values)
    full = slot(0x7F, [1234.5, 300.25, 12.0, 1100.0, 280.0, 11.5])
    part = slot(0x03, [7.25, 0, 0, 0, 0, 0])
    scope_out = slot(0x05, [10.0, 2.0, 0, 0, 0, 0])
    empty = bytes(49)
    for name, (mask, year, blob) in {
            "one_full_month": (0x0001, 21, full),
            "january_and_march": (0x0005, 21, full + empty + part),
            "whole_year": (0x0FFF, 20, full * 12),
            "out_of_scope_december": (0x0800, 19, empty * 11 + scope_out),
            "bad_mask": (0x0002, 21, full)}.items():
        write("month_block_fuzzer", name, struct.pack(">H", mask) + bytes([year]) + blob)


def bounds_seeds():
    # Bounds on input (issue 19, docs/security.md): inputs just past the tight limits the two
    # fuzzers read with (selector bit 6 of csv_reader_fuzzer; kTight of xlsx_reader_fuzzer).
    write("csv_reader_fuzzer", "tight_long_field",
          bytes([4 | UTF8 | 0x40]) + b"uscc,period,output\n91410302MA400001XM,2021-04,"
          + b"1" * 40 + b"\n")
    write("csv_reader_fuzzer", "tight_open_quote",
          bytes([0 | UTF8 | 0x40]) + b"id,name\nc1,\"" + b"x" * 80 + b"\n")
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    skeleton = [
        b'_rels/.rels\n<Relationships><Relationship Id="rId1" Type="' + rel +
        b'/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        b'xl/workbook.xml\n<workbook ' + ns + b' xmlns:r="' + rel +
        b'"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        b'xl/_rels/workbook.xml.rels\n<Relationships><Relationship Id="rId1" Type="' + rel +
        b'/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ]
    def sheet(body):
        return b"\x01".join(skeleton + [b"xl/worksheets/sheet1.xml\n<worksheet " + ns + b">" +
                                       body + b"</worksheet>"])
    write("xlsx_reader_fuzzer", "bounds_elements_packed",
          sheet(b"<sheetData>" + b"<x/>" * 300 + b"</sheetData>"))
    write("xlsx_reader_fuzzer", "bounds_deep_packed", sheet(b"<a>" * 20 + b"</a>" * 20))
    write("xlsx_reader_fuzzer", "bounds_cells_packed",
          sheet(b"<sheetData>" + b"".join(b'<row r="%d"><c t="inlineStr"><is><t>' % r +
                                          b"x" * (r % 8) + b"</t></is></c><c><v>%d</v></c></row>"
                                          % r for r in range(1, 36)) + b"</sheetData>"))
    write("xlsx_reader_fuzzer", "bounds_doctype_packed",
          sheet(b'<!DOCTYPE w [<!ENTITY a "aaaa">]><sheetData>&a;</sheetData>'))


def streamed_import_seeds():
    # Input: selector (low 6 bits + 1: part size in bytes; 0x40: the file given twice), then a
    # monthly file for the fuzzer's three enterprises (streamed_import_fuzzer.cc).
    header = ("uscc,period,output,value_added,electricity,output_prev,value_added_prev,"
              "electricity_prev,in_scope\n")
    a, b, c = "91410300MA44A0001Q", "91410300MA44A0002U", "91410300MA44A0003Y"
    rows = (f"{b},2021-01,200,60,9,180,,,1\n{a},2020-02,111,,6,95,,,1\n"
            f"{c},2021-02,\"1,234.5\",300,,,,,1\n{a},2020-01,100,30,5,90,,,1\n"
            f"{b},2021-02,210,61,,185,58,,0\n")
    write("streamed_import_fuzzer", "valid_shuffled_parts_of_1", b"\x00" + (header + rows).encode())
    write("streamed_import_fuzzer", "bom_crlf_blank_lines_twice",
          b"\x45" + b"\xef\xbb\xbf" + (header + rows).replace("\n", "\r\n\r\n").encode())
    write("streamed_import_fuzzer", "duplicates_and_errors",
          b"\x07" + (header + rows + f"{b},2021-01,201,60,9,180,,,1\n{c},2021-13,1,1,1,,,,1\n"
                     f"91410300MA44A0004X,2021-01,5,1,1,,,,1\n{a},2020-03,-5,,,,,,1\n").encode())
    write("streamed_import_fuzzer", "chinese_header_quoted_newlines",
          b"\x02" + ("统一社会信用代码,月份,工业总产值,工业增加值,用电量,规上\n"
                     f"\"{a}\",2021年4月,\"1,\n234.5\",300,,否\n{b},2021-04,7,2,1,是\n").encode())


csv_seeds()
bounds_seeds()
xlsx_seeds(sys.argv[1:])
field_seeds()
json_seeds()
rules_seeds()
month_block_seeds()
streamed_import_seeds()
