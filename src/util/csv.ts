// CSV as spreadsheets read it (RFC 4180): a field with the separator, a quote or a line break is quoted; CRLF line ends.

function csvCell(value: string): string {
  return /[";,\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLines(rows: readonly (readonly string[])[], separator: string): string {
  return `${rows.map((row) => row.map(csvCell).join(separator)).join('\r\n')}\r\n`;
}
