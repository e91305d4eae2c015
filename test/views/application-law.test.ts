// itreg show <application>: its processing activities and the suppliers it depends on, the same answer as
// `itreg suppliers` and the record of processing give, on the example register (DESIGN.md "One answer, many views").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot, runCli } from '../helpers.js';

interface ShowJson {
  processings?: Array<{ id: string; name: string; controller: string; state: string }>;
  suppliers?: Array<{ id: string; name: string; via: string[] }>;
}
interface SuppliersJson {
  suppliers: Array<{ id: string; applications: Array<{ id: string; via: string[] }> }>;
}

const output = (args: string[]): string => {
  const result = runCli(args);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};
const applications = ['e-tjanst', 'skolplattform-bengtsfors', 'socialtjanst-journal', 'bibliotek', 'intranat-gammalt'];
describe('show <application> names its processing activities and suppliers', () => {
  it.each(['2026-08-01', '2026-12-08'])('as itreg suppliers counts them on %s, for every example application', (date) => {
    const bySupplier = (JSON.parse(output(['suppliers', '--format', 'json', '--date', date])) as SuppliersJson).suppliers;
    let named = 0;
    for (const id of applications) {
      const shown = JSON.parse(output(['show', id, '--format', 'json', '--date', date])) as ShowJson;
      const expected = bySupplier
        .map((s) => ({ id: s.id, via: s.applications.find((a) => a.id === id)?.via }))
        .filter((s): s is { id: string; via: string[] } => s.via !== undefined && s.via.length > 0);
      expect(
        (shown.suppliers ?? []).map((s) => ({ id: s.id, via: s.via })).sort((a, b) => a.id.localeCompare(b.id)),
        `${id} on ${date}`,
      ).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
      named += expected.length;
    }
    expect(named).toBeGreaterThan(3);
  });

  it('lists each processing activity that names the application, with its controller and whether it runs', () => {
    const shown = JSON.parse(output(['show', 'skolplattform-bengtsfors', '--format', 'json', '--date', '2026-12-08'])) as ShowJson;
    const listing = (shown.processings ?? []).map((p) => p.id);
    expect(listing.length).toBeGreaterThan(0);
    for (const p of shown.processings ?? []) {
      const file = parse(readFileSync(join(projectRoot, 'register/processing', `${p.id}.yaml`), 'utf8')) as { applications: string[]; controller: string; name: string };
      expect(file.applications).toContain('skolplattform-bengtsfors');
      expect(p).toMatchObject({ controller: file.controller, name: file.name, state: 'current' });
    }
  });

  it('a sub-processor counts from its since on: not on 2026-08-01, on 2026-08-15', () => {
    const before = JSON.parse(output(['show', 'skolplattform-bengtsfors', '--format', 'json', '--date', '2026-08-01'])) as ShowJson;
    const after = JSON.parse(output(['show', 'skolplattform-bengtsfors', '--format', 'json', '--date', '2026-08-15'])) as ShowJson;
    expect((before.suppliers ?? []).map((s) => s.id)).not.toContain('videomoten-global');
    expect((after.suppliers ?? []).find((s) => s.id === 'videomoten-global')?.via).toEqual(['sub-processor']);
  });

  it('says them in Swedish and English', () => {
    const sv = runCli(['show', 'e-tjanst', '--date', '2026-12-08']).stdout;
    expect(sv).toContain('Behandlingar av personuppgifter (registerförteckningen)');
    expect(sv).toMatch(/Leverantörer\n {2}Portalbolaget i Väst AB \(leverantör, avtalspart\)/);
    const en = runCli(['show', 'e-tjanst', '--date', '2026-12-08', '--lang', 'en']).stdout;
    expect(en).toContain('Processing activities (the record of processing)');
    expect(en).toMatch(/Suppliers\n {2}Portalbolaget i Väst AB \(vendor, agreement party\)/);
  });
});
