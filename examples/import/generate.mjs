#!/usr/bin/env node
// Writes the example system list of Åmål (made up, but shaped like the lists municipalities keep) as
// systemforteckning.xlsx and as systemforteckning.csv the way Swedish Excel saves "CSV (semikolonavgränsad)":
// `;` between the columns, Windows-1252 text. Usage: node examples/import/generate.mjs
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

const headers = ['System', 'Leverantör', 'Produkt', 'Typ', 'Systemägare', 'Förvaltning', 'Systemförvaltare', 'Kommentar'];
const ks = 'Kommunstyrelseförvaltningen';
const soc = 'Socialförvaltningen';
const bou = 'Barn- och utbildningsförvaltningen';
const sbf = 'Samhällsbyggnadsförvaltningen';
const kof = 'Kultur- och fritidsförvaltningen';
const it = 'IT-enheten';
const vs = 'Verksamhetssystem';
const ga = 'Generell applikation';
const inf = 'Infrastruktur';
// Row 2 is the first system (row 1 holds the headers). Gaps are left empty, as in the lists people keep.
const rows = [
  ['Ekonomisystem', 'Norrsken Ekonomi AB', 'Kalkyl 7', vs, 'Ekonomichef', ks, 'Systemförvaltare ekonomi', ''],
  ['Lönesystem', 'Personalsystem Sverige AB', 'Lön Plus', vs, 'HR-chef', ks, 'Lönesamordnare', 'Gemensam lönenämnd med Säffle diskuteras'],
  ['Diariesystem', 'Arkivdata AB', 'Dokument 360', vs, 'Kanslichef', ks, 'Registrator', 'Koppling till e-arkiv planeras 2027'],
  ['Verksamhetssystem socialtjänst', 'Omsorgsdata AB', 'Omsorg Mål', vs, 'Socialchef', soc, 'Systemförvaltare socialtjänst', 'Känsliga personuppgifter'],
  ['Hemtjänstplanering', 'Omsorgsdata AB', 'Planera Hem', vs, 'Verksamhetschef äldreomsorg', soc, '', 'Systemförvaltaren gick i pension, ny ej utsedd'],
  ['Digital signering i hemtjänsten', 'Signa Nord AB', 'SignaMobil', vs, '', '', '', 'Ägarskap oklart'],
  ['Elevregister', 'Skoldata Väst AB', 'Elev 360', vs, 'Skolchef', bou, 'Systemförvaltare skola', ''],
  ['Lärplattform', 'Lärplattform Norden AB', 'Klassrum Online', vs, 'Skolchef', bou, 'IKT-pedagog', 'Grundskolan'],
  ['Förskoleplacering', 'Skoldata Väst AB', 'Placera', vs, 'Förskolechef', bou, 'Administratör förskola', ''],
  ['Skolskjutsplanering', 'Ruttplan AB', 'Skjuts', vs, 'Skolchef', bou, '', ''],
  ['Bygglovssystem', 'Byggdata AB', 'Lov Direkt', vs, 'Plan- och byggchef', sbf, 'Bygglovsadministratör', ''],
  ['GIS', 'Kartbolaget AB', 'KartWeb', vs, 'Plan- och byggchef', sbf, 'GIS-ingenjör', 'Samma produkt som Färgelanda och Mellerud'],
  ['Miljö- och hälsoskydd', 'Tillsynsdata AB', 'Tillsyn', vs, 'Miljöchef', sbf, 'Miljöinspektör', ''],
  ['VA-kundregister', 'Vattendata AB', 'VA-Kund', vs, 'VA-chef', sbf, '', ''],
  // The one error: a misspelt type that the mapping does not translate.
  ['Felanmälan fastighet', 'Fastighetsdata AB', 'Felanmälan', 'Verksamhetsystem', 'Fastighetschef', sbf, 'Fastighetsadministratör', ''],
  ['Bibliotekssystem', 'Biblioteksdata AB', 'Bibliotek 5', vs, 'Kulturchef', kof, 'Bibliotekarie', 'Delas med biblioteken i Dalsland'],
  ['Bokningssystem lokaler', 'Bokadata AB', 'Boka', vs, 'Fritidschef', kof, '', ''],
  ['E-tjänsteplattform', 'Etjänst Sverige AB', 'Självservice', ga, 'Digitaliseringschef', ks, 'E-tjänsteutvecklare', ''],
  ['Intranät', '', '', ga, 'Kommunikationschef', ks, 'Webbredaktör', 'Egenutvecklat'],
  ['Webbplats', 'Webbyrån Väst AB', 'Publicera', ga, 'Kommunikationschef', ks, 'Webbredaktör', ''],
  ['E-post och kalender', 'Molntjänst AB', 'Kontor Online', ga, 'IT-chef', it, 'Systemtekniker', ''],
  ['Ärendehantering IT-support', 'Supportdata AB', 'Helpdesk', inf, 'IT-chef', it, 'Servicedeskansvarig', ''],
  ['Katalogtjänst', '', '', inf, 'IT-chef', it, 'Systemtekniker', ''],
  ['Säkerhetskopiering', 'Backup Norden AB', 'Säkra', inf, '', it, 'Systemtekniker', 'Ingen systemägare utsedd'],
  ['Telefoni och växel', 'Telekom Väst AB', 'Växel Molnet', ga, 'IT-chef', it, 'Telefonisamordnare', 'Delas med Säffle och Årjäng'],
  ['Nämndadministration', 'Mötesdata AB', 'Möte Digital', vs, 'Kanslichef', ks, 'Nämndsekreterare', ''],
  // Kept in the list for reference; the mapping skips systems marked as retired.
  ['Gamla ekonomisystemet', 'Norrsken Ekonomi AB', 'Kalkyl 5', 'Avvecklat', 'Ekonomichef', ks, '', 'Avvecklat 2024, läsbehörighet finns kvar'],
  ['Kvalitetsledningssystem', 'Kvalitet Norden AB', 'Ledning', vs, 'Socialchef', soc, 'Kvalitetsutvecklare', ''],
  ['Fakturaportal', 'Norrsken Ekonomi AB', 'Kalkyl 7 E-faktura', vs, 'Ekonomichef', ks, 'Systemförvaltare ekonomi', ''],
  // The same name twice: the id made from it gets -2.
  ['Lärplattform', 'Lärplattform Norden AB', 'Klassrum Online', vs, 'Rektor gymnasiet', bou, 'IKT-pedagog', 'Egen instans för gymnasiet'],
];
if (rows.length !== 30) throw new Error(`expected 30 rows, got ${rows.length}`);

const workbook = new ExcelJS.Workbook();
workbook.creator = 'itreg example';
// Fixed dates, so the file only changes when the rows do.
workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 15));
const sheet = workbook.addWorksheet('Systemförteckning');
sheet.addRow(headers).font = { bold: true };
for (const row of rows) sheet.addRow(row.map((cell) => (cell === '' ? null : cell)));
sheet.columns.forEach((column, index) => {
  column.width = Math.max(headers[index].length, ...rows.map((row) => row[index].length)) + 2;
});
sheet.views = [{ state: 'frozen', ySplit: 1 }];
await workbook.xlsx.writeFile(new URL('systemforteckning.xlsx', import.meta.url));

const quote = (cell) => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const csv = [headers, ...rows].map((row) => row.map(quote).join(';')).join('\r\n') + '\r\n';
// Windows-1252 agrees with Latin-1 for every letter used here (å ä ö é); refuse anything it would not.
if (/[^\u0000-\u007f\u00a0-\u00ff]/.test(csv)) throw new Error('the CSV holds a character Windows-1252 does not have as in Latin-1');
writeFileSync(new URL('systemforteckning.csv', import.meta.url), Buffer.from(csv, 'latin1'));
