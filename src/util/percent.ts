// formatPercent(): a share for people to read: "92,1 %" in Swedish, "92.1%" in English, one decimal at most;
// formatDecimal(): the number alone ("1,9").
import type { Language } from '../types/language.js';

// One formatter per language: making an Intl formatter costs far more than using one (a site formats thousands).
const formats = new Map<Language, Intl.NumberFormat>();

export function formatDecimal(value: number, language: Language): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 });
    formats.set(language, format);
  }
  return format.format(value);
}

export function formatPercent(value: number, language: Language): string {
  return withPercentSign(formatDecimal(value, language), language);
}

/** A number already written, as a percentage: "33,3 %" in Swedish, "33.3%" in English. */
export function withPercentSign(number: string, language: Language): string {
  return language === 'sv' ? `${number} %` : `${number}%`;
}
