// renderReport(): Handlebars templates on an isolated instance, compiled once, with a small set of locale-aware helpers.
// The template loader is the report's only IO.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { UsageError } from '../errors.js';
import type { Language } from '../i18n/index.js';
import { countOf } from '../i18n/terms.js';
import { escapeMarkdown } from '../format/markdown.js';
import { formatAmount } from '../util/money.js';
import { formatPercent } from '../util/percent.js';
import { packagePath } from '../util/paths.js';
import { isIsoDate } from '../util/dates.js';

export const templateDir = packagePath('templates');

type Options = Handlebars.HelperOptions;
const languageOf = (options: Options): Language => ((options.data as { root?: { lang?: Language } }).root?.lang === 'en' ? 'en' : 'sv');

// One formatter per language: making an Intl formatter costs far more than using one, and a site has 10,000 dates.
const dateFormats = new Map<Language, Intl.DateTimeFormat>();
function cached<T>(map: Map<Language, T>, language: Language, make: (locale: string) => T): T {
  let format = map.get(language);
  if (!format) {
    format = make(language === 'sv' ? 'sv-SE' : 'en-GB');
    map.set(language, format);
  }
  return format;
}

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
    // A date that does not exist (2027-02-29) is shown as written, never as the day JavaScript rolls it over to.
    if (typeof iso !== 'string' || !isIsoDate(iso)) return iso ?? '';
    return cached(dateFormats, languageOf(options), (locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(
      new Date(`${iso}T00:00:00Z`),
    );
  });
  hb.registerHelper('percent', (value: unknown, options: Options) => formatPercent(Number(value), languageOf(options)));
  hb.registerHelper('plural', (count: unknown, one: unknown, other: unknown, options: Options) => countOf(languageOf(options), Number(count), { one: String(one), other: String(other) }));
  hb.registerHelper('sortBy', (list: unknown, key: unknown) => {
    if (!Array.isArray(list)) return [];
    const items = list as ReadonlyArray<Record<string, unknown>>;
    const field = String(key);
    const collator = new Intl.Collator('sv'); // Swedish names in both languages: Å, Ä, Ö last
    return [...items].sort((a, b) => collator.compare(String(a[field] ?? ''), String(b[field] ?? '')));
  });
  hb.registerHelper('join', (list: unknown, separator: unknown) => (Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // A message with `code spans` (field names, YAML to write): escaped, the spans as <code>. For HTML templates.
  hb.registerHelper('withCode', (text: unknown) => new hb.SafeString(hb.escapeExpression(String(text ?? '')).replace(/&#x60;(.*?)&#x60;/g, '<code>$1</code>')));
  // Report partials by name ({{> style}}); the site's under site/ ({{> site/link}}).
  for (const [folder, prefix] of [
    [join(templateDir, 'partials'), ''],
    [join(templateDir, 'site', 'partials'), 'site/'],
  ] as const) {
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.hbs'))) {
      hb.registerPartial(`${prefix}${basename(file, '.hbs')}`, readFileSync(join(folder, file), 'utf8'));
    }
  }
  instance = hb;
  return hb;
}

/** Renders a template file with a view model (`helpers` in place of some of the registered ones, for this call). Text from the register is escaped (HTML, or Markdown for .md templates); prototypes are out of reach. */
export function renderTemplate(file: string, view: object, format: 'html' | 'md' = file.endsWith('.md.hbs') ? 'md' : 'html', helpers?: Readonly<Record<string, Handlebars.HelperDelegate>>): string {
  const key = `${format}\u0000${file}`;
  let template = compiled.get(key);
  const hb = handlebars();
  if (!template) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error: unknown) {
      // A folder, or a file that cannot be read, given as the template (EISDIR was an internal error).
      throw new UsageError({ id: 'templateUnreadable', data: { file, code: (error as NodeJS.ErrnoException).code ?? String(error) } });
    }
    let ast: ReturnType<typeof hb.parseWithoutProcessing>;
    try {
      // compile() would parse lazily, on the first call; parsing now reports a syntax error with its line, and
      // compile() takes the tree (it applies whitespace control itself), so a template is parsed once.
      ast = hb.parseWithoutProcessing(text);
    } catch (error: unknown) {
      throw templateError(file, error);
    }
    template = hb.compile(ast, { strict: false, noEscape: format === 'md' });
    compiled.set(key, template);
  }
  if (format === 'md') view = escapeMarkdown(view) as object;
  try {
    // Handlebars' defaults already deny prototype access; stated here so no option can turn it on by accident.
    return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false, ...(helpers ? { helpers } : {}) });
  } catch (error: unknown) {
    // A template's own mistake (a helper or partial it names that does not exist, a block closed by another name).
    if (error instanceof hb.Exception) throw templateError(file, error);
    throw error;
  }
}

/**
 * renderTemplate in parts, for a page too large to build as one string (a site's list of 2,000 applications is 1 MB,
 * whose pieces outlive collections while it is built and flattened): every {{#each}} over more than `atATime` items
 * is left out of `text` as a marker, and `parts(text)` gives `text` (or a text it was put into, such as a layout's
 * {{{body}}}) with each of those lists rendered `atATime` items at a time, as Handlebars would have rendered it.
 */
export function renderInParts(file: string, view: object, atATime: number): { text: string; parts: (text: string) => Generator<string> } {
  const hb = handlebars();
  const each = hb.helpers['each'] as Handlebars.HelperDelegate;
  const lists: { list: readonly unknown[]; options: Options }[] = [];
  const tag = `\u0000each-${randomUUID()}-`;
  let expanding = false; // a long list inside an item of a list being expanded is rendered with its item
  /** An item as Handlebars' own each renders it: @index, @first, @last and the block parameters. */
  const item = (list: readonly unknown[], i: number, options: Options) => {
    const data = hb.createFrame(options.data) as { key: number; index: number; first: boolean; last: boolean };
    Object.assign(data, { key: i, index: i, first: i === 0, last: i === list.length - 1 });
    return options.fn(list[i], { data, blockParams: [list[i], i] });
  };
  const text = renderTemplate(file, view, 'html', {
    each(this: unknown, list: unknown, options: Options): unknown {
      if (expanding || !Array.isArray(list) || list.length <= atATime) return each.call(this, list, options);
      lists.push({ list, options });
      // Opened and closed across a line: the partials around the list indent the second line (their indentation,
      // which every line of the list gets), and nothing of a template can stand between the two. The last item is
      // rendered here, so that what follows the list is indented (or, at a partial's end, not) by Handlebars itself.
      return `${tag}${lists.length - 1}\u0000\n${tag}end\u0000${item(list, list.length - 1, options)}`;
    },
  });
  const marker = new RegExp(`${tag}(\\d+)\u0000\n([ \t]*)${tag}end\u0000`, 'g');
  function* parts(whole: string): Generator<string> {
    let at = 0;
    for (const match of whole.matchAll(marker)) {
      yield whole.slice(at, match.index);
      const { list, options } = lists[Number(match[1])]!;
      const indent = match[2]!;
      for (let start = 0; start < list.length - 1; start += atATime) {
        let rendered = '';
        expanding = true;
        try {
          for (let i = start; i < Math.min(start + atATime, list.length - 1); i++) rendered += item(list, i, options);
        } catch (error: unknown) {
          if (error instanceof hb.Exception) throw templateError(file, error);
          throw error;
        } finally {
          expanding = false;
        }
        // Every line of these items is followed by more of the list: each gets the indentation.
        yield indent === '' ? rendered : rendered.replaceAll('\n', `\n${indent}`);
      }
      at = match.index + match[0].length;
    }
    yield whole.slice(at);
  }
  return { text, parts };
}

/** A mistake in a template as one line: the file, the line where Handlebars found it, and its words. */
function templateError(file: string, error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n');
  const line = /^Parse error on line (\d+):/.exec(lines[0] ?? '')?.[1] ?? / - (\d+):\d+$/.exec(lines[0] ?? '')?.[1] ?? (error as { lineNumber?: number }).lineNumber;
  const detail = (lines[0]?.startsWith('Parse error') ? (lines.at(-1) ?? '') : (lines[0] ?? '')).replace(/ - \d+:\d+$/, '');
  return new UsageError({ id: 'templateError', data: { location: line === undefined ? file : `${file}:${line}`, detail } });
}

/** A built-in template: templates/<name>.<format>.hbs. */
export function builtInTemplate(name: string, format: 'md' | 'html'): string {
  return join(templateDir, `${name}.${format}.hbs`);
}
