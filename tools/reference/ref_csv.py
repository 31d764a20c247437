"""The v2 oracles' reading of a contract file: UTF-8 (with or without BOM) else GB18030, canonical
column names through each file's aliases (an English name with its ASCII case ignored, as the
importer reads headers), blank lines skipped, fields stripped; and the contract's three spellings
of a period.  Shared by ref_steering.py, ref_products.py, ref_service.py and ref_safety.py."""

import csv
import io
import os
import re


def _header_name(name):
    """A header cell as the aliases spell it: stripped, an ASCII (English) name in lower case."""
    name = name.strip()
    return name.lower() if name.isascii() else name


def read_rows(directory, file_name, columns):
    """Rows of `file_name` in `directory` as dicts keyed by canonical name ([] when absent);
    `columns` maps each canonical name to its aliases; unknown columns are dropped."""
    path = os.path.join(directory, file_name)
    if not os.path.exists(path):
        return []
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    alias = {}
    for canonical, others in columns.items():
        alias[canonical] = canonical
        for other in others:
            alias[other] = canonical
    reader = csv.reader(io.StringIO(text, newline=""))
    keys = [alias.get(_header_name(name)) for name in next(reader, [])]
    rows = []
    for fields in reader:
        if any(f.strip() for f in fields):
            rows.append({k: v.strip() for k, v in zip(keys, fields) if k is not None})
    return rows


def parse_period(text):
    """`YYYY-MM`, `YYYYMM` or `YYYY年M月` -> (year, month)."""
    text = text.strip()
    for pattern in (r"^(\d{4})-(\d{1,2})$", r"^(\d{4})(\d{2})$", r"^(\d{4})年(\d{1,2})月$"):
        match = re.match(pattern, text)
        if match:
            return int(match.group(1)), int(match.group(2))
    raise ValueError(f"not a period: {text!r}")
