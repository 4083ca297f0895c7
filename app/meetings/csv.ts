/**
 * CSV for spreadsheets. People type their own names and needs, so a cell may begin like a formula
 * ("=HYPERLINK(...)"): such cells get a leading apostrophe, which spreadsheets show as text (OWASP's
 * advice on CSV injection). Every cell is quoted; the byte order mark makes Excel read UTF-8.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '""';
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
