// itreg import's report: a line per refused, skipped, changed or conflicting row (by row number), then the summary.
import type { Language, Translate } from '../i18n/index.js';
import type { ImportResult, ReportLine } from '../import/run.js';
import type { ChangeLine } from '../import/update.js';
import { visible } from '../util/visible.js';

/** 'rad|rader' → the form for `count`, by the language's plural rules. */
function plural(forms: string, count: number, language: Language): string {
  const [one = forms, other = one] = forms.split('|');
  return new Intl.PluralRules(language).select(count) === 'one' ? one : other;
}

/** A value as the change report shows it: text as it is, a list as [a, b], absent as "(none)". */
function shownValue(value: unknown, t: Translate): string {
  if (value === undefined || value === null) return t({ id: 'importAbsent' });
  if (typeof value === 'string') return visible(value);
  if (Array.isArray(value)) return `[${value.map((item) => shownValue(item, t)).join(', ')}]`;
  return visible(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

function changeText(change: ChangeLine, t: Translate): string {
  if ('message' in change) return `${change.subject}: ${t(change.message)}`;
  return `${change.subject}: ${change.field}: ${shownValue(change.old, t)} → ${shownValue(change.new, t)}`;
}

function lineText(line: ReportLine, t: Translate): { word: string; text: string } {
  switch (line.status) {
    case 'fail': {
      const { problem } = line;
      const where = problem.column === undefined ? problem.field : `${problem.column} → ${problem.field}`;
      return { word: t({ id: 'importFailedWord' }), text: `${where}: ${t(problem.message)}` };
    }
    case 'skip':
      return { word: t({ id: 'importSkippedWord' }), text: t(line.reason) };
    case 'change':
      return { word: t({ id: 'importChangedWord' }), text: changeText(line.change, t) };
    case 'conflict':
      return { word: t({ id: 'importConflictWord' }), text: t({ id: 'importConflict', data: { id: line.id, file: line.file } }) };
    case 'new':
      return { word: t({ id: 'importNewWord' }), text: `${line.id} (${line.file})` };
  }
}

/** The report's lines, as printed (no trailing newline on the last). */
export function formatImportReport(result: ImportResult, t: Translate, language: Language): string[] {
  const { sheet, counts, dryRun } = result;
  const out: string[] = [];
  if (result.completed > 0) out.push(t({ id: 'importCompleted', data: { files: result.completed } }));
  if (sheet.encoding === 'windows-1252') out.push(t({ id: 'importReencoded', data: { file: sheet.label } }));
  const rowWord = t({ id: 'importRowWord' });
  const placeWidth = rowWord.length + 1 + String(sheet.rows.at(-1)?.row ?? 0).length;
  const texts = result.lines.map((line) => ({ row: line.row, ...lineText(line, t) }));
  // "error" and "skipped" always set the column's width (as before --update); the update's words only when used.
  const base = [t({ id: 'importFailedWord' }), t({ id: 'importSkippedWord' })];
  const wordWidth = Math.max(...base.map((word) => word.length), ...texts.map((line) => line.word.length));
  if (texts.length > 0) out.push([sheet.label, ...texts.map(({ row, word, text }) => `  ${`${rowWord} ${row}`.padEnd(placeWidth)}  ${word.padEnd(wordWidth)}  ${text}`)].join('\n'));
  if (result.madeUnits.length > 0) {
    const units = result.madeUnits.map((unit) => `${unit.id} (${visible(String(unit.data['name']))})`).join(', ');
    out.push(t({ id: dryRun ? 'importUnitsWouldBeMade' : 'importUnitsMade', data: { units } }));
  }
  const fileWord = (count: number) => plural(t({ id: 'importFilePlural' }), count, language);
  if (result.update) {
    const rows = plural(t({ id: dryRun ? 'importRowsWouldChange' : 'importRowsChanged' }), counts.changed, language);
    const conflictWord = plural(t({ id: 'importConflictPlural' }), counts.conflicts, language);
    const unchangedWord = plural(t({ id: 'importUnchangedPlural' }), counts.unchanged, language);
    const newWord = plural(t({ id: 'importNewPlural' }), counts.written, language);
    out.push(
      t({
        id: dryRun ? 'importUpdateSummaryDry' : 'importUpdateSummary',
        data: { ...counts, files: counts.changedFiles, rows, fileWord: fileWord(counts.changedFiles), conflictWord, unchangedWord, newWord },
      }),
    );
  } else {
    const rows = plural(t({ id: dryRun ? 'importRowsWouldImport' : 'importRowsImported' }), counts.written, language);
    out.push(
      t({
        id: dryRun ? 'importSummaryDry' : 'importSummary',
        data: { written: counts.written, rows, files: counts.files, fileWord: fileWord(counts.files), skipped: counts.skipped, failed: counts.failed },
      }),
    );
  }
  return out;
}
