#!/usr/bin/env python3
"""Writes the libFuzzer dictionaries fuzz/dict/NAME.dict: the tokens each parser looks for
(CSV headers in English and Chinese, XLSX XML tags, JSON keys, rule variables and TOML keys).
Run from anywhere: fuzz/make_dicts.py"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def quote(token):
    out = ""
    for byte in token.encode("utf-8"):
        out += chr(byte) if 0x20 <= byte < 0x7F and chr(byte) not in '"\\' else f"\\x{byte:02X}"
    return f'"{out}"'


def write(name, tokens):
    with open(os.path.join(HERE, "dict", name + ".dict"), "w") as out:
        out.write(f"# Tokens for {name} (written by fuzz/make_dicts.py).\n")
        for token in dict.fromkeys(tokens):
            out.write(quote(token) + "\n")


COLUMNS = """uscc name industry region park chains key period output value_added electricity
output_prev value_added_prev electricity_prev in_scope ppi year ratio id category total_investment
chain year_plan_investment planned_start actual_start planned_completion actual_completion
investment members""".split()
CHINESE = """统一社会信用代码 信用代码 企业名称 名称 单位名称 行业代码 行业 区划代码 行政区划代码 园区 所属园区
园区编号 产业链 所属产业链 重点企业 是否重点企业 时期 期别 月份 工业总产值 工业增加值 用电量 工业用电量
上年同期工业总产值 上年同期工业增加值 上年同期用电量 规上 是否规上 出厂价格指数 增加值率 年份 年度 编号
类别 项目编号 总投资 计划总投资 年度计划投资 计划开工日期 实际开工日期 计划竣工日期 实际竣工日期
完成投资 成员 分组编号 是 否 年 月 日 万元 亿元 元 千瓦时 万千瓦时 单位： 合计 说明 ；""".split()
VALUES = ["91410302MA400001XM", "410302", "410306", "3441", "2021-04", "2021年4月", "1,234.5",
          "\"\"", "\r\n", ",\"", "\",", "\ufeff"]
write("csv_reader_fuzzer", COLUMNS + CHINESE + VALUES)

XML = """<workbook <sheets> <sheet name=" sheetId=" r:id=" state="hidden" <Relationships
<Relationship Id=" Target=" Type=" /officeDocument /worksheet /sharedStrings /styles <worksheet
<sheetData> <row r=" <c r=" t="s" t="str" t="inlineStr" t="b" t="e" t="n" s=" <v> </v> <is> <t>
</t> <r> <rPh> <si> <sst <mergeCells <mergeCell ref=" <numFmts <numFmt numFmtId=" formatCode="
<cellXfs <xf <workbookPr date1904="1" <f> xml:space="preserve" &amp; &lt; &#x4E2D; _x000D_
xl/workbook.xml xl/_rels/workbook.xml.rels xl/worksheets/sheet1.xml xl/sharedStrings.xml
xl/styles.xml _rels/.rels""".split()
write("xlsx_reader_fuzzer", XML + ["\x01xl/worksheets/sheet1.xml\n", "\x01xl/sharedStrings.xml\n",
                                   "A1", "XFD1048576", "yyyy-mm-dd"] + CHINESE[:20])

write("json_body_fuzzer", COLUMNS + ["explanations", "password", "decision", "approve", "reject",
                                     "comment", "role", "admin", "city", "county:", "enterprise:",
                                     "zhizao_session=", "null", "true", "1e400", "\\u0000",
                                     "\\ud800", "{", "}", "[", "]", ":", "\"", "2021-04"])

VARIABLES = [p + v for p in ["", "ly_", "pm_", "cum_", "pm_cum_"]
             for v in ["output", "value_added", "electricity"]] + ["year", "month", "in_scope"]
write("rules_fuzzer", VARIABLES + ["[[rule]]", "id = ", "severity = ", "\"hard\"", "\"soft\"",
                                   "field = ", "expression = ", "when_missing = ", "\"skip\"",
                                   "\"fail\"", "\"pass\"", "description_zh = ",
                                   "description_en = ", "version = 1", "&&", "||", "?", ":",
                                   "abs(", "min(", "max(", "sum(", "avg(", "rint(", "sqrt(",
                                   "ln(", "==", "!=", "<=", "^", "1e308", "_pi", "_e"])
