#!/usr/bin/env python3
"""Packs the parts of an .xlsx workbook into the input form of xlsx_reader_fuzzer.cc: each part
"NAME\\n" + content, parts separated by the byte 0x01. Parts the reader never opens (theme,
docProps, drawings) are left out to keep seeds small.
Usage: pack_xlsx.py WORKBOOK.xlsx OUT"""
import sys
import zipfile

SKIPPED = ("xl/theme/", "docProps/", "xl/drawings/", "xl/printerSettings/")

with zipfile.ZipFile(sys.argv[1]) as workbook:
    parts = [
        info.filename.encode() + b"\n" + workbook.read(info)
        for info in workbook.infolist()
        if not info.filename.startswith(SKIPPED)
    ]
with open(sys.argv[2], "wb") as out:
    out.write(b"\x01".join(parts))
