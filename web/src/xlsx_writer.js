// A one-sheet .xlsx workbook (Office Open XML, ECMA-376 Part 1: SpreadsheetML in an OPC package)
// of a table read by table_export.js: a bold, frozen header row, text as inline strings (never
// evaluated: no formula can be injected), figures as numbers with the number format they were
// shown in (0.0, #,##0.0, …). fflate zips the parts.
import { strToU8, zipSync } from 'fflate';

const xmlHeader = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** `text` escaped for XML, without the characters XML 1.0 cannot hold (C0 controls but tab, LF, CR). */
function xml(text) {
  return String(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The width of `text` in Excel's character units: a CJK or full-width character counts two. */
function displayWidth(text) {
  let width = 0;
  for (const c of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1;
  return width;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not empty. */
function sheetName(name) {
  return [...name.replace(/[[\]:*?/\\]/g, ' ').trim()].slice(0, 31).join('') || 'Sheet1';
}

/** The number format of a figure as shown: its decimals, with thousands separators or not. */
const formatCode = ({ decimals, grouped }) => `${grouped ? '#,##0' : '0'}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;

/**
 * The bytes (Uint8Array) of a workbook with one sheet named after `name` holding `table`
 * ({headers, rows} of table_export.js readTable).
 */
export function xlsxWorkbook(table, name) {
  // Styles: 0 default, 1 the header, then one per number format used (custom ids from 164).
  const formats = [];
  const styleOf = (figure) => {
    const code = formatCode(figure);
    let index = formats.indexOf(code);
    if (index < 0) index = formats.push(code) - 1;
    return index + 2;
  };
  const widths = table.headers.map((h) => displayWidth(h));
  const cell = (ref, content, header = false) => {
    if (content.figure) return `<c r="${ref}" s="${styleOf(content.figure)}"><v>${content.figure.number}</v></c>`;
    if (content.text === '') return '';
    return `<c r="${ref}" t="inlineStr"${header ? ' s="1"' : ''}><is><t xml:space="preserve">${xml(content.text)}</t></is></c>`;
  };
  const rows = [table.headers.map((text) => ({ text })), ...table.rows].map((row, r) => {
    const cells = row
      .map((content, c) => {
        const shown = content.figure ? content.figure.literal : content.text;
        widths[c] = Math.max(widths[c] ?? 0, displayWidth(shown ?? ''));
        return cell(`${columnName(c)}${r + 1}`, content, r === 0);
      })
      .join('');
    return `<row r="${r + 1}">${cells}</row>`;
  });
  const cols = widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${Math.min(60, w + 2)}" customWidth="1"/>`).join('');
  const sheet =
    `${xmlHeader}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows.join('')}</sheetData></worksheet>`;
  const styles =
    `${xmlHeader}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    (formats.length ? `<numFmts count="${formats.length}">${formats.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xml(code)}"/>`).join('')}</numFmts>` : '') +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${formats.length + 2}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('') +
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  const files = {
    '[Content_Types].xml':
      `${xmlHeader}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
    '_rels/.rels':
      `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
    'xl/workbook.xml':
      `${xmlHeader}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<sheets><sheet name="${xml(sheetName(name))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '</Relationships>',
    'xl/worksheets/sheet1.xml': sheet,
    'xl/styles.xml': styles,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])), { level: 6 });
}
