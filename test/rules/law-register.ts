// Shared by the tests of format 1.2's rules for the law: the clean fixture's application, changed one field at a time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findings, registerFrom } from '../helpers.js';
import type { Finding } from '../../src/lint/run-rules.js';

export const diariumFile = 'register/applications/diarium.yaml';
/** The clean fixture's application without its classification (its last line): 14 lines, `personalData: none` on 14. */
export const diarium = readFileSync(join(__dirname, '../fixtures/clean', diariumFile), 'utf8').replace(/^classification:.*\n/m, '');

/** The clean register with the application's last lines replaced by `extra` (and `personalData` by `personalData`). */
export function withApp(extra: string, personalData = 'none'): Record<string, string> {
  return { [diariumFile]: diarium.replace(/^personalData: .*$/m, `personalData: ${personalData}`) + extra };
}

/** A processing activity in processing/ with every required field but those given. */
export function processing(id: string, fields: string): Record<string, string> {
  return {
    [`register/processing/${id}.yaml`]: `kind: Processing\nid: ${id}\nname: Diarieföring\ncontroller: kansli-amal\npurpose: Registrera allmänna handlingar\nlegalBasis: [legal-obligation]\ndataSubjects: [Medborgare]\ndataCategories: [Kontaktuppgifter]\nretention: Enligt dokumenthanteringsplanen\n${fields}`,
  };
}

/** A processor agreement for the application, with the given fields after its start. */
export function processorAgreement(fields: string): Record<string, string> {
  return {
    'register/agreements/diarium-pub.yaml': `kind: Agreement\nid: diarium-pub\nname: PUB-avtal Dokumentor\ntype: data-processing\napplication: diarium\nparties: [kansli-amal, Ärendesystem Väst AB]\n${fields}`,
  };
}

/** The clean register with `config` after its itreg.yaml's own lines (rules, exceptions). */
export function ruleFolder(config: string, changes: Record<string, string | null> = {}): string {
  return registerFrom('clean', { ...changes, 'itreg.yaml': `${CONFIG}${config}` });
}

const CONFIG = 'name: Testkommunerna\nregister: register\nlanguage: en\ncollaborationLevels: [Erfarenhetsutbyte, Samordnad kompetens]\n';

/** One rule's findings on the clean register changed by `changes`, on 2026-06-01 unless told. */
export function ruleFindings(rule: string, changes: Record<string, string | null>, options: { date?: string; language?: 'sv' | 'en'; config?: string } = {}): Finding[] {
  const folder = options.config === undefined ? registerFrom('clean', changes) : ruleFolder(options.config, changes);
  return findings(folder, rule, { ...(options.date ? { date: options.date } : {}), ...(options.language ? { language: options.language } : {}) });
}
