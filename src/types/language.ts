// The languages every message, report and page exists in. A leaf: util, i18n and the rest take the type from here.
export type Language = 'sv' | 'en';
