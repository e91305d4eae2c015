// The applications' filters stay linear in the number of values: a long dimension (more than 12 owner units) is
// listed whole on the main list only; a filtered page shows its own value and a link to the rest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerFrom, runCli, temporaryFolder } from '../helpers.js';

const units = 30;

function register(): string {
  const files: Record<string, string> = {};
  for (let i = 1; i <= units; i++) {
    files[`register/units/enhet-${i}.yaml`] = `kind: Unit\nid: enhet-${i}\nname: Enhet ${String(i).padStart(2, '0')}\ntype: department\nmunicipality: amal\n`;
    files[`register/applications/app-${i}.yaml`] = `kind: Application\nid: app-${i}\nname: System ${i}\ntype: general\nmunicipalities: [amal]\n`;
    files[`register/roles/app-${i}-owner.yaml`] = `kind: RoleAssignment\nid: app-${i}-owner\nrole: system-owner\napplication: app-${i}\nholder: { title: Chef, unit: enhet-${i} }\nfrom: 2020-01-01\n`;
  }
  return registerFrom('clean', files);
}

/** The values listed under a filter group's heading on a page. */
function group(html: string, heading: string): { values: string[]; more?: string } {
  const at = html.indexOf(`<h3>${heading}</h3>`);
  const block = html.slice(at, html.indexOf('</div>', at));
  const values = [...block.matchAll(/<li><a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
  const more = /<p><a [^>]*>([^<]*)<\/a><\/p>/.exec(block)?.[1];
  return { values, ...(more !== undefined ? { more } : {}) };
}

describe('the filters of a site with 30 owner units', () => {
  const folder = register();
  const output = join(temporaryFolder(), 'site');
  const result = runCli(['site', '--output', output, '--date', '2026-06-01', '--lang', 'en'], folder);

  it('lists every owner unit on the main list', () => {
    expect(result.status, result.stderr).toBe(0);
    const owners = group(readFileSync(join(output, 'applications.html'), 'utf8'), 'System owner&#x27;s unit');
    expect(owners.values.filter((v) => v.startsWith('Enhet'))).toHaveLength(units);
    expect(owners.more).toBeUndefined();
  });

  it('on a filtered page lists its own value and links to the rest, while short dimensions stay whole', () => {
    const page = readFileSync(join(output, 'applications/owner-enhet-7.html'), 'utf8');
    expect(group(page, 'System owner&#x27;s unit')).toEqual({ values: ['Enhet 07'], more: `All (${units + 1})` });
    expect(page).toContain('System 7');
    expect(page).not.toContain('System 8<');
    const other = readFileSync(join(output, 'applications/type-general.html'), 'utf8');
    expect(group(other, 'System owner&#x27;s unit')).toEqual({ values: [], more: `All (${units + 1})` });
    expect(group(other, 'Type').values.length).toBeGreaterThan(0);
  });
});
