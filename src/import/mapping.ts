// readImportMapping(): an `itreg import` mapping file, read as YAML and checked against schema/import-mapping.schema.json.
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { ImportMapping } from '../types/entities.generated.js';
import { validateImportMapping } from '../schema/validate.js';
import { locate } from '../register/positions.js';
import { decodeSource } from '../register/source.js';
import { parseKind } from '../register/scaffold.js';

export type { ImportMapping };

/** The mapping in `file` (shown as `shown` in messages); any problem is one line naming the place (exit 2). */
export function readImportMapping(file: string, shown: string): ImportMapping {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error: unknown) {
    throw new UsageError({ id: 'configUnreadable', data: { file: shown, detail: (error as NodeJS.ErrnoException).code ?? String(error) } });
  }
  const source = decodeSource(shown, bytes);
  const syntax = source.syntaxProblems.find((problem) => problem.message.id !== 'emptyFile');
  if (syntax) throw new UsageError({ id: 'importMappingProblem', data: { file: shown, line: syntax.position.line, column: syntax.position.column, detail: syntax.message } });
  if (typeof source.value !== 'object' || source.value === null || Array.isArray(source.value)) throw new UsageError({ id: 'importMappingEmpty', data: { file: shown } });
  // `kind: application` as --kind takes it: the kind's name in any case, or its folder.
  const value = source.value as Record<string, unknown>;
  if (typeof value['kind'] === 'string') {
    try {
      value['kind'] = parseKind(value['kind']);
    } catch {
      // Not a kind at all: the schema's message below names the line and the kinds there are.
    }
  }
  const issue = validateImportMapping(source.value)[0];
  if (issue) {
    const { line, column } = locate(source, issue.path, issue.target);
    throw new UsageError({ id: 'importMappingProblem', data: { file: shown, line, column, detail: issue.message } });
  }
  return source.value as ImportMapping;
}
