// `itreg suppliers` as a table, JSON or Markdown: concentrations named first, then each supplier and its dependents.
import Table from 'cli-table3';
import type { Language } from '../i18n/index.js';
import { terms } from '../i18n/terms.js';
import type { LeftOutView, SupplierDependentView, SupplierView } from '../views/supplier.js';
import { escapeMarkdownText } from './markdown.js';

/** The words of a supplier's dependents, shared with the site's supplier pages. */
export const supplierLabels = {
  sv: {
    application: 'Applikation',
    municipalities: 'Kommuner',
    level: 'Högsta nivå',
    critical: 'Samhällsviktig',
    personalData: 'Personuppgifter',
    agreements: 'PUB-avtal',
    via: 'Beroende som',
    yes: 'ja',
    no: 'nej',
    notCurrent: 'ej gällande',
    none: 'Inga leverantörer i registret.',
    noDependents: 'ingen applikation i drift beror på leverantören',
    concentration: (name: string, n: number) => `Koncentration: ${name} står bakom ${n} applikationer som är samhällsviktiga eller har en klassningsnivå på 3 eller högre.`,
    links: { vendor: 'leverantör', party: 'avtalspart', 'sub-processor': 'underbiträde' },
    leftOutHeading: (date: string) => `Räknas inte som beroende den ${date}:`,
    leftOut: {
      retired: (_agreement: string, on?: string) => (on === undefined ? 'applikationen är avvecklad' : `applikationen avvecklades ${on}`),
      'agreement-ended': (agreement: string, on?: string) => (on === undefined ? `${agreement} gäller inte längre` : `${agreement} upphörde ${on}`),
      'agreement-not-started': (agreement: string, on?: string) => `${agreement} börjar gälla ${on ?? ''}`.trimEnd(),
      'sub-processor-not-yet': (agreement: string, on?: string) => `enligt ${agreement} först från ${on ?? ''}`.trimEnd(),
    },
  },
  en: {
    application: 'Application',
    municipalities: 'Municipalities',
    level: 'Highest level',
    critical: 'Critical',
    personalData: 'Personal data',
    agreements: 'Processor agreements',
    via: 'Depends as',
    yes: 'yes',
    no: 'no',
    notCurrent: 'not current',
    none: 'No suppliers in the register.',
    noDependents: 'no live application depends on the supplier',
    concentration: (name: string, n: number) => `Concentration: ${name} is behind ${n} applications that are critical or classified at level 3 or above.`,
    links: { vendor: 'vendor', party: 'agreement party', 'sub-processor': 'sub-processor' },
    leftOutHeading: (date: string) => `Not counted as dependencies on ${date}:`,
    leftOut: {
      retired: (_agreement: string, on?: string) => (on === undefined ? 'the application is retired' : `the application was retired on ${on}`),
      'agreement-ended': (agreement: string, on?: string) => (on === undefined ? `${agreement} is no longer in force` : `${agreement} ended on ${on}`),
      'agreement-not-started': (agreement: string, on?: string) => `${agreement} starts on ${on ?? ''}`.trimEnd(),
      'sub-processor-not-yet': (agreement: string, on?: string) => `under ${agreement} only from ${on ?? ''}`.trimEnd(),
    },
  },
} as const;
const labels = supplierLabels;

type Column = 'application' | 'via' | 'municipalities' | 'level' | 'critical' | 'personalData' | 'agreements';
const COLUMNS: readonly Column[] = ['application', 'via', 'municipalities', 'level', 'critical', 'personalData', 'agreements'];

function cellsOf(app: SupplierDependentView, language: Language): Record<Column, string> {
  const l = labels[language];
  return {
    application: app.name,
    municipalities: app.municipalities.map((m) => m.name).join(', '),
    level: app.levelName === undefined ? '–' : `${app.highestLevel} ${app.levelName}`,
    critical: app.critical ? l.yes : l.no,
    personalData: app.personalData === undefined ? '–' : terms[language].personalData[app.personalData],
    agreements: app.processorAgreements.map((a) => (a.current ? a.name : `${a.name} (${l.notCurrent})`)).join(', ') || '–',
    via: app.via.map((v) => l.links[v]).join(', '),
  };
}

/** A dependency left out on the date, as one line: the application, how it names the supplier, and why it does not count. */
export function leftOutText(entry: LeftOutView, language: Language): string {
  return `${entry.name} ${leftOutDetail(entry, language)}`;
}

/** What follows the application's name in leftOutText(): "(agreement party): Avtal X ended on 2025-12-31". */
export function leftOutDetail(entry: LeftOutView, language: Language): string {
  const l = labels[language];
  return `(${entry.via.map((v) => l.links[v]).join(', ')}): ${l.leftOut[entry.reason](entry.agreement?.name ?? '', entry.on)}`;
}

/** The left-out dependencies under a heading with the date, or nothing. */
export function leftOutLines(leftOut: readonly LeftOutView[], date: string, language: Language): string[] {
  return leftOut.length === 0 ? [] : [labels[language].leftOutHeading(date), ...leftOut.map((entry) => `  - ${leftOutText(entry, language)}`)];
}

/** The supplier's line above its applications: name, organisation number and country, highest level. */
function headingOf(s: SupplierView, language: Language): string {
  const l = labels[language];
  const about = [s.orgNumber, s.country].filter((x) => x !== undefined).join(', ');
  return `${s.name}${about ? ` (${about})` : ''}${s.levelName === undefined ? '' : ` · ${l.level.toLowerCase()} ${s.highestLevel} ${s.levelName}`}`;
}

function concentrationLines(suppliers: readonly SupplierView[], language: Language): string[] {
  return suppliers.filter((s) => s.concentration).map((s) => labels[language].concentration(s.name, s.serious));
}

/** `date`: the day judged on, which the dependencies left out name. */
export function formatSuppliersTable(suppliers: readonly SupplierView[], language: Language, date: string): string {
  const l = labels[language];
  if (suppliers.length === 0) return `${l.none}\n`;
  const blocks = suppliers.map((s) => {
    const leftOut = leftOutLines(s.leftOut, date, language);
    if (s.applications.length === 0) return [headingOf(s, language), `  ${l.noDependents}`, ...leftOut].join('\n');
    const table = new Table({ head: COLUMNS.map((c) => l[c]), wordWrap: true, colWidths: [22, 15, 18, 14, 16, 17, 24], style: { head: [], border: [] } });
    for (const app of s.applications) table.push(COLUMNS.map((c) => cellsOf(app, language)[c]));
    return [headingOf(s, language), table.toString(), ...leftOut].join('\n');
  });
  const top = concentrationLines(suppliers, language);
  return `${top.length > 0 ? `${top.join('\n')}\n\n` : ''}${blocks.join('\n\n')}\n`;
}

export function formatSuppliersMarkdown(suppliers: readonly SupplierView[], language: Language, date: string): string {
  const l = labels[language];
  if (suppliers.length === 0) return `${l.none}\n`;
  const md = escapeMarkdownText;
  const top = concentrationLines(suppliers, language).map((line) => `> **${md(line)}**\n`);
  const blocks = suppliers.map((s) => {
    const head = `## ${md(headingOf(s, language))}\n`;
    const leftOut = s.leftOut.length === 0 ? '' : `\n${md(l.leftOutHeading(date))}\n\n${s.leftOut.map((entry) => `- ${md(leftOutText(entry, language))}`).join('\n')}\n`;
    if (s.applications.length === 0) return `${head}\n${md(l.noDependents)}\n${leftOut}`;
    const rows = s.applications.map((app) => `| ${COLUMNS.map((c) => md(cellsOf(app, language)[c])).join(' | ')} |`);
    return `${head}\n${[`| ${COLUMNS.map((c) => l[c]).join(' | ')} |`, `| ${COLUMNS.map(() => '---').join(' | ')} |`, ...rows].join('\n')}\n${leftOut}`;
  });
  return `${top.length > 0 ? `${top.join('\n')}\n` : ''}${blocks.join('\n')}`;
}

export function formatSuppliersJson(suppliers: readonly SupplierView[]): string {
  const json = suppliers.map((s) => ({
    ...s,
    applications: s.applications.map((a) => ({ ...a, municipalities: a.municipalities.map((m) => m.id) })),
    leftOut: s.leftOut.map(({ agreement, ...entry }) => ({ ...entry, ...(agreement !== undefined ? { agreement: agreement.id } : {}) })),
  }));
  return `${JSON.stringify({ concentrations: suppliers.filter((s) => s.concentration).map((s) => s.id), suppliers: json }, null, 2)}\n`;
}
