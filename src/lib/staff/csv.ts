/** One CSV cell: quoted when needed, and a leading = + - @ neutralised so spreadsheets never run it as a formula. */
export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRows(rows: Array<Array<string | number | boolean>>): string {
  // A byte-order mark so spreadsheet programs read the Chinese labels as UTF-8.
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
