// The message catalogue: rules return a message id and arguments; this turns them into Swedish or English.
import { en, type MessageId } from './en.js';
import { sv } from './sv.js';
import { nearestName } from '../util/nearest.js';

export type { MessageId };
export type Language = 'sv' | 'en';
export const languages: readonly Language[] = ['sv', 'en'];

/** An argument is plain text, a number, or a nested message (a "did you mean" clause, a translated word). */
export type MessageArgument = string | number | Message | undefined;

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

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  const translate: Translate = ({ id, data }) =>
    catalogue[id].replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!data || !(name in data)) return whole;
      const value = data[name];
      if (value === undefined) return '';
      return typeof value === 'object' ? translate(value) : String(value);
    });
  return translate;
}

/** A " (did you mean …?)" clause, or nothing. */
export function suggestion(name: string | undefined): Message | undefined {
  return name === undefined ? undefined : { id: 'suggestion', data: { name } };
}

/** A " (did you mean …?)" clause for the candidate closest to `name`, or nothing when none is close. */
export function suggestNearest(name: string, candidates: Iterable<string>): Message | undefined {
  return suggestion(nearestName(name, candidates));
}

export function isLanguage(value: unknown): value is Language {
  return value === 'sv' || value === 'en';
}
