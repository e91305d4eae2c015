// The one CSV writer (export, costs, list, import's examples, site): what Excel on a Swedish Windows opens as meant.
// UTF-8 with a byte-order mark (else Excel reads å, ä, ö as Latin-1); ';' and a decimal comma in Swedish, ',' and a
// decimal point in English; RFC 4180 quoting and CRLF line ends; and text that a spreadsheet would run as a formula
// (=, +, -, @, tab, CR first: OWASP's "CSV injection") prefixed with an apostrophe.
import type { Language } from '../types/language.js';

/** A number is written in the language's decimal style and never prefixed: it cannot carry a formula. */
export type CsvCell = string | number | bigint | boolean | null | undefined;

export const CSV_BOM = '\ufeff';

/** The field separator of a language's CSV: Excel in Swedish expects ';', since ',' is the decimal mark. */
export function csvSeparator(language: Language): ';' | ',' {
  return language === 'sv' ? ';' : ',';
}

const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell, language: Language): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return language === 'sv' ? String(cell).replace('.', ',') : String(cell);
  if (typeof cell === 'bigint' || typeof cell === 'boolean') return String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quote(text: string, separator: string): string {
  return text.includes(separator) || /["\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as a CSV file's text, BOM first. */
export function formatCsv(rows: readonly (readonly CsvCell[])[], language: Language): string {
  const separator = csvSeparator(language);
  return `${CSV_BOM}${rows.map((row) => row.map((cell) => quote(cellText(cell, language), separator)).join(separator)).join('\r\n')}\r\n`;
}
