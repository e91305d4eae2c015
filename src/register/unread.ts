// The files whose entities are missing from the model: one that did not parse, or an entity that failed its schema.
// What costs, the reports and the site say they left out.
import type { FileModel } from './load.js';
import type { Message } from '../i18n/index.js';
import { locate } from './positions.js';

export interface UnreadFile {
  readonly path: string;
  /** file:line:column of its first problem */
  readonly location: string;
  /** Its first problem (itreg lint lists them all). */
  readonly reason: Message;
}

export function unreadFiles(model: FileModel): UnreadFile[] {
  const { loaded } = model;
  const files: UnreadFile[] = [];
  for (const file of loaded.files) {
    const problem = file.syntaxProblems[0];
    if (problem) files.push({ path: file.path, location: `${file.path}:${problem.position.line}:${problem.position.column}`, reason: problem.message });
  }
  for (const record of loaded.records) {
    const issue = record.schemaIssues[0];
    if (!issue) continue;
    const { line, column } = locate(record.source, issue.path, issue.target);
    files.push({ path: record.source.path, location: `${record.source.path}:${line}:${column}`, reason: issue.message });
  }
  return files;
}
