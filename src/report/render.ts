// renderReport(): Handlebars templates on an isolated instance, compiled once, with a small set of locale-aware helpers.
// The template loader is the report's only IO.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import type { Language } from '../i18n/index.js';
import { formatAmount } from '../util/money.js';
import { packagePath } from '../util/paths.js';

export const templateDir = packagePath('templates');

type Options = Handlebars.HelperOptions;
const languageOf = (options: Options): Language => ((options.data as { root?: { lang?: Language } }).root?.lang === 'en' ? 'en' : 'sv');

let instance: typeof Handlebars | undefined;
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** The isolated Handlebars with our helpers and partials (templates/partials/*.hbs). */
function handlebars(): typeof Handlebars {
  if (instance) return instance;
  const hb = Handlebars.create();
  hb.registerHelper('money', (amount: unknown, options: Options) => {
    const currency = (options.data as { root?: { costs?: { currency?: string }; currency?: string } }).root;
    return formatAmount(Number(amount), languageOf(options), currency?.costs?.currency ?? currency?.currency ?? 'SEK');
  });
  hb.registerHelper('date', (iso: unknown, options: Options) => {
    if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso ?? '';
    return new Intl.DateTimeFormat(languageOf(options) === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  });
  hb.registerHelper('percent', (value: unknown, options: Options) => {
    const n = Number(value);
    const text = new Intl.NumberFormat(languageOf(options) === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
    return languageOf(options) === 'sv' ? `${text} %` : `${text}%`;
  });
  hb.registerHelper('plural', (count: unknown, one: unknown, many: unknown) => `${Number(count)} ${Number(count) === 1 ? String(one) : String(many)}`);
  hb.registerHelper('sortBy', (list: unknown, key: unknown) => {
    if (!Array.isArray(list)) return [];
    const collator = new Intl.Collator('sv'); // Swedish names in both languages: Å, Ä, Ö last
    return [...list].sort((a: Record<string, unknown>, b: Record<string, unknown>) => collator.compare(String(a[String(key)] ?? ''), String(b[String(key)] ?? '')));
  });
  hb.registerHelper('join', (list: unknown, separator: unknown) => (Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const partials = join(templateDir, 'partials');
  for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs'))) {
    hb.registerPartial(basename(file, '.hbs'), readFileSync(join(partials, file), 'utf8'));
  }
  instance = hb;
  return hb;
}

/**
 * Text for Markdown: no HTML can slip through (< > & as entities) and no table breaks (| escaped); quotes stay
 * quotes. Applied to every string of the view before a Markdown template, which is compiled without HTML escaping.
 */
function escapeMarkdown(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  if (Array.isArray(value)) return value.map(escapeMarkdown);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeMarkdown(v)]));
  return value;
}

/** Renders a template file with a view model. Text from the register is escaped (HTML, or Markdown for .md templates); prototypes are out of reach. */
export function renderTemplate(file: string, view: object, format: 'html' | 'md' = file.endsWith('.md.hbs') ? 'md' : 'html'): string {
  const key = `${format}\u0000${file}`;
  let template = compiled.get(key);
  if (!template) {
    template = handlebars().compile(readFileSync(file, 'utf8'), { strict: false, noEscape: format === 'md' });
    compiled.set(key, template);
  }
  if (format === 'md') view = escapeMarkdown(view) as object;
  // Handlebars' defaults already deny prototype access; stated here so no option can turn it on by accident.
  return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

/** A built-in template: templates/<name>.<format>.hbs. */
export function builtInTemplate(name: string, format: 'md' | 'html'): string {
  return join(templateDir, `${name}.${format}.hbs`);
}
