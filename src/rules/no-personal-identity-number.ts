// no-personal-identity-number — a Swedish personnummer or samordningsnummer anywhere in a file, comments included.
import { findIdentityNumbers } from '../util/identity-number.js';
import { defineRule, type Hit } from './define-rule.js';
import { positionAt } from '../register/source.js';

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
    for (const { index, type } of findIdentityNumbers(source.text)) {
      hits.push({
        position: positionAt(source.text, index),
        message: { id: 'personalIdentityNumber', data: { type: { id: type === 'personnummer' ? 'typePersonnummer' : 'typeSamordningsnummer' } } },
      });
    }
    return hits;
  },
});
