// The application lists write their table a few hundred rows at a time (bench/site.mjs: the whole table as one
// string cost the 10,011-file site memory): with 600 applications the table crosses three seams, and must read as
// Handlebars writes a table in one piece, every row whole, in order and indented as the table around it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerFrom, runCli, temporaryFolder } from '../helpers.js';

const count = 600;
const id = (i: number) => `app-${String(i).padStart(3, '0')}`;
const files: Record<string, string> = {};
for (let i = 0; i < count; i++) {
  files[`register/applications/${id(i)}.yaml`] =
    `kind: Application\nid: ${id(i)}\nname: Åtgärd – ${id(i)}\ntype: business\nmunicipalities: [${i % 2 ? 'amal' : 'mellerud'}]\ncollaborationLevel: 1\noperatedBy: it-amal\npersonalData: none\n`;
}

describe('itreg site, an application list of 600 rows', () => {
  it('writes the table whole, in order, indented as one piece', () => {
    const folder = registerFrom('clean', files);
    const output = join(temporaryFolder(), 'site');
    const result = runCli(['site', '--output', output, '--date', '2026-06-01'], folder);
    expect(result.stderr).toContain('→');
    for (const page of ['applications.html', 'applications/municipality-amal.html']) {
      const html = readFileSync(join(output, page), 'utf8');
      const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
      const lines = body.split('\n').slice(1, -1);
      const rows = lines.filter((line) => line.includes('<tr '));
      expect(rows.length).toBe(page === 'applications.html' ? count + 1 : count / 2 + 1);
      // Eight lines a row: <tr>, six cells, </tr>; the rows two spaces in from <tbody>, the cells four.
      expect(lines.length).toBe(rows.length * 8);
      const indent = /^( *)<tbody>/m.exec(html.slice(html.lastIndexOf('\n', html.indexOf('<tbody>'))))![1]!;
      lines.forEach((line, i) => {
        const expected = i % 8 === 0 ? `${indent}  <tr ` : i % 8 === 7 ? `${indent}  </tr>` : `${indent}    <td`;
        expect(line.startsWith(expected), `${page} line ${i}: ${line}`).toBe(true);
      });
      expect(html).toMatch(new RegExp(`\\n${indent}</tbody>\\n`));
      const names = [...body.matchAll(/>Åtgärd – (app-\d{3})</g)].map((m) => m[1]);
      expect(names).toEqual([...names].sort());
      expect(html).not.toContain('\u0000');
    }
  });
});
