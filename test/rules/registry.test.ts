// The rule registry: every rule file is registered under its file name, documented in both languages, with messages in both.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { sv } from '../../src/i18n/sv.js';
import { rules } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/define-rule.js';
import { policySeedFile, projectRoot } from '../helpers.js';

const rulesDir = join(projectRoot, 'src/rules');
const notRules = new Set(['index.ts', 'define-rule.ts', 'docs-url.ts', 'law-basis.ts']);
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && !notRules.has(f));
const all = rules as readonly Rule[];

describe('the rule registry', () => {
  it('registers every rule file, once, under its file name', () => {
    expect(all.map((r) => `${r.id}.ts`).sort()).toEqual(ruleFiles.sort());
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });

  it('has a test file for every rule (the integrity rules share one)', () => {
    const tests = readdirSync(join(projectRoot, 'test/rules'));
    const integrity = ['yaml-syntax', 'schema', 'unique-id', 'id-matches-filename', 'reference'];
    const missing = all.filter((r) => !integrity.includes(r.id) && !tests.includes(`${r.id}.test.ts`)).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it.each(all.map((r) => [r.id, r] as const))('%s is documented in Swedish and English', (_id, rule) => {
    for (const text of [rule.docs.description, rule.docs.details]) {
      expect(text.sv.length).toBeGreaterThan(20);
      expect(text.en.length).toBeGreaterThan(20);
      expect(text.sv).not.toBe(text.en);
    }
    expect(['error', 'warning', 'off']).toContain(rule.severity);
  });

  it.each(all.filter((r) => r.docs.policy).map((r) => [r.id, r.docs.policy!.quote] as const))('%s quotes the policy', (_id, quote) => {
    // The seed's text, with its damaged letters (¬ ª º) restored.
    const seed = readFileSync(policySeedFile, 'utf8').replace(/¬/g, 'å').replace(/ª/g, 'ä').replace(/º/g, 'ö').replace(/ï/g, '-');
    const flat = (text: string) =>
      text
        .replace(/\*/g, '')
        .replace(/[¶\s]+/g, ' ')
        .replace(/ -och/g, '- och')
        .trim();
    const words = flat(quote)
      .split(/[:,.]\s*/)
      .filter((part) => part.length > 12);
    for (const part of words) expect(flat(seed).includes(part), `seed lacks "${part}"`).toBe(true);
  });

  it('has every message in both catalogues', () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(sv)) expect(text, key).not.toBe('');
  });
});
