/**
 * A problem in an input file, located by file, row and field. Messages never quote cell values: they may be
 * student data, and errors end up in terminals and logs.
 */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly where: { row?: number; line?: number; field?: string; record?: string } = {},
  ) {
    super(formatLocation(file, where) + problem);
    this.name = 'ImportError';
  }
}

function formatLocation(file: string, where: ImportError['where']): string {
  const parts = [file];
  if (where.record) parts.push(where.record);
  if (where.row !== undefined) parts.push(`row ${where.row}${where.line !== undefined ? ` (line ${where.line})` : ''}`);
  else if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.field) parts.push(`field "${where.field}"`);
  return `${parts.join(', ')}: `;
}

/** Called every `PROGRESS_EVERY` rows while a large file is read. */
export type Progress = (rowsRead: number) => void;
export const PROGRESS_EVERY = 10_000;
