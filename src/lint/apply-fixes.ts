// writeFixes(): --fix's plans made on disk: each text written whole (atomically), then the file renamed (git mv in a repository).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { moveFile } from '../git/move.js';
import type { Config } from '../register/config.js';
import { schemaLine } from '../register/scaffold.js';
import { refuseOutside, writeFileAtomic } from '../register/write.js';
import { planFixes, type FilePlan } from './fixes.js';
import type { LintOutcome, LintRequest } from './lint-register.js';

/** What became of one file's plan. */
export interface Applied {
  readonly plan: FilePlan;
  /** The rename was refused: a file of that name appeared since the register was read. */
  readonly renameRefused?: boolean;
  /** The file changed on disk since it was read: nothing was written. */
  readonly changedMeanwhile?: boolean;
}

const BYTE_ORDER_MARK = '\uFEFF';

/** Makes the plans (paths relative to `root`, the folder of itreg.yaml) on disk, one file after another. */
export async function writeFixes(root: string, plans: readonly FilePlan[]): Promise<Applied[]> {
  const applied: Applied[] = [];
  for (const plan of plans) {
    const file = join(root, plan.path);
    refuseOutside(root, file);
    if (plan.renameTo !== undefined) refuseOutside(root, join(root, plan.renameTo));
    if (plan.after !== plan.before) {
      // The text as read (a byte-order mark is not part of it, and is kept); a file edited since is left alone.
      const now = readFileSync(file, 'utf8');
      const mark = now.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK : '';
      if (now.slice(mark.length) !== plan.before) {
        applied.push({ plan, changedMeanwhile: true });
        continue;
      }
      writeFileAtomic(file, mark + plan.after);
    }
    if (plan.renameTo !== undefined && (await moveFile(file, join(root, plan.renameTo))) === 'taken') {
      applied.push({ plan, renameRefused: true });
      continue;
    }
    applied.push({ plan });
  }
  return applied;
}

/** What --fix or --fix-dry-run did: the plans, and what became of each (a dry run makes them all, on paper). */
export interface FixRun {
  readonly plans: readonly FilePlan[];
  readonly applied: readonly Applied[];
}

/**
 * The fixes of what a lint reported, in the files it was asked about (DESIGN "Fixes"), made on disk unless `dry`. The
 * schema line is the one `itreg new` writes: to the register's own schema/ if it has one, else to itreg's.
 */
export async function fixRegister(config: Config, outcome: LintOutcome, dry: boolean): Promise<FixRun> {
  const plans = planFixes(outcome.loaded, outcome.reported.findings, (kind, path) => schemaLine(config, kind, join(config.root, path)), outcome.inPaths);
  return { plans, applied: dry ? plans.map((plan) => ({ plan })) : await writeFixes(config.root, plans) };
}

/** The texts a lint reads instead of the disk's once the plans are made (--fix-dry-run's exit code), over those it read already. */
export function replacedByFixes(before: LintRequest['replace'], plans: readonly FilePlan[]): NonNullable<LintRequest['replace']> {
  const touched = new Set([...(before?.touched ?? []), ...plans.flatMap((plan) => [plan.path, plan.renameTo ?? plan.path])]);
  const fixed = plans.map((plan) => ({ path: plan.renameTo ?? plan.path, bytes: Buffer.from(plan.after) }));
  const kept = (before?.files ?? []).filter((file) => !plans.some((plan) => plan.path === file.path));
  return { touched, files: [...kept, ...fixed] };
}
