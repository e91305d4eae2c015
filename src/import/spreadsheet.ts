// readSpreadsheet(): the rows of an .xlsx sheet (exceljs) or a .csv file (csv-parse) as plain cell values, numbered as the
// spreadsheet program shows them; writeSpreadsheet(): rows as an .xlsx with a frozen header and filters, or as a CSV.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { importOptional, UsageError } from '../errors.js';
import { suggestNearest } from '../i18n/index.js';
import { writeFileAtomic } from '../register/write.js';
import type { Language } from '../types/language.js';
import { formatCsv } from '../util/csv.js';

/** A cell as the import reads it: text, a number, true/false, or empty. Dates become YYYY-MM-DD text. */
export type Cell = string | number | boolean | undefined;

export interface SheetRow {
  /** The row number the spreadsheet program shows (1 = the first row). */
  readonly row: number;
  readonly cells: readonly Cell[];
  /** Cells that hold no value to import (an error such as #REF!, a formula never calculated), by column (0 = A). */
  readonly unreadable?: ReadonlyArray<{ readonly column: number; readonly value: string }>;
}

export interface Sheet {
  /** The file's name, and for a workbook the sheet's: "systemlista.xlsx (Blad1)". */
  readonly label: string;
  readonly rows: readonly SheetRow[];
  /** For a .csv file: the encoding and separator found. */
  readonly encoding?: TextEncoding;
  readonly separator?: string;
}

/** Windows-1252 at 0x80–0x9F (where it differs from Latin-1): € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** UTF-16 from its byte order mark (Excel's "Unicode text"), the mark dropped; big-endian swapped by hand (no ICU needed). */
function decodeUtf16(bytes: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  const littleEndian = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!littleEndian && !(bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  // A copy (a Buffer's slice is a view): the caller's bytes stay as they are.
  const body = new Uint8Array(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
  if (!littleEndian) for (let i = 0; i + 1 < body.length; i += 2) [body[i], body[i + 1]] = [body[i + 1]!, body[i]!];
  return { text: new TextDecoder('utf-16le').decode(body), encoding: littleEndian ? 'utf-16le' : 'utf-16be' };
}

/**
 * UTF-16 with a byte order mark; UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252, as Excel
 * saves "CSV" in Sweden. Decoded by hand: Node built without full ICU reads 'windows-1252' as Latin-1, turning € and –
 * into control characters.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const utf16 = decodeUtf16(bytes);
  if (utf16) return utf16;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    let text = '';
    for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
    return { text, encoding: 'windows-1252' };
  }
}

/** `;` (Excel in Swedish) or `,`: whichever occurs more often outside quotes on the first line. */
export function detectSeparator(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && character === ';') semicolons += 1;
    else if (!quoted && character === ',') commas += 1;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/** The apostrophe itreg's CSV writer puts before text a spreadsheet would run as a formula ('=…, '-…): read back without it. */
const GUARDED_FORMULA = /^'(?=[=+\-@\t\r])/;

/** The records of a CSV text, numbered from 1 as a spreadsheet program shows them (a quoted line break stays in its cell). */
export function parseCsv(text: string, separator: string): SheetRow[] {
  const records = parse(text, { delimiter: separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  return records.map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => (cell === '' ? undefined : cell.replace(GUARDED_FORMULA, ''))) }));
}

function fail(file: string, detail: string): never {
  throw new UsageError({ id: 'importUnreadable', data: { file, detail } });
}

/**
 * Reads a .csv or .xlsx file; `sheet` picks a worksheet of a workbook (default: the first). `anyOnlySheet`: a workbook
 * of one sheet is read whatever its name (the mapping's sheet name, where a program saving a CSV as .xlsx named the
 * sheet after the file); a sheet asked for by --sheet must be there.
 */
export async function readSpreadsheet(file: string, sheet: string | undefined, anyOnlySheet = false): Promise<Sheet> {
  const extension = extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') throw new UsageError({ id: 'importFileType', data: { file } });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error: unknown) {
    return fail(file, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  if (extension === '.csv') {
    const { text, encoding } = decodeText(bytes);
    const separator = detectSeparator(text);
    let rows: SheetRow[];
    try {
      rows = parseCsv(text, separator);
    } catch (error: unknown) {
      return fail(file, error instanceof Error ? error.message : String(error));
    }
    return { label: basename(file), rows, encoding, separator };
  }
  return readWorkbook(file, bytes, sheet, anyOnlySheet);
}

/**
 * exceljs, the one place it is loaded: only for .xlsx (it is large, and CSV and lint never need it). It is an optional
 * peer dependency: where it is not installed, the command says in one line to add it (`use`: the file that needs it).
 */
export async function loadExcelJs(use: string): Promise<typeof import('exceljs')> {
  const { default: ExcelJS } = await importOptional('exceljs', use, () => import('exceljs'));
  return ExcelJS;
}

async function readWorkbook(file: string, bytes: Uint8Array, sheetName: string | undefined, anyOnlySheet: boolean): Promise<Sheet> {
  const ExcelJS = await loadExcelJs(basename(file));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error: unknown) {
    return fail(file, error instanceof Error ? error.message : String(error));
  }
  const names = workbook.worksheets.map((worksheet) => worksheet.name);
  const named = sheetName === undefined ? undefined : workbook.worksheets.find((w) => w.name.toLowerCase() === sheetName.toLowerCase());
  const worksheet = sheetName === undefined || (named === undefined && anyOnlySheet && workbook.worksheets.length === 1) ? workbook.worksheets[0] : named;
  if (!worksheet) {
    throw new UsageError({ id: 'importNoSheet', data: { file: basename(file), sheet: sheetName ?? '', sheets: names.join(', '), suggestion: suggestNearest(sheetName ?? '', names) } });
  }
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    const unreadable: Array<{ column: number; value: string }> = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = cellValue(cell.value);
      if (typeof value === 'object') unreadable.push({ column: column - 1, value: value.unreadable });
      else cells[column - 1] = value;
    });
    rows.push({ row: rowNumber, cells: Array.from(cells), ...(unreadable.length > 0 ? { unreadable } : {}) });
  });
  return { label: `${basename(file)} (${worksheet.name})`, rows };
}

/**
 * exceljs's cell value as plain text, number or boolean: rich text joined, a formula's saved result, a link's text, a
 * date as YYYY-MM-DD. An error (#REF!) or a formula without a saved result is `{ unreadable }`: the row is refused.
 */
function cellValue(value: unknown): Cell | { unreadable: string } {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return Number.isFinite(value) || typeof value === 'boolean' ? value : { unreadable: String(value) };
  // Excel keeps dates as days; exceljs gives them as UTC midnight.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { unreadable: String(value) } : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as { richText?: Array<{ text?: unknown }>; text?: unknown; result?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(object.richText)) return cellValue(object.richText.map((part) => (typeof part.text === 'string' ? part.text : '')).join(''));
    if (object.error !== undefined) return { unreadable: String(object.error) };
    if (object.formula !== undefined || object.sharedFormula !== undefined) {
      if (object.result === undefined || object.result === null) return { unreadable: `=${String(object.formula ?? object.sharedFormula)}` };
      return cellValue(object.result);
    }
    if ('result' in object) return cellValue(object.result);
    if (object.text !== undefined) return cellValue(object.text);
  }
  return { unreadable: Object.prototype.toString.call(value) };
}

export interface SheetToWrite {
  /** The worksheet's name in an .xlsx. */
  readonly name: string;
  /** The row the headers go on (rows above it stay empty), as the mapping's headerRow. */
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** Headers of columns shown in grey: itreg's own, which a person does not edit. */
  readonly quiet: ReadonlySet<string>;
}

/** The widest cell of a column, in characters, within bounds a screen shows (a long description wraps no column away). */
function columnWidth(header: string, cells: readonly Cell[]): number {
  let widest = header.length;
  for (const cell of cells)
    if (cell !== undefined)
      widest = Math.max(
        widest,
        ...String(cell)
          .split('\n')
          .map((line) => line.length),
      );
  return Math.min(Math.max(widest + 2, 8), 60);
}

/** Writes rows as .xlsx (header bold, frozen under the headers and right of the first column, filters, widths) or .csv. */
export async function writeSpreadsheet(file: string, sheet: SheetToWrite, language: Language): Promise<void> {
  const extension = extname(file).toLowerCase();
  const blank = Array.from({ length: sheet.headerRow - 1 }, (): Cell[] => []);
  if (extension === '.csv') {
    writeFileAtomic(file, formatCsv([...blank, sheet.headers, ...sheet.rows], language));
    return;
  }
  const ExcelJS = await loadExcelJs(basename(file));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'itreg';
  // Printed, the sheet fits the page's width in landscape, the header row on every page.
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: sheet.headerRow }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${sheet.headerRow}:${sheet.headerRow}` },
  });
  for (const row of blank) worksheet.addRow(row);
  const header = worksheet.addRow([...sheet.headers]);
  // The font named, as a bold header in another font than the cells' looks like another table.
  header.font = { name: 'Calibri', size: 11, bold: true };
  for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (cell === undefined ? null : cell)));
  sheet.headers.forEach((text, index) => {
    const column = worksheet.getColumn(index + 1);
    column.width = columnWidth(
      text,
      sheet.rows.map((row) => row[index]),
    );
    if (sheet.quiet.has(text)) column.font = { name: 'Calibri', size: 11, color: { argb: 'FF808080' } };
    if (sheet.rows.some((row) => typeof row[index] === 'string' && row[index].includes('\n'))) column.alignment = { wrapText: true, vertical: 'top' };
  });
  worksheet.autoFilter = { from: { row: sheet.headerRow, column: 1 }, to: { row: sheet.headerRow + sheet.rows.length, column: sheet.headers.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  writeFileAtomic(file, new Uint8Array(buffer));
}
