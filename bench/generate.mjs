#!/usr/bin/env node
// Writes a synthetic register of 10,000 files: 2,000 applications, each with owner, administrator, operations
// agreement and training plan, a personal-data assessment and a classification (format 1.2); one record of processing
// per municipality names its applications with personal data; every 50th application has no owner.
// With --tags every file marks its id with a YAML tag (`id: !!str …`), which the plain-YAML fast path leaves to the
// yaml package: the register as slow to read as any YAML (until issue 15c this was an anchor, `id: &self …`, which
// the fast path now reads). With --defects, 1 % of the files hold a broken reference (an administrator's appointedBy
// naming an owner's assignment that does not exist, so "did you mean" searches every id) and 1 % an unknown field (a
// misspelt operatedBy). Usage: node bench/generate.mjs <dir> [apps] [--tags] [--defects]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const apps = Number(process.argv[3] ?? 2000);
if (!dir) throw new Error('usage: node bench/generate.mjs <dir> [applications]');
rmSync(dir, { recursive: true, force: true });
const tags = process.argv.includes('--tags');
const defects = process.argv.includes('--defects');
const write = (path, text) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), tags ? text.replace(/^id: /m, 'id: !!str ') : text);
};
const munis = ['bengtsfors', 'dals-ed', 'fargelanda', 'mellerud', 'amal'];
write('itreg.yaml', 'name: Benchmark\nregister: register\nlanguage: en\n');
munis.forEach((m, i) => write(`register/municipalities/${m}.yaml`, `kind: Municipality\nid: ${m}\nname: ${m}\npopulation: { 2025: ${5000 + i * 1000} }\n`));
munis.forEach((m) => write(`register/units/it-${m}.yaml`, `kind: Unit\nid: it-${m}\nname: IT ${m}\ntype: it-unit\nmunicipality: ${m}\n`));
let files = 11;
const personal = new Map(munis.map((m) => [m, []]));
for (let i = 0; i < apps; i++) {
  const id = `app-${String(i).padStart(4, '0')}`;
  const m = munis[i % 5];
  if (i % 3 === 0) personal.get(m).push(id);
  write(
    `register/applications/${id}.yaml`,
    `# yaml-language-server: $schema=../../schema/application.schema.json
kind: Application
id: ${id}
name: Application ${i}
description: A line-of-business system number ${i}, used by ${m}.
type: business
municipalities: [${m}]
personalData: ${i % 3 === 0 ? 'personal' : 'none'}
classification:
  confidentiality: ${i % 3 === 0 ? 2 : 1}
  integrity: 1
  availability: 2
  decided: 2025-09-15
  decidedBy: Förvaltningschef, ${m}
${defects && i % 20 === 2 ? 'opertedBy' : 'operatedBy'}: it-${m}
documentation:
  routines: docs/${id}/rutiner.md
  operations: docs/${id}/drift.md
`,
  );
  if (i % 50 !== 0) {
    write(`register/roles/${id}-owner.yaml`, `kind: RoleAssignment\nid: ${id}-owner\nrole: system-owner\napplication: ${id}\nholder:\n  title: Förvaltningschef\n  unit: it-${m}\nfrom: 2020-01-01\n`);
  } else {
    write(
      `register/roles/${id}-specialist.yaml`,
      `kind: RoleAssignment\nid: ${id}-specialist\nrole: specialist\napplication: ${id}\nholder:\n  title: Specialist\n  unit: it-${m}\nfrom: 2020-01-01\n`,
    );
  }
  const appointedBy = defects && i % 20 === 1 ? `appointedBy: ${id}-ownr\n` : '';
  write(
    `register/roles/${id}-admin.yaml`,
    `kind: RoleAssignment\nid: ${id}-admin\nrole: system-administrator\napplication: ${id}\nholder:\n  title: Systemförvaltare\n  unit: it-${m}\n${appointedBy}from: 2020-01-01\n`,
  );
  write(
    `register/agreements/${id}-drift.yaml`,
    `kind: Agreement\nid: ${id}-drift\nname: Driftavtal ${i}\ntype: operations\napplication: ${id}\nparties: [it-${m}]\nstart: 2020-01-01\nend: 2030-12-31\nnoticeMonths: 6\n`,
  );
  write(`register/training/${id}-plan.yaml`, `kind: TrainingPlan\nid: ${id}-plan\nname: Utbildningsplan ${i}\naudience: users\napplications: [${id}]\nupdated: 2026-01-15\n`);
  files += 5;
}
for (const m of munis) {
  write(
    `register/processing/processing-${m}.yaml`,
    `kind: Processing\nid: processing-${m}\nname: Verksamhetssystem, ${m}\ncontroller: it-${m}\npurpose: Handlägga ärenden i verksamhetens system.\nlegalBasis: [public-task]\ndataSubjects: [Invånare]\ndataCategories: [Namn och kontaktuppgifter]\nretention: Enligt dokumenthanteringsplanen.\napplications: [${personal.get(m).join(', ')}]\n`,
  );
  files++;
}
write('register/training/it-staff.yaml', 'kind: TrainingPlan\nid: it-staff\nname: IT staff\naudience: it-staff\nupdated: 2026-01-15\n');
console.log(`${files} files in ${dir}`);
