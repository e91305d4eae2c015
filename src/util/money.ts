// Money as text: integer minor units → "826 688" (Swedish) or "826,688" (English), exactly, never through floating point.
import type { Language } from '../types/language.js';

export interface MoneyStyle {
  readonly language: Language;
  /** Digit grouping (tables, reports) or none (CSV, JSON-like text). */
  readonly grouping: boolean;
}

/** `minor` units of 1/`scale` as a decimal string in the language's style. */
export function formatMoney(minor: bigint, scale: bigint, style: MoneyStyle): string {
  const negative = minor < 0n;
  const absolute = negative ? -minor : minor;
  const whole = (absolute / scale).toString();
  const decimals = scale === 1n ? '' : (absolute % scale).toString().padStart(scale.toString().length - 1, '0');
  const group = style.language === 'sv' ? '\u00A0' : ',';
  const grouped = style.grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  const point = style.language === 'sv' ? ',' : '.';
  return `${negative ? '−' : ''}${grouped}${decimals ? point + decimals : ''}`;
}

/** Minor units as a JSON number in currency units (exact for whole kronor and for öre below 2^53). */
export function toCurrencyNumber(minor: bigint, scale: bigint): number {
  return scale === 1n ? Number(minor) : Number(`${minor / scale}.${(minor % scale).toString().padStart(scale.toString().length - 1, '0')}`);
}

/** An exact fraction as a decimal with `digits` decimals, rounded half up; for explanations, never for money. */
export function formatFraction(numerator: bigint, denominator: bigint, digits: number, language: Language, grouping = true): string {
  const factor = 10n ** BigInt(digits);
  const scaled = (2n * numerator * factor + denominator) / (2n * denominator);
  return formatMoney(scaled, factor, { language, grouping });
}

const amountFormats = new Map<string, Intl.NumberFormat>();

/** An amount in currency units for reports: "826 688 kr" in Swedish, "SEK 826,688" in English (öre shown when present). */
export function formatAmount(amount: number, language: Language, currency = 'SEK'): string {
  const decimals = Number.isInteger(amount) ? 0 : 2;
  // Formatters are dear to make and cheap to use: one per language, currency and decimals (a site formats thousands).
  const key = `${language}\u0000${currency}\u0000${decimals}`;
  let format = amountFormats.get(key);
  if (!format) {
    format =
      language === 'sv'
        ? new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
        : new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals, currencyDisplay: 'code' });
    amountFormats.set(key, format);
  }
  if (language === 'sv') return `${format.format(amount)} ${currency === 'SEK' ? 'kr' : currency}`;
  // "SEK 826,688": the code, a plain space, the grouped number.
  return format.format(amount).replace(/\u00A0/g, ' ');
}
