// The message catalogue: rules return a message id and arguments; this turns them into Swedish or English.
import { en, type MessageId } from './en.js';
import { sv } from './sv.js';
import { nearestName } from '../util/nearest.js';
import { countOf, countryName, kindName, ruleName, terms, type Terms } from './terms.js';

export type { MessageId };
import type { Language } from '../types/language.js';

export type { Language } from '../types/language.js';
export const languages: readonly Language[] = ['sv', 'en'];

/**
 * A word from the term list, chosen when the message is translated: a rule or a kind in words, or a count with its
 * noun in the plural the count takes ("1 värde", "2 värden").
 */
export type TermArgument = { readonly ruleName: string } | { readonly kindName: string } | { readonly country: string } | { readonly count: number; readonly of: keyof Terms['counted'] };

/** An argument is plain text, a number, a nested message (a "did you mean" clause), or a word of the term list. */
export type MessageArgument = string | number | Message | TermArgument | undefined;

export interface Message {
  readonly id: MessageId;
  readonly data?: Readonly<Record<string, MessageArgument>>;
}

/** Text in both languages, for rule documentation kept next to the code. */
export interface Bilingual {
  readonly sv: string;
  readonly en: string;
}

const catalogues: Record<Language, Record<MessageId, string>> = { sv, en };

export type Translate = (message: Message) => string;

/** Each catalogue text split once at its placeholders: [text, name, text, name, …, text]. */
const templates = new Map<Language, Map<string, readonly string[]>>();

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  let split = templates.get(language);
  if (split === undefined) {
    split = new Map();
    templates.set(language, split);
  }
  const parts = split;
  const translate: Translate = ({ id, data }) => {
    let template = parts.get(id);
    if (template === undefined) {
      template = catalogue[id].split(/\{(\w+)\}/);
      parts.set(id, template);
    }
    let text = template[0]!;
    for (let i = 1; i < template.length; i += 2) {
      const name = template[i]!;
      text += fill(data, name) + template[i + 1]!;
    }
    return text;
  };
  /** A placeholder's text (a function of the translator, not of each message: 160,000 messages made no closure each). */
  const fill = (data: Message['data'], name: string): string => {
    if (!data || !(name in data)) return `{${name}}`;
    const value = data[name];
    if (value === undefined) return '';
    if (typeof value !== 'object') return String(value);
    if ('ruleName' in value) return ruleName(language, value.ruleName);
    if ('kindName' in value) return kindName(language, value.kindName);
    if ('country' in value) return countryName(language, value.country);
    if ('count' in value) return countOf(language, value.count, terms[language].counted[value.of]);
    return translate(value);
  };
  return translate;
}

/** A " (did you mean …?)" clause, or nothing. */
export function suggestion(name: string | undefined): Message | undefined {
  return name === undefined ? undefined : { id: 'suggestion', data: { name } };
}

/** ' (menade du "export" eller "report"?)': several candidates, each quoted, joined by the language's "or". */
export function suggestionOfMany(names: readonly string[], language: Language): Message | undefined {
  if (names.length <= 1) return suggestion(names[0]);
  const list = new Intl.ListFormat(language, { type: 'disjunction' }).format(names.map((name) => `"${name}"`));
  return { id: 'suggestionAny', data: { names: list } };
}

/** A " (did you mean …?)" clause for the candidate closest to `name`, or nothing when none is close. */
export function suggestNearest(name: string, candidates: Iterable<string>): Message | undefined {
  return suggestion(nearestName(name, candidates));
}

export function isLanguage(value: unknown): value is Language {
  return value === 'sv' || value === 'en';
}
