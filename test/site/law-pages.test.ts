// itreg site's pages for the law of 2026 on a register built in the test: a page per processing activity with every
// art. 30.1 element of its file, the record per controller in the report's order, a page per supplier saying what
// `itreg suppliers --format json` says of it, the application pages' links, in Swedish and English; --redact keeps
// them whole but for the names of people.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { leftOutDetail, supplierLabels } from '../../src/format/suppliers.js';
import { terms } from '../../src/i18n/terms.js';
import { processingLabels } from '../../src/report/processing-labels.js';
import type { SupplierView } from '../../src/views/supplier.js';
import { runCli, writeFiles } from '../helpers.js';
import { lawCommandsRegister, type ProcessingFile } from '../insight/law-commands-register.js';

const DATE = '2026-06-01';
const OWNER_NAME = 'Anna Andersson'; // the journal's system owner, in law-commands-register.ts
const CONTACT_PERSON = 'Karin Kontaktsson';
const UNIT_CONTACT = 'socialforvaltningen@amal.se, 0532-170 00';
const UNIT_DPO = 'Dataskyddsombudet, Åmåls kommun, dataskyddsombud@amal.se';

/** Text as Handlebars writes it into HTML. */
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/=/g, '&#x3D;');
const yamlOf = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const filesOf = (folder: string, kind: string) => readdirSync(join(folder, 'register', kind)).map((f) => yamlOf(join(folder, 'register', kind, f)));
const nameIn = (folder: string, kind: string, id: string) => String(yamlOf(join(folder, 'register', kind, `${id}.yaml`))['name']);

/** The rows of the first table with this class: each row's cells, as HTML. */
function tableRows(html: string, className: string): string[][] {
  const start = html.indexOf(`<table class="${className}`);
  expect(start, className).toBeGreaterThan(-1);
  const body = html.slice(html.indexOf('<tbody>', start), html.indexOf('</tbody>', start));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!.trim()));
}
/** The pages an HTML text links to, relative to the site's root (from a page one folder down, or at the root). */
const hrefs = (html: string) => [...html.matchAll(/href="\.\.\/([^"#]+)"/g)].map((m) => m[1]!);
const rootHrefs = (html: string) => [...html.matchAll(/href="([^".#][^"#]*)"/g)].map((m) => m[1]!);

function buildSite(language: 'sv' | 'en', redact = false): { register: string; site: string; stderr: string } {
  const register = lawCommandsRegister(language);
  writeFiles(register, {
    // The ended processing activity under an id of its own (as written there it shares "gammal" with an application).
    'register/processing/gammal.yaml': null,
    'register/processing/gammal-behandling.yaml': readFileSync(join(register, 'register/processing/gammal.yaml'), 'utf8').replace('id: gammal\n', 'id: gammal-behandling\n'),
    // A controller with its contact details and data protection officer (art. 30.1 a); hr-mellerud has neither.
    'register/units/soc-amal.yaml': `kind: Unit\nid: soc-amal\nname: Socialförvaltningen Åmål\ntype: department\nmunicipality: amal\ncontact: ${UNIT_CONTACT}\ndataProtectionOfficer: ${UNIT_DPO}\n`,
    'register/suppliers/datahall.yaml': `kind: Supplier\nid: datahall\nname: Nordisk Datahall AB\norgNumber: 556000-0001\ncountry: SE\ncontact: ${CONTACT_PERSON}\n`,
  });
  const result = runCli(['site', '--output', 'site', '--date', DATE, ...(redact ? ['--redact'] : [])], register);
  expect(result.status, result.stderr).toBe(0);
  return { register, site: join(register, 'site'), stderr: result.stderr };
}

describe.each(['sv', 'en'] as const)('the site of a register with processing activities and suppliers (%s)', (language) => {
  let register = '';
  let site = '';
  beforeAll(() => {
    ({ register, site } = buildSite(language));
  });
  const page = (path: string) => readFileSync(join(site, path), 'utf8');
  const t = processingLabels[language];
  const countries = new Intl.DisplayNames([language === 'sv' ? 'sv-SE' : 'en-GB'], { type: 'region' });

  it('has a page per processing activity with every element of art. 30.1 as its file gives it', () => {
    const processings = filesOf(register, 'processing') as unknown as ProcessingFile[];
    expect(processings.length).toBe(3);
    for (const p of processings) {
      const html = page(`processing/${p.id}.html`);
      const item = (label: string) => {
        const at = html.indexOf(`<dt>${esc(label)}</dt>`);
        expect(at, `${p.id}: ${label}`).toBeGreaterThan(-1);
        return html.slice(at, html.indexOf('</dd>', at));
      };
      expect(html).toContain(`<h1>${esc(p.name)}</h1>`);
      expect(item(t.a)).toContain(`<a href="../unit/${p.controller}.html">${esc(nameIn(register, 'units', p.controller))}</a>`);
      const unit = yamlOf(join(register, 'register', 'units', `${p.controller}.yaml`));
      for (const [label, field] of [
        [t.contact, 'contact'],
        [t.dataProtectionOfficer, 'dataProtectionOfficer'],
      ] as const) {
        expect(item(label)).toContain(unit[field] ? `<dd>${esc(String(unit[field]))}` : `<span class="gap">${esc(t.notGiven)}</span>`);
      }
      expect(item(t.b)).toContain(esc(p.purpose));
      expect(item(t.legalBasis)).toContain(p.legalBasis.map((b) => esc(t.legalBases[b])).join('; '));
      if (p.article9Basis) expect(item(t.article9)).toContain(esc(p.article9Basis));
      else expect(html).not.toContain(`<dt>${esc(t.article9)}</dt>`);
      for (const subject of p.dataSubjects) expect(item(t.c1)).toContain(`<li>${esc(subject)}</li>`);
      for (const category of p.dataCategories) expect(item(t.c2)).toContain(`<li>${esc(category)}</li>`);
      if (p.recipients?.length) for (const recipient of p.recipients) expect(item(t.d)).toContain(`<li>${esc(recipient)}</li>`);
      else expect(item(t.d)).toContain(t.noneGiven);
      for (const transfer of p.transfers ?? []) {
        const worded = transfer.country === 'NO' ? t.withinEea : transfer.safeguard ? t.safeguards[transfer.safeguard] : t.noSafeguard;
        expect(item(t.e)).toContain(`<li>${esc(`${countries.of(transfer.country)} (${transfer.country})`)}: <span>${esc(worded)}</span></li>`);
      }
      expect(item(t.f)).toContain(esc(p.retention));
      expect(item(t.g)).toContain(p.securityMeasures ? esc(p.securityMeasures) : `<span class="gap">${esc(t.notGiven)}</span>`);
      expect(item(t.dpia)).toContain(esc(p.dpia === undefined ? t.dpiaNotAssessed : p.dpia.done ? t.dpiaDone : t.dpiaNotRequired));
      // Each application linked, with its processor agreements, their parties and sub-processors.
      const processors = tableRows(html, 'processors');
      for (const app of p.applications) {
        const agreements = filesOf(register, 'agreements').filter((a) => a['application'] === app && a['type'] === 'data-processing');
        const rows = processors.filter((row) => row[0]!.includes(`href="../application/${app}.html"`));
        expect(rows.length, `${p.id}: ${app}`).toBe(1);
        if (agreements.length === 0) expect(rows[0]![1]).toContain(t.noAgreement);
        for (const agreement of agreements) {
          expect(rows[0]![1]).toContain(`<a href="../agreement/${String(agreement['id'])}.html">`);
          for (const party of agreement['parties'] as string[]) expect(rows[0]![2]).toMatch(new RegExp(`href="\\.\\./(unit|supplier)/${party}\\.html"`));
        }
      }
    }
    // The payroll's sub-processors: one a supplier (linked), one only a name, in the US under clauses (art. 30.1 e too).
    const lon = page('processing/lonehantering.html');
    expect(lon).toContain('<a href="../supplier/datahall.html">Nordisk Datahall AB</a>');
    expect(lon).toContain(`Backup Corp (${esc(t.subProcessor)}), <span>${esc(t.safeguards.scc)}</span>`);
    expect(lon).toContain(`<span class="gap">${esc(t.noAgreement)}</span>`); // the finance system has none
  });

  it('lists the record per controller in the order of report processing, and what is not ongoing apart', () => {
    const html = page('processing.html');
    const md = runCli(['report', 'processing', '--format', 'md', '--date', DATE, '--lang', language], register).stdout;
    const controllersInReport = [...md.matchAll(new RegExp(`^## ${t.controller}: (.+)$`, 'gm'))].map((m) => m[1]!);
    const sections = [...html.matchAll(/<section class="controller" id="c-([^"]+)"/g)].map((m) => m[1]!);
    expect(controllersInReport.length).toBe(sections.length);
    sections.forEach((id, i) => expect(controllersInReport[i]).toMatch(new RegExp(`^${nameIn(register, 'units', id)}, `)));
    expect(sections).toEqual(['hr-mellerud', 'soc-amal']); // by municipality, as the record is read
    const section = (id: string) => html.slice(html.indexOf(`<section class="controller" id="c-${id}"`), html.indexOf('</section>', html.indexOf(`<section class="controller" id="c-${id}"`)));
    expect(rootHrefs(section('soc-amal')).filter((h) => h.startsWith('processing/'))).toEqual(['processing/socialtjanst.html']);
    expect(rootHrefs(section('hr-mellerud')).filter((h) => h.startsWith('processing/'))).toEqual(['processing/lonehantering.html']);
    // a) Each controller's contact details and data protection officer, or that they are not given.
    expect(section('soc-amal')).toContain(`<dt>${esc(t.contact)}</dt><dd>${esc(UNIT_CONTACT)}</dd>`);
    expect(section('soc-amal')).toContain(`<dt>${esc(t.dataProtectionOfficer)}</dt><dd>${esc(UNIT_DPO)}</dd>`);
    expect(section('hr-mellerud')).toContain(`<dt>${esc(t.contact)}</dt><dd><span class="gap">${esc(t.notGiven)}</span></dd>`);
    expect(section('hr-mellerud')).toContain(`<dt>${esc(t.dataProtectionOfficer)}</dt><dd><span class="gap">${esc(t.notGiven)}</span></dd>`);
    // Each controller's page lists what it is controller of, the ended one too.
    const unit = page('unit/soc-amal.html');
    expect(unit).toContain('<a href="../processing/socialtjanst.html">');
    expect(unit).toContain('<a href="../processing/gammal-behandling.html">');
    expect(unit).toContain('<a href="../processing.html#c-soc-amal">');
    // The ended one is not in the record, but has its page and is listed below it.
    const other = html.slice(html.indexOf('<section aria-labelledby="other-h">'));
    expect(other).toContain('href="processing/gammal-behandling.html"');
    expect(html.slice(0, html.indexOf('<section aria-labelledby="other-h">'))).not.toContain('processing/gammal-behandling.html');
  });

  it('has a page per supplier that says what itreg suppliers --format json says of it, in its order', () => {
    const json = JSON.parse(runCli(['suppliers', '--format', 'json', '--date', DATE, '--lang', language], register).stdout) as {
      concentrations: string[];
      suppliers: Array<
        Omit<SupplierView, 'applications' | 'leftOut'> & {
          applications: Array<Omit<SupplierView['applications'][number], 'municipalities'> & { municipalities: string[] }>;
          leftOut: Array<Omit<SupplierView['leftOut'][number], 'agreement'> & { agreement?: string }>;
        }
      >;
    };
    const sl = supplierLabels[language];
    const list = page('suppliers.html');
    expect(tableRows(list, 'sortable suppliers').map((row) => /supplier\/([^.]+)\.html/.exec(row[0]!)?.[1])).toEqual(json.suppliers.map((s) => s.id));
    expect(json.concentrations).toEqual(['datahall']);
    const datahall = json.suppliers.find((s) => s.id === 'datahall')!;
    expect(datahall.leftOut.map((e) => [e.id, e.reason])).toEqual([['gammal', 'retired']]);
    expect(list).toContain(esc(sl.concentration(datahall.name, datahall.serious)));
    for (const s of json.suppliers) {
      const html = page(`supplier/${s.id}.html`);
      expect(html).toContain(`<h1>${esc(s.name)}</h1>`);
      if (s.orgNumber) expect(html).toContain(`<dd>${s.orgNumber}</dd>`);
      // What names the supplier but does not count on the date (here the retired system that names the data centre).
      const leftOut = html.includes('<ul class="left-out">') ? html.slice(html.indexOf('<ul class="left-out">'), html.indexOf('</ul>', html.indexOf('<ul class="left-out">'))) : '';
      expect([...leftOut.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!)).toEqual(
        s.leftOut.map(({ agreement: id, ...e }) => {
          const agreement = id === undefined ? {} : { agreement: { id, name: nameIn(register, 'agreements', id) } };
          return `<a href="../application/${e.id}.html">${esc(e.name)}</a> ${esc(leftOutDetail({ ...e, ...agreement }, language))}`;
        }),
      );
      if (s.leftOut.length > 0) expect(html).toContain(`<p>${esc(sl.leftOutHeading(DATE))}</p>`);
      expect(html).toContain(`<dd>${s.levelName === undefined ? '–' : esc(`${s.highestLevel} ${s.levelName}`)}</dd>`);
      if (s.applications.length === 0) {
        expect(html).toContain(esc(sl.noDependents));
        continue;
      }
      const rows = tableRows(html, 'sortable dependents');
      expect(rows.map((row) => hrefs(row[0]!))).toEqual(s.applications.map((a) => [`application/${a.id}.html`]));
      s.applications.forEach((a, i) => {
        const [, via, municipalities, level, critical, personalData, agreements] = rows[i]!;
        expect(via).toBe(a.via.map((v) => sl.links[v]).join(', '));
        expect(hrefs(municipalities!)).toEqual(a.municipalities.map((m) => `municipality/${m}.html`));
        expect(level).toBe(a.levelName === undefined ? '–' : esc(`${a.highestLevel} ${a.levelName}`));
        expect(critical).toBe(a.critical ? `<strong>${sl.yes}</strong>` : sl.no);
        expect(personalData).toBe(a.personalData === undefined ? '–' : esc(terms[language].personalData[a.personalData]));
        expect(hrefs(agreements!)).toEqual(a.processorAgreements.map((p) => `agreement/${p.id}.html`));
      });
    }
  });

  it('links each application to its processing activities and the suppliers it depends on, and says when it is in no record', () => {
    const journal = page('application/journal.html');
    expect(journal).toContain('<a href="../processing/socialtjanst.html">');
    expect(journal).toContain('<a href="../supplier/omsorg.html">Omsorgsdata Nordic AB</a> – '); // the vendor, named by a plain name
    expect(journal).toContain('<a href="../supplier/datahall.html">Nordisk Datahall AB</a>'); // the operations agreement's party
    const lon = page('application/lon.html');
    expect(lon).toContain('<a href="../processing/lonehantering.html">');
    expect(lon).toContain(`<a href="../supplier/datahall.html">Nordisk Datahall AB</a> (${supplierLabels[language].links['sub-processor']})`);
    // Personal data and in no processing activity: said, as the processing-record rule warns.
    expect(page('application/bibliotek.html')).toContain(
      esc(language === 'sv' ? 'Applikationen ingår inte i någon registrerad behandling.' : 'The application is in no registered processing activity.'),
    );
    // Every link of the new pages leads to a page of the site.
    const missing: string[] = [];
    for (const folder of ['processing', 'supplier']) {
      for (const file of [...readdirSync(join(site, folder)).map((f) => `${folder}/${f}`), 'processing.html', 'suppliers.html']) {
        for (const [, href = ''] of page(file).matchAll(/<a [^>]*href="([^"#]*)[^"]*"/g)) {
          if (href === '' || /^[a-z]+:/.test(href)) continue;
          const target = relative(site, resolve(dirname(join(site, file)), href));
          if (!existsSync(join(site, target)) || !statSync(join(site, target)).isFile()) missing.push(`${file} → ${href}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('--redact on the pages of the law', () => {
  it('keeps the processing activities and suppliers whole but for the names of people: no owner, no contact that names a person', () => {
    const plain = buildSite('sv');
    const { site, stderr } = buildSite('sv', true);
    expect(stderr).toContain('itreg: tog också bort 1 leverantörs kontaktuppgift (contact), som kan vara en persons namn\n');
    const read = (folder: string, path: string) => readFileSync(join(folder, path), 'utf8');
    // The unredacted site shows both names, so the check below can fail.
    expect(read(plain.site, 'supplier/datahall.html')).toContain(CONTACT_PERSON);
    expect(read(plain.site, 'application/journal.html')).toContain(OWNER_NAME);
    for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
      const html = read(site, file);
      expect(html, file).not.toContain(CONTACT_PERSON);
      expect(html, file).not.toContain(OWNER_NAME);
    }
    for (const path of ['processing.html', 'processing/socialtjanst.html', 'processing/lonehantering.html', 'suppliers.html', 'supplier/omsorg.html']) {
      const main = (folder: string) => read(folder, path).slice(read(folder, path).indexOf('<main'), read(folder, path).indexOf('<section aria-labelledby="history-h">'));
      expect(main(site), path).toBe(main(plain.site));
    }
    expect(read(site, 'supplier/datahall.html')).toContain('<a href="../application/journal.html">');
    // A controller's functional contact and data protection officer are public: kept.
    for (const path of ['processing.html', 'processing/socialtjanst.html', 'unit/soc-amal.html']) {
      expect(read(site, path), path).toContain(esc(UNIT_CONTACT));
      expect(read(site, path), path).toContain(esc(UNIT_DPO));
    }
  });
});
