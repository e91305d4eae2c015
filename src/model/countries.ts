// Where data may go without a chapter V safeguard: the EU/EEA (GDPR art. 44–46), by ISO 3166-1 alpha-2 code.
/** The 27 EU member states (Greece as ISO's GR, not the EU's EL) and Iceland, Liechtenstein and Norway: the 30 EEA countries. */
export const EEA_COUNTRIES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
]);

/** The country of an application or data when none is given: the municipality's own premises in Sweden. */
export const HOME_COUNTRY = 'SE';

/** Within the EU/EEA: personal data may go there as within Sweden. */
export function isInEea(country: string): boolean {
  return EEA_COUNTRIES.has(country);
}

/** A third country (GDPR chapter V): outside the EU/EEA, so a transfer there needs a safeguard. */
export function isThirdCountry(country: string): boolean {
  return !isInEea(country);
}
