// itreg opportunities: collaboration candidates by the policy's four triggers.
import Table from 'cli-table3';
import { ExitCode, UsageError } from '../../errors.js';
import { findOpportunities, type Opportunity } from '../../insight/opportunities.js';
import type { Language } from '../../i18n/index.js';
import { escapeMarkdownText } from '../../format/markdown.js';
import { openRegister, dateOption, emit, workingFolder, type CommonOptions } from '../io.js';

const labels = {
  sv: {
    passed: (d: string) => `passerade ${d}`,
    noticeGiven: 'uppsagt',
    trigger: 'Anledning',
    deadline: 'Uppsägning senast',
    applications: 'Applikationer',
    municipalities: 'Kommuner',
    message: 'Vad',
    none: 'Inga samverkanstillfällen inom horisonten.',
    triggers: { 'agreement-ending': 'avtal på väg ut', 'poor-fit': 'fungerar dåligt', 'competence-risk': 'kompetensrisk', 'same-product': 'samma produkt' },
  },
  en: {
    passed: (d: string) => `passed on ${d}`,
    noticeGiven: 'notice given',
    trigger: 'Trigger',
    deadline: 'Notice by',
    applications: 'Applications',
    municipalities: 'Municipalities',
    message: 'What',
    none: 'No collaboration opportunities within the horizon.',
    triggers: { 'agreement-ending': 'agreement ending', 'poor-fit': 'works poorly', 'competence-risk': 'competence risk', 'same-product': 'same product' },
  },
} as const;

export async function opportunitiesCommand(options: CommonOptions & { months?: string }): Promise<ExitCode> {
  const months = options.months === undefined ? 12 : Number(options.months);
  if (!Number.isInteger(months) || months < 0) throw new UsageError({ id: 'badMonths' });
  const { config, register } = openRegister(options, options.format !== 'json' && options.format !== 'md');
  const date = dateOption(options.date, config);
  const found = findOpportunities(register, date, months, config.language);
  const l = labels[config.language];
  let text: string;
  if (options.format === 'json') text = `${JSON.stringify({ opportunities: found }, null, 2)}\n`;
  else if (options.format === 'md') text = markdownOpportunities(found, config.language, (id) => register.nameOf(id));
  else {
    const table = new Table({ head: [l.trigger, l.deadline, l.applications, l.message], wordWrap: true, colWidths: [18, 13, 26, 60], style: { head: [], border: [] } });
    // A person reads names; the ids are in --format json.
    for (const o of found) table.push([l.triggers[o.trigger], deadlineText(o, config.language), o.applications.map((id) => register.nameOf(id)).join(', '), o.message]);
    text = found.length === 0 ? `${l.none}\n` : `${table.toString()}\n`;
  }
  emit(text, options.output, workingFolder(options));
  return ExitCode.Ok;
}

function markdownOpportunities(found: readonly Opportunity[], language: Language, nameOf: (id: string) => string): string {
  const l = labels[language];
  if (found.length === 0) return `${l.none}\n`;
  return (
    [
      `| ${l.trigger} | ${l.deadline} | ${l.applications} | ${l.municipalities} | ${l.message} |`,
      '| --- | --- | --- | --- | --- |',
      ...found.map(
        (o) =>
          `| ${l.triggers[o.trigger]} | ${deadlineText(o, language)} | ${escapeMarkdownText(o.applications.map(nameOf).join(', '))} | ${escapeMarkdownText(o.municipalities.map(nameOf).join(', '))} | ${escapeMarkdownText(o.message)} |`,
      ),
    ].join('\n') + '\n'
  );
}

/** The notice deadline as a date to act by, or, once passed, as a date in the past ("passerade 2026-09-30"), or "uppsagt". */
function deadlineText(o: Opportunity, language: Language): string {
  if (o.deadline === undefined) return '';
  // Notice given: no deadline is left to act by (the message says when notice was given and when it ends).
  if (o.state === 'terminated') return labels[language].noticeGiven;
  return o.deadlinePassed ? labels[language].passed(o.deadline) : o.deadline;
}
