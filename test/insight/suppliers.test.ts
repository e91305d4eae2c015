// itreg suppliers on a register built here: who depends on whom, by the highest consequence, concentration first.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { datedSupplierRegister, lawCommandsRegister } from './law-commands-register.js';

interface SuppliersJson {
  concentrations: string[];
  suppliers: Array<{
    id: string;
    highestLevel?: number;
    concentration: boolean;
    serious: number;
    critical: number;
    applications: Array<{
      id: string;
      via: string[];
      municipalities: string[];
      highestLevel?: number;
      critical: boolean;
      personalData?: string;
      processorAgreements: Array<{ id: string; current: boolean }>;
    }>;
    leftOut: Array<{ id: string; name: string; via: string[]; reason: string; on?: string; agreement?: string }>;
  }>;
}

const env = { ITREG_NOW: '2026-06-01T10:00:00Z' };

describe('itreg suppliers', () => {
  const folder = lawCommandsRegister('en');
  const json = (): SuppliersJson => JSON.parse(runCli(['suppliers', '--format', 'json'], folder, env).stdout) as SuppliersJson;

  it('lists each supplier with its dependents, highest consequence first, the concentration at the top', () => {
    const result = json();
    expect(result.concentrations).toEqual(['datahall']);
    expect(result.suppliers.map((s) => s.id)).toEqual(['datahall', 'omsorg', 'lone', 'cloud', 'idle']);
    const datahall = result.suppliers[0]!;
    expect(datahall).toMatchObject({ highestLevel: 4, concentration: true, serious: 3, critical: 2 });
    // As agreement party (journal, ekonomi) and as a sub-processor (lon), critical and highest level first; the retired
    // system that names it is left out.
    expect(datahall.applications.map((a) => [a.id, a.via])).toEqual([
      ['journal', ['party']],
      ['lon', ['sub-processor']],
      ['ekonomi', ['party']],
    ]);
    expect(datahall.applications.find((a) => a.id === 'lon')).toMatchObject({
      municipalities: ['mellerud'],
      highestLevel: 3,
      critical: true,
      personalData: 'personal',
      processorAgreements: [{ id: 'lon-pub', current: true }],
    });
  });

  it("counts a plain vendor name equal to a supplier's name, case and spacing aside", () => {
    const omsorg = json().suppliers.find((s) => s.id === 'omsorg')!;
    expect(omsorg.applications.map((a) => [a.id, a.via])).toEqual([['journal', ['vendor']]]);
    expect(omsorg.concentration).toBe(false);
  });

  it('shows one supplier by id, and names the concentration first in a table, in English and Swedish', () => {
    const one = JSON.parse(runCli(['suppliers', 'lone', '--format', 'json'], folder, env).stdout) as SuppliersJson;
    expect(one.suppliers.map((s) => s.id)).toEqual(['lone']);
    expect(one.suppliers[0]!.applications[0]!.via).toEqual(['vendor', 'party']);

    const en = runCli(['suppliers'], folder, env);
    expect(en.status).toBe(0);
    expect(en.stdout.split('\n')[0]).toBe('Concentration: Nordisk Datahall AB is behind 3 applications that are critical or classified at level 3 or above.');
    expect(en.stdout).toContain('Nordisk Datahall AB (556000-0001, SE) · highest level 4 Very serious');
    expect(en.stdout).toContain('no live application depends on the supplier');

    const sv = runCli(['suppliers', '--lang', 'sv'], folder, env);
    expect(sv.stdout.split('\n')[0]).toBe('Koncentration: Nordisk Datahall AB står bakom 3 applikationer som är samhällsviktiga eller har en klassningsnivå på 3 eller högre.');
    expect(sv.stdout).toContain('högsta nivå 4 Mycket allvarlig');
    expect(sv.stdout).toContain('känsliga');
    expect(sv.stdout).toContain('underbiträde');

    const md = runCli(['suppliers', '--format', 'md', '--lang', 'sv'], folder, env).stdout;
    expect(md).toMatch(/^> \*\*Koncentration: Nordisk Datahall AB/);
    expect(md).toContain('## Nordisk Datahall AB (556000-0001, SE)');
    expect(md).toContain('| Lönesystem | underbiträde | Melleruds kommun | 3 Allvarlig | ja | personuppgifter | PUB-avtal lön |');
  });

  it('refuses an unknown supplier in one line, exit 2, with the nearest id', () => {
    const result = runCli(['suppliers', 'datahal'], folder, env);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('itreg: no supplier "datahal" (did you mean "datahall"?); itreg suppliers lists them\n');
    expect(runCli(['suppliers', 'datahal', '--lang', 'sv'], folder, env).stderr).toBe('itreg: ingen leverantör "datahal" (menade du "datahall"?); itreg suppliers visar dem\n');
  });
});

describe('itreg suppliers on a date: what counts, and what is left out', () => {
  const folder = datedSupplierRegister('en');
  const cloudOn = (...date: string[]) => (JSON.parse(runCli(['suppliers', 'cloud', '--format', 'json', ...date], folder, env).stdout) as SuppliersJson).suppliers[0]!;

  it("counts an agreement's party while the agreement is current by its terms, and lists an ended one apart", () => {
    const cloud = cloudOn(); // today: 2026-06-01
    // lon-moln renews tacitly past its end 2025-12-31 and counts; ekonomi-moln was terminated and ended on it.
    expect(cloud.applications.map((a) => [a.id, a.via])).toEqual([
      ['lon', ['party']],
      ['bibliotek', ['vendor']],
    ]);
    expect(cloud.leftOut).toEqual([
      { id: 'journal', name: 'Socialtjänstens journal', via: ['sub-processor'], reason: 'sub-processor-not-yet', on: '2026-09-01', agreement: 'journal-pub' },
      { id: 'ekonomi', name: 'Ekonomisystem', via: ['party'], reason: 'agreement-ended', on: '2025-12-31', agreement: 'ekonomi-moln' },
    ]);
  });

  it('counts a sub-processor from its since on, and the retired application that names a supplier is listed apart', () => {
    const cloud = cloudOn('--date', '2026-09-01');
    expect(cloud.applications.map((a) => [a.id, a.via])).toEqual([
      ['journal', ['sub-processor']],
      ['lon', ['party']],
      ['bibliotek', ['vendor']],
    ]);
    expect(cloud.leftOut.map((e) => [e.id, e.reason])).toEqual([['ekonomi', 'agreement-ended']]);
    // Before the agreements began, none of them counts; the vendor does.
    const early = cloudOn('--date', '2022-12-31');
    expect(early.applications.map((a) => [a.id, a.via])).toEqual([['bibliotek', ['vendor']]]);
    expect(early.leftOut.map((e) => [e.id, e.reason, e.on])).toEqual([
      ['journal', 'agreement-not-started', '2024-01-01'],
      ['lon', 'agreement-not-started', '2023-01-01'],
      ['ekonomi', 'agreement-not-started', '2023-01-01'],
    ]);
    const datahall = (JSON.parse(runCli(['suppliers', 'datahall', '--format', 'json'], folder, env).stdout) as SuppliersJson).suppliers[0]!;
    expect(datahall.leftOut).toEqual([{ id: 'gammal', name: 'Gammalt system', via: ['vendor'], reason: 'retired' }]);
  });

  it('says under the table and in Markdown what is not counted on the date, in English and Swedish', () => {
    const en = runCli(['suppliers', 'cloud'], folder, env).stdout;
    expect(en).toContain(
      [
        'Not counted as dependencies on 2026-06-01:',
        '  - Socialtjänstens journal (sub-processor): under PUB-avtal journal only from 2026-09-01',
        '  - Ekonomisystem (agreement party): Molntjänst ekonomi ended on 2025-12-31',
      ].join('\n'),
    );
    const sv = runCli(['suppliers', 'cloud', '--lang', 'sv', '--format', 'md'], folder, env).stdout;
    expect(sv).toContain(
      [
        'Räknas inte som beroende den 2026-06-01:',
        '',
        '- Socialtjänstens journal (underbiträde): enligt PUB-avtal journal först från 2026-09-01',
        '- Ekonomisystem (avtalspart): Molntjänst ekonomi upphörde 2025-12-31',
      ].join('\n'),
    );
    expect(runCli(['suppliers', 'datahall', '--lang', 'sv'], folder, env).stdout).toContain('  - Gammalt system (leverantör): applikationen är avvecklad\n');
  });
});
