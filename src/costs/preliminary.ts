// preliminaryText(): the mark of an item split by an earlier year's population (DESIGN.md 1.1), for `costs` and the report alike.
import type { Language } from '../i18n/index.js';
import type { ItemSplit } from './compute.js';
import { fallbackYears } from './items.js';

const words = {
  sv: (years: string) => `preliminär: befolkning ${years}`,
  en: (years: string) => `preliminary: population ${years}`,
} as const;

/** "preliminär: befolkning 2025" for a preliminary item, else empty. */
export function preliminaryText(split: ItemSplit, language: Language): string {
  return split.item.preliminary ? words[language](fallbackYears(split.item).join(', ')) : '';
}
