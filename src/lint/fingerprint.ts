// fingerprints(): what a finding is about, as one stable hash — the one identity that SARIF partialFingerprints,
// GitLab's fingerprint, --changed (which findings the base lacked) and the suppressions file all use.
import { createHash } from 'node:crypto';
import type { Finding } from './run-rules.js';

/**
 * What a finding is about (DESIGN "What a change broke"): its rule id, its entity id (or its file, where there is
 * no entity), its message id and its path in the entity; never its line, so it survives edits above it and the
 * file's move or rename. Findings that agree on all four (two personnummer in one entity) get an ordinal in the
 * order they are listed (by file and line), so each still has its own fingerprint.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = [f.ruleId, f.entityId === undefined ? `file:${f.file}` : `entity:${f.entityId}`, f.messageId ?? f.message, JSON.stringify(f.path ?? [])].join('\u0000');
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    return createHash('sha256').update(`${key}\u0000${ordinal}`).digest('hex').slice(0, 32);
  });
}
