// The command-line help in Swedish: commander's texts by their English wording in program.ts. A test checks that
// every description there has an entry here.

export const helpSv: Readonly<Record<string, string>> = {
  // Commander's own words.
  'Usage:': 'Användning:',
  'Options:': 'Flaggor:',
  'Commands:': 'Kommandon:',
  'Arguments:': 'Argument:',
  'Global Options:': 'Globala flaggor:',
  'Examples:': 'Exempel:',
  'display help for command': 'visa hjälp för kommandot',
  'print the version': 'visa versionen',
  // The program.
  'Lint, cost split and reports over the git-versioned IT governance register of a municipal cooperation.':
    'Kontroller, kostnadsfördelning och rapporter för det git-versionerade IT-styrningsregistret i en kommunal samverkan.',
  'run as if started in <dir>': 'kör som om itreg startats i <mapp>',
  'use this itreg.yaml instead of searching upwards': 'använd denna itreg.yaml i stället för att söka uppåt',
  "language of messages and reports (default: itreg.yaml's)": 'språk för meddelanden och rapporter (standard: det i itreg.yaml)',
  'never colour the output': 'aldrig färg i utskriften',
  'show stack traces of internal errors': 'visa stackspår för interna fel',
  'output format': 'utdataformat',
  'write to a file instead of stdout': 'skriv till en fil i stället för stdout',
  'judge on this date (default: today)': 'bedöm per detta datum (standard: i dag)',
  // lsp
  'run the language server (LSP over stdin and stdout) for editors: lint findings as you type, hover, go to definition and completion of references':
    'kör språkservern (LSP över stdin och stdout) för textredigerare: kontrollens fynd medan du skriver, information vid pekaren, gå till definition och komplettering av hänvisningar',
  'talk over stdin and stdout (the default and only transport; accepted for clients that pass it)': 'tala över stdin och stdout (standard och enda sättet; godtas för klienter som anger det)',
  '(logs the time each change takes, on stderr)': '(loggar tiden varje ändring tar, på stderr)',
  // lint
  'check the register against the schemas and the IT policy rules': 'kontrollera registret mot scheman och IT-policyns regler',
  'report only findings in these files or folders (the whole register is still loaded)': 'rapportera bara fynd i dessa filer eller mappar (hela registret läses ändå)',
  'report what the changes since --base broke: findings in changed files (committed, staged, unstaged, untracked) and new findings elsewhere':
    'rapportera vad ändringen mot --base förstörde: fynd i ändrade filer (incheckade, köade, ändrade, ospårade) och nya fynd i andra filer',
  'judge the commit about to be made, as the git hook does: the staged files against HEAD; changes not staged and untracked files are left out':
    'bedöm incheckningen som är på väg, som git-kroken gör: de köade filerna mot HEAD; ändringar som inte är köade och ospårade filer räknas inte',
  'as the pre-commit framework runs it: --changed --base HEAD, and the file names given count as changed (all of them: the whole register); names outside the register are left out':
    'som ramverket pre-commit kör den: --changed --base HEAD, och de filnamn som ges räknas som ändrade (alla: hela registret); namn utanför registret hoppas över',
  'with --changed: compare with the merge base of this ref (default: the upstream branch, else HEAD)':
    'med --changed: jämför med sammanslagningsbasen för denna ref (standard: uppströmsgrenen, annars HEAD)',
  'judge "current" and "overdue" on this date (default: today)': 'bedöm "gällande" och "försenad" per detta datum (standard: i dag)',
  'report errors only': 'rapportera bara fel',
  'write the report to a file instead of stdout': 'skriv rapporten till en fil i stället för stdout',
  'exit 1 when there are more warnings than this': 'avsluta med 1 när varningarna är fler än så',
  "override a rule's severity (off, warning, error); repeatable": 'ändra en regels allvarlighetsgrad ("off", "warning" eller "error"); kan upprepas',
  'keep parse results by content hash, so unchanged files are not parsed again': 'spara tolkningsresultat per innehållshash, så att oförändrade filer inte tolkas igen',
  'where --cache keeps them (default: node_modules/.cache/itreg/ below itreg.yaml)': 'var --cache sparar dem (standard: node_modules/.cache/itreg/ under itreg.yaml)',
  // rules
  'list the rules with their severities and the policy text each enforces': 'lista reglerna med allvarlighetsgrad och den policytext var och en upprätthåller',
  'show one rule in full': 'visa en regel i sin helhet',
  // costs
  "split the year's shared costs over the municipalities, by population unless agreed otherwise": 'fördela årets gemensamma kostnader på kommunerna, efter befolkning om inget annat har avtalats',
  'the budget year (default: this year)': 'budgetåret (standard: i år)',
  'one row per item, or per municipality': 'en rad per post, eller per kommun',
  "one municipality's bill: each item, its key and the share behind the amount": 'en kommuns kostnadsbesked: varje post, dess nyckel och andelen bakom beloppet',
  'how one item was split: weights, exact quotas, floors, remainders, leftover units': 'hur en post fördelades: vikter, exakta kvoter, avrundning nedåt, rester, överblivna enheter',
  'record every current finding in itreg-suppressions.json as the starting line (exit 0); later runs report only the rest':
    'spara alla nuvarande fynd i itreg-suppressions.json som startläge (slutkod 0); senare körningar rapporterar bara resten',
  'remove the entries of itreg-suppressions.json whose finding is gone': 'ta bort posterna i itreg-suppressions.json vars fynd inte längre finns',
  'make the fixes that cannot change a meaning (damaged text, a file named after its id, the schema line), then report what remains':
    'gör de rättelser som inte kan ändra en betydelse (skadad text, en fil uppkallad efter sitt id, schemaraden) och rapportera sedan det som återstår',
  'print the fixes --fix would make as a unified diff; write nothing': 'skriv ut rättelserna som --fix skulle göra som en unified diff; skriv inga filer',
  'lint the text on standard input as the file --stdin-filename names': 'granska texten på standard in som filen --stdin-filename namnger',
  'the register file the text on standard input is linted as': 'registerfilen som texten på standard in granskas som',
  'print the configuration in force as JSON (every rule with its severity and options) and lint nothing':
    'skriv ut inställningarna som gäller som JSON (varje regel med allvarlighetsgrad och inställningar) och granska inget',
  // import
  'fill the register from this spreadsheet (.xlsx or .csv) instead of the examples; needs --map': 'fyll registret från detta kalkylblad (.xlsx eller .csv) i stället för med exemplen; kräver --map',
  'with --from: the mapping (see itreg import --help)': 'med --from: mappningen (se itreg import --help)',
  'with --from: what each row becomes (default: kind in the mapping)': 'med --from: vad varje rad blir (standard: fältet "kind" i mappningen)',
  'with --from: the sheet of an .xlsx file': 'med --from: bladet i en .xlsx-fil',
  'with --from: make the units the sheet names (see itreg import --help)': 'med --from: skapa enheterna som bladet nämner (se itreg import --help)',
  'entities from a spreadsheet the cooperation already keeps (.xlsx or .csv): one file per new row, never overwriting; with --update, the changed cells of a sheet from export --map':
    'entiteter från ett kalkylblad som samverkan redan har (.xlsx eller .csv): en fil per ny rad, skriver aldrig över; med --update de ändrade cellerna i ett blad från export --map',
  'the .xlsx or .csv file (CSV: UTF-8 or Windows-1252, ; or , between the columns)': '.xlsx- eller .csv-filen (CSV: UTF-8 eller Windows-1252, ; eller , mellan kolumnerna)',
  'the mapping: column → field, value translations, constants, ids, rows to skip': 'mappningen: kolumn → fält, värdeöversättningar, fasta värden, id, rader att hoppa över',
  'what each row becomes (default: kind in the mapping), e.g. application': 'vad varje rad blir (standard: fältet "kind" i mappningen), t.ex. "application"',
  "the sheet of an .xlsx file (default: the mapping's, else the first)": 'bladet i en .xlsx-fil (standard: mappningens, annars det första)',
  'write nothing; report what would be written, changed, skipped and refused': 'skriv inget; visa vad som skulle skrivas, ändras, hoppas över och vägras',
  'the "from" date of the roles a row creates, and the day a replaced role ends (default: today)': '"from"-datum för rollerna en rad skapar, och dagen då en ersatt roll upphör (standard: i dag)',
  'rows from itreg export --map: change the existing files where a cell was changed (only the mapped fields)':
    'rader från itreg export --map: ändra de befintliga filerna där en cell har ändrats (bara de mappade fälten)',
  "make a unit (a department of the row's municipality) that a cell names and the register lacks": 'skapa en enhet (en förvaltning i radens kommun) som en cell nämner och registret saknar',
  'Exit codes: 0 every row imported, changed, unchanged or skipped, 1 a row could not be imported or was in conflict, 2 a wrong option, file or mapping.':
    'Slutkoder: 0 alla rader importerade, ändrade, oförändrade eller överhoppade, 1 en rad kunde inte importeras eller var i konflikt, 2 fel flagga, fil eller mappning.',
  // new
  'write a new entity file from the schema, with the schema line for editor completion': 'skriv en ny registerfil utifrån schemat, med schemaraden för komplettering i editorn',
  'Municipality, Unit, Application, RoleAssignment, Agreement, TrainingPlan, Investment, Document, Processing or Supplier':
    'posttypen, som i fältet "kind": "Municipality", "Unit", "Application", "RoleAssignment", "Agreement", "TrainingPlan", "Investment", "Document", "Processing" eller "Supplier"',
  'the new id (lower-case letters, digits, hyphens); the file is <id>.yaml': 'det nya id:t (gemena bokstäver, siffror, bindestreck); filen blir <id>.yaml',
  'a field value (dotted keys for nested fields; the value is read as a YAML scalar or [list])': 'ett fältvärde (punktnotation för nästlade fält; värdet läses som en YAML-skalär eller [lista])',
  "write into this folder instead of the kind's conventional one": 'skriv i den här mappen i stället för posttypens vanliga mapp',
  // init
  "the itreg the register's package.json pins: a version, a git URL, a tarball or a folder (default: this itreg, copied into vendor/)":
    'den itreg som registrets package.json låser: en version, en git-URL, ett tarball-paket eller en mapp (standard: denna itreg, kopierad till vendor/)',
  "let the repository's itreg pre-commit hook check this register instead of the one it checks":
    'låt repots pre-commit-krok för itreg kontrollera det här registret i stället för det den kontrollerar',
  'create a new register: itreg.yaml, one example per kind, the schemas, a package.json pinning itreg, CI files and the pre-commit hook':
    'skapa ett nytt register: itreg.yaml, ett exempel av varje posttyp, scheman, en package.json som låser itreg, CI-filer och pre-commit-kroken',
  'the folder (default: the working folder); existing files are never overwritten': 'mappen (standard: arbetsmappen); befintliga filer skrivs aldrig över',
  "the cooperation's name in itreg.yaml (default: the folder name)": 'samverkans namn i itreg.yaml (standard: mappens namn)',
  // hook
  'install or remove the git pre-commit hook that runs itreg lint --staged': 'installera eller ta bort git-kroken (pre-commit) som kör itreg lint --staged',
  'install or uninstall': 'install eller uninstall',
  "replace another tool's pre-commit hook": 'ersätt ett annat verktygs pre-commit-krok',
  // report
  "the yearly policy report, an application sheet, a municipality's cost statement or the record of processing (Markdown, HTML with charts, PDF)":
    'årsrapporten om IT-policyn, ett applikationsblad, en kommuns kostnadsbesked eller registerförteckningen över personuppgiftsbehandlingar (Markdown, HTML med diagram, PDF)',
  'yearly, application, costs, processing, or the path of your own .hbs template': '"yearly", "application", "costs", "processing" eller sökvägen till en egen .hbs-mall',
  'the controller (a unit), for the record of processing (report processing)': 'den personuppgiftsansvarige (en enhet), för registerförteckningen (`report processing`)',
  'the year reported on (default: the year of --date)': 'året som rapporteras (standard: året för --date)',
  'judge the register on this date (default: today; 31 December for a past year)': 'bedöm registret per detta datum (standard: i dag; 31 december för ett tidigare år)',
  'write to this file (required for pdf; default stdout)': 'skriv till denna fil (krävs för pdf; annars stdout)',
  'the same as --output': 'samma som --output',
  'the application, for the application sheet': 'applikationen, för applikationsbladet',
  'the municipality: its cost statement (report costs), or the yearly report of its applications and its bill (report yearly)':
    'kommunen: dess kostnadsbesked (report costs), eller årsrapporten för dess applikationer och dess del av kostnaderna (report yearly)',
  "refuse preliminary items (split by an earlier year's population): exit 2": 'vägra preliminära poster (fördelade efter ett tidigare års befolkning): avslutningskod 2',
  'render even when cost items cannot be split: a banner on the first page lists what is left out':
    'skriv rapporten även när kostnadsposter inte kan fördelas: en banderoll på första sidan visar vad som saknas',
  // opportunities
  "collaboration candidates by the policy's four triggers (agreements running out, poor fit, competence risk, the same product)":
    'kandidater för samverkan enligt policyns fyra skäl (avtal på väg ut, dålig passform, kompetensrisk, samma produkt)',
  'horizon for notice deadlines': 'horisont i månader för sista uppsägningsdagar',
  // list
  'list the entities of one kind, filtered and sorted': 'lista registrets poster av en typ, filtrerade och sorterade',
  'municipalities, units, applications, roles, agreements, training, investments, documents, processing or suppliers':
    'posttypen, som mappnamnet i registret: `municipalities`, `units`, `applications`, `roles`, `agreements`, `training`, `investments`, `documents`, `processing` eller `suppliers`',
  'keep entities whose (dotted) field has this value; several are ANDed': 'behåll entiteter vars fält (punktnotation) har detta värde; flera måste alla gälla',
  'sort by this (dotted) field': 'sortera efter detta fält (punktnotation)',
  // show
  'one entity and everything that refers to it: roles, agreements, plans, costs, findings, exceptions': 'en entitet och allt som hänvisar till den: roller, avtal, planer, kostnader, fynd, undantag',
  "the entity's id": 'entitetens id',
  // history
  'what changed in the register, per entity, with date, author and the fields that changed (from git)':
    'vad som har ändrats i registret, per entitet, med datum, författare och ändrade fält (från git)',
  'one entity, and the entities that refer to it': 'en entitet, och de entiteter som hänvisar till den',
  'changes from this date': 'ändringar från och med detta datum',
  'changes up to this date': 'ändringar till och med detta datum',
  // calendar
  'every coming deadline as an iCalendar file: notice deadlines, agreement ends, reviews, restore tests, exception ends, introductions':
    'alla kommande datum som en iCalendar-fil: sista uppsägningsdagar, avtalsslut, översyner, återläsningstester, undantagens slut, införanden',
  'deadlines from this date (default: today)': 'datum från och med detta (standard: i dag)',
  'only deadlines that concern this municipality': 'bara datum som rör denna kommun',
  'only deadlines of applications whose system owner sits in this unit': 'bara datum för applikationer vars systemägare finns i denna enhet',
  // export
  "the register as one JSON document or one CSV per kind, for publication and other tools; with --map, a spreadsheet in the municipality's own layout":
    'registret som ett JSON-dokument eller en CSV-fil per posttyp, för publicering och andra verktyg; med --map ett kalkylblad i kommunens egen uppställning',
  "output format (default: json; with --map, from the --output file's extension)": 'utdataformat (standard: json; med --map efter --output-filens ändelse)',
  'an import mapping: write its kind in its columns, with itreg-id and itreg-digest, for import --update':
    'en importmappning: skriv dess posttyp i dess kolumner, med itreg-id och itreg-digest, för import --update',
  "the day judged (default: today): the agreements' states and the parts in the JSON's views; with --map, the owner and administrator of that day":
    'dagen som bedöms (standard: i dag): avtalens läge och kommunernas delar i JSON-fältet views; med --map, systemägare och systemförvaltare den dagen',
  'remove personal names (holder.name), notes and personal identity numbers, and say what was removed': 'ta bort personnamn (holder.name), anteckningar och personnummer, och säg vad som togs bort',
  'with --format csv: the folder for the CSV files': 'med --format csv: mappen för CSV-filerna',
  'with --format json: write to a file instead of stdout; with --map: the .xlsx or .csv file to write':
    'med --format json: skriv till en fil i stället för stdout; med --map: .xlsx- eller .csv-filen som ska skrivas',
  // site
  'the register as a static website for people who never use git: searchable, a page per application, municipality, unit, agreement and document':
    'registret som en statisk webbplats för dem som aldrig använder git: sökbar, en sida per applikation, kommun, enhet, avtal och dokument',
  'the folder to write the site to (replaced if itreg made it)': 'mappen som webbplatsen skrivs till (ersätts om itreg har gjort den)',
  'remove personal names (holder.name), notes and personal identity numbers, as export --redact': 'ta bort personnamn (holder.name), anteckningar och personnummer, som export --redact',
  'a "propose a change" link to each entity\'s file: a URL with {path}': 'en länk "Föreslå ändring" till varje posts fil: en URL med {path}',
  // suppliers, incident
  'each supplier with the applications that depend on it (as vendor, agreement party or sub-processor), highest consequence first; a concentration is named at the top':
    'varje leverantör med applikationerna som beror på den (som leverantör, avtalspart eller underbiträde), högsta konsekvens först; en koncentration nämns överst',
  'one supplier': 'en leverantör',
  "what an incident at a supplier or in an application affects, who owns it, and the deadlines to report it (CSIRT, IMY) in the register's time zone":
    'vad en incident hos en leverantör eller i en applikation berör, vem som äger det och när den senast ska rapporteras (CSIRT, IMY) i registrets tidszon',
  'the supplier where the incident happened': 'leverantören där incidenten inträffade',
  'the application where the incident happened': 'applikationen där incidenten inträffade',
  "when it was detected: 2026-03-28T10:00 in the register's time zone, or with Z or an offset": 'när den upptäcktes: 2026-03-28T10:00 i registrets tidszon, eller med Z eller en tidsförskjutning',
};

export const examplesSv = `
Exempel:
  $ itreg lint                                   kontrollera hela registret (avslutar med 1 vid fel)
  $ itreg lint register/applications --quiet     bara fel, bara i den mappen
  $ itreg lint --format json --date 2026-12-31   fynden som JSON, bedömda per ett visst datum
  $ itreg rules                                  alla regler och policytexten de upprätthåller
  $ itreg rules agreement-expiry                 en regel i sin helhet
  $ itreg costs --year 2026                      gemensamma kostnader fördelade efter befolkning
  $ itreg opportunities                          var samverkan är aktuell, enligt policyns skäl
  $ itreg show gis                               en applikation med roller, avtal, kostnader och fynd
  $ itreg report yearly --format pdf --out r.pdf årsrapporten om IT-policyn till nämnderna

Avslutningskoder: 0 lyckat, 1 lint hittade fel (eller för många varningar), 2 fel i användning, konfiguration eller internt fel.
`;

/**
 * Commander's placeholders in Swedish, for the usage line and the option and argument terms ("[options]",
 * "[paths...]", "<dir>"). A placeholder not listed stays as it is; add new ones here.
 */
const placeholdersSv: Readonly<Record<string, string>> = {
  options: 'flaggor',
  command: 'kommando',
  paths: 'sökvägar',
  kind: 'posttyp',
  dir: 'mapp',
  folder: 'mapp',
  file: 'fil',
  lang: 'språk',
  name: 'namn',
  action: 'åtgärd',
  template: 'mall',
  year: 'år',
  view: 'vy',
  item: 'post',
  application: 'applikation',
  field: 'fält',
  'field=value': 'fält=värde',
  'key=value': 'nyckel=värde',
  'id=severity': 'id=allvarlighetsgrad',
  'YYYY-MM-DD': 'ÅÅÅÅ-MM-DD',
  'date-time': 'datum-tid',
};

/** "[options]" → "[flaggor]", "<dir>" → "<mapp>", "[paths...]" → "[sökvägar...]", and a bare argument name ("kind"). */
export function translatePlaceholders(text: string): string {
  const word = (name: string) => placeholdersSv[name] ?? name;
  if (Object.hasOwn(placeholdersSv, text)) return word(text);
  return text.replace(/([[<])([^\]>]+?)(\.\.\.)?([\]>])/g, (_whole, open: string, name: string, dots: string | undefined, close: string) => `${open}${word(name)}${dots ?? ''}${close}`);
}
