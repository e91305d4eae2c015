// What --fix and --fix-dry-run say: the diff of every planned change (as git prints one), and a summary in words.
import { translator, type Language } from '../i18n/index.js';
import type { Applied } from '../lint/apply-fixes.js';
import type { FilePlan } from '../lint/fixes.js';
import { unifiedHunks } from '../util/unified-diff.js';

/** The plans as one unified diff with git's headers (renames included), paths relative to itreg.yaml's folder; `git apply` takes it. */
export function formatFixDiff(plans: readonly FilePlan[]): string {
  return plans
    .map((plan) => {
      const to = plan.renameTo ?? plan.path;
      const hunks = unifiedHunks(plan.before, plan.after);
      const rename = plan.renameTo === undefined ? [] : [`similarity index ${hunks ? 90 : 100}%`, `rename from ${plan.path}`, `rename to ${to}`];
      const files = hunks ? [`--- a/${plan.path}`, `+++ b/${to}`] : [];
      return [`diff --git a/${plan.path} b/${to}`, ...rename, ...files].join('\n') + '\n' + hunks;
    })
    .join('');
}

/** One line per file (what was done to it), then the count; `dry` says what would be done. */
export function formatFixSummary(applied: readonly Applied[], language: Language, dry = false): string[] {
  const t = translator(language);
  const lines: string[] = [];
  let fixed = 0;
  for (const { plan, renameRefused, changedMeanwhile } of applied) {
    if (changedMeanwhile) {
      lines.push(t({ id: 'fixChangedMeanwhile', data: { file: plan.path } }));
      continue;
    }
    const done = plan.fixes.filter((fix) => !(renameRefused && fix.renameTo !== undefined));
    if (done.length > 0) {
      fixed += 1;
      const changes = done.map((fix) => t(fix.title)).join('; ');
      lines.push(t({ id: dry ? 'fixWouldFileLine' : 'fixFileLine', data: { file: plan.path, changes } }));
    }
    if (renameRefused && plan.renameTo !== undefined) lines.push(t({ id: 'fixRenameRefused', data: { file: plan.path, name: plan.renameTo } }));
  }
  const count = { count: fixed, of: 'file' } as const;
  lines.push(fixed === 0 ? t({ id: 'fixNothing' }) : t({ id: dry ? 'fixDrySummary' : 'fixSummary', data: { count } }));
  return lines;
}
