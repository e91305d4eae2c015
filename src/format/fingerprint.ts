// Stable finding fingerprints: the same problem keeps its fingerprint across commits, whatever line it moves to.
import { createHash } from 'node:crypto';
import type { Finding } from '../lint/run-rules.js';

/** One hash per finding, from what it is about (rule, file, entity, message kind), not where; repeats get an ordinal. */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = [f.ruleId, f.file, f.entityId ?? '', f.messageId ?? f.message, f.refersTo ?? ''].join('\u0000');
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    return createHash('sha256').update(`${key}\u0000${ordinal}`).digest('hex').slice(0, 32);
  });
}
