// no-personal-identity-number — a Swedish personnummer or samordningsnummer anywhere in a file, comments included.
import { daysInMonth } from '../util/dates.js';
import { defineRule, type Hit } from './define-rule.js';
import { positionAt } from '../register/source.js';

// 10 or 12 digits, with an optional - or + before the last four; not part of a longer number.
const CANDIDATE = /(?<![\d])((?:18|19|20)?\d{6})[-+]?(\d{4})(?![\d])/g;

export type IdentityNumberType = 'personnummer' | 'samordningsnummer';

/** The type of a valid Swedish identity number (date part and Luhn check digit), or undefined. */
export function identityNumberType(text: string): IdentityNumberType | undefined {
  const digits = text.replace(/[-+]/g, '');
  if (!/^\d{10}(\d{2})?$/.test(digits)) return undefined;
  const ten = digits.slice(-10);
  const century = digits.length === 12 ? Number(digits.slice(0, 2)) : undefined;
  if (century !== undefined && (century < 18 || century > 20)) return undefined;
  const yy = Number(ten.slice(0, 2));
  const month = Number(ten.slice(2, 4));
  let day = Number(ten.slice(4, 6));
  const coordination = day > 60;
  if (coordination) day -= 60;
  if (month < 1 || month > 12 || day < 1) return undefined;
  // Without a century, 29 February is valid whenever some century makes the year a leap year.
  const year = century !== undefined ? century * 100 + yy : yy % 4 === 0 ? 2000 + yy : 1900 + yy;
  if (day > daysInMonth(year, month)) return undefined;
  return luhnValid(ten) ? (coordination ? 'samordningsnummer' : 'personnummer') : undefined;
}

function luhnValid(ten: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let value = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10 === Number(ten[9]);
}

export default defineRule({
  id: 'no-personal-identity-number',
  severity: 'error',
  scope: 'file',
  docs: {
    description: {
      sv: 'Ett svenskt personnummer eller samordningsnummer (10 eller 12 siffror, giltigt datum, giltig kontrollsiffra) någonstans i en fil.',
      en: 'A Swedish personnummer or samordningsnummer (10 or 12 digits, valid date part, valid Luhn check digit) anywhere in a file.',
    },
    details: {
      sv: 'Registret är en allmän handling; personuppgifter hör inte hemma där (GDPR). Kommentarer söks också. Telefonnummer, fakturanummer och diarienummer som inte klarar datum- och kontrollsiffrekontrollen rapporteras inte.',
      en: 'The register is a public record; personal data does not belong in it (GDPR). Comments are searched too. Phone, invoice and case numbers that fail the date and check-digit tests are not reported.',
    },
  },
  check(source) {
    const hits: Hit[] = [];
    for (const match of source.text.matchAll(CANDIDATE)) {
      const type = identityNumberType(match[0]);
      if (!type) continue;
      hits.push({
        position: positionAt(source.text, match.index),
        message: { id: 'personalIdentityNumber', data: { type: { id: type === 'personnummer' ? 'typePersonnummer' : 'typeSamordningsnummer' } } },
      });
    }
    return hits;
  },
});
