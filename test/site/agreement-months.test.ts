// The site's agreement page counts months in the plural they take ("1 månad", "2 månader"), as the rule messages do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerFrom, runCli } from '../helpers.js';

const agreement = (id: string, terms: string) => `kind: Agreement\nid: ${id}\nname: Support ${id}\ntype: support\napplication: diarium\nstart: 2020-01-01\nend: 2026-07-31\n${terms}\n`;

describe('itreg site: months on an agreement page', () => {
  const folder = registerFrom('clean', {
    'register/agreements/diarium-support.yaml': agreement('diarium-support', 'renewal: { months: 1 }\noptions: [{ months: 2 }]'),
    'register/agreements/diarium-licens.yaml': agreement('diarium-licens', 'renewal: { months: 2 }\noptions: [{ months: 1 }]').replace('type: support', 'type: licence'),
  });

  it.each([
    ['sv', 'diarium-support', ['1 månad →', '2 månader →']],
    ['sv', 'diarium-licens', ['2 månader →', '1 månad →']],
    ['en', 'diarium-support', ['1 month →', '2 months →']],
    ['en', 'diarium-licens', ['2 months →', '1 month →']],
  ] as const)('%s: %s', (language, id, [renews, option]) => {
    const output = `site-${language}`;
    if (id === 'diarium-support') {
      const result = runCli(['site', '--output', output, '--date', '2026-06-01', '--lang', language], folder);
      expect(result.status).toBe(0);
    }
    const text = readFileSync(join(folder, output, 'agreement', `${id}.html`), 'utf8')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(text).toMatch(new RegExp(`(Förlängs automatiskt|Renews tacitly|Renews) ${renews}`));
    expect(text).toContain(`${option} `);
    expect(text).not.toMatch(/\b1 (månader|months)\b/);
  });
});
