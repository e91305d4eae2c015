// date-order — dates that cannot be right: an end before its start, notice before the start, an option without months,
// a plan updated or a document adopted after the date judged on, a day the calendar does not have.
import type { MessageId } from '../i18n/index.js';
import type { JsonPath } from '../types/json-path.js';
import type { Entity } from '../model/register-model.js';
import { fieldName, kinds } from '../schema/validate.js';
import { isIsoDate } from '../util/dates.js';
import { defineRule, type Hit } from './define-rule.js';

const DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;

/** Every string in the form YYYY-MM-DD that is no calendar day (2026-02-30), with its path. */
function impossibleDates(value: unknown, found: Array<{ path: JsonPath; value: string }>, path: Array<string | number> = []): void {
  // One path array, pushed and popped only to go deeper, copied only for a hit; a string is looked at where it is.
  if (typeof value === 'string') {
    if (isImpossibleDate(value)) found.push({ path: [...path], value });
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item === 'string') {
        if (isImpossibleDate(item)) found.push({ path: [...path, index], value: item });
      } else if (typeof item === 'object' && item !== null) {
        path.push(index);
        impossibleDates(item, found, path);
        path.pop();
      }
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const item: unknown = (value as Record<string, unknown>)[key];
      if (typeof item === 'string') {
        if (isImpossibleDate(item)) found.push({ path: [...path, key], value: item });
      } else if (typeof item === 'object' && item !== null) {
        path.push(key);
        impossibleDates(item, found, path);
        path.pop();
      }
    }
  }
}

/** In the form YYYY-MM-DD and no calendar day; the two dashes are looked at before the pattern. */
function isImpossibleDate(value: string): boolean {
  return value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45 && DATE_FORM.test(value) && !isIsoDate(value);
}

/** A hit when `later` lies before `earlier` (both real days). */
function before(hits: Hit[], entity: Entity, path: JsonPath, later: string | undefined, earlierPath: JsonPath, earlier: string | undefined, id: MessageId = 'dateBefore'): void {
  if (later === undefined || earlier === undefined || later >= earlier || !isIsoDate(later) || !isIsoDate(earlier)) return;
  hits.push({ entityId: entity.id, path, message: { id, data: { field: fieldName(path), value: later, other: fieldName(earlierPath), otherValue: earlier } } });
}

/** A warning when `value` lies after the date judged on. */
function future(hits: Hit[], entity: Entity, path: JsonPath, value: string, date: string): void {
  if (value > date && isIsoDate(value)) hits.push({ entityId: entity.id, path, severity: 'warning', message: { id: 'dateInFuture', data: { field: fieldName(path), value, date } } });
}

/** The order hits of one entity, added to `hits` (plain functions: every entity of a register is checked). */
function orderHits(hits: Hit[], entity: Entity, date: string): void {
  switch (entity.kind) {
    case 'Agreement':
      before(hits, entity, ['end'], entity.end, ['start'], entity.start);
      before(hits, entity, ['terminated'], entity.terminated, ['start'], entity.start);
      if (entity.options !== undefined) {
        for (let index = 0; index < entity.options.length; index++) {
          if (entity.options[index]!.months === undefined) hits.push({ entityId: entity.id, path: ['options', index], message: { id: 'optionWithoutMonths', data: { n: index + 1 } } });
        }
      }
      break;
    case 'RoleAssignment':
      before(hits, entity, ['until'], entity.until, ['from'], entity.from);
      break;
    case 'Processing':
      before(hits, entity, ['end'], entity.end, ['start'], entity.start);
      break;
    case 'Municipality':
      if (entity.memberships !== undefined) {
        for (let index = 0; index < entity.memberships.length; index++) {
          const period = entity.memberships[index]!;
          before(hits, entity, ['memberships', index, 'until'], period.until, ['memberships', index, 'from'], period.from);
        }
      }
      break;
    case 'TrainingPlan':
      future(hits, entity, ['updated'], entity.updated, date);
      break;
    case 'Document':
      future(hits, entity, ['adopted'], entity.adopted, date);
      break;
    default:
      break;
  }
}

export default defineRule({
  id: 'date-order',
  severity: 'error',
  // Each entity on its own (its dates alone decide): --changed checks again only the entities a change touched.
  appliesTo: kinds,
  docs: {
    description: {
      sv: 'Datum som inte kan stämma: slutdatum (`end`) före startdatum (`start`), `until` före `from`, uppsägning (`terminated`) före start, en option utan antal månader (`months`), ett datum som inte finns; en utbildningsplans `updated` eller ett dokuments `adopted` efter bedömningsdagen (varning).',
      en: 'Dates that cannot be right: end before start, until before from, terminated before start, an option without months, a date that does not exist; a training plan updated or a document adopted after the date (warning).',
    },
    details: {
      sv: 'Gäller avtal (`end`, `terminated`, `options`), behandlingar (`end` mot `start`), rollbemanningar och kommuners medlemskap (`until` mot `from`), och varje datum i varje fil (2026-02-30 finns inte). `updated` och `adopted` efter `--date` är varningar: planen eller beslutet har inte kommit än, eller så är datumet felskrivet.',
      en: "Covers agreements (end, terminated, options), processing activities (end against start), role assignments and municipalities' memberships (until against from), and every date in every file (2026-02-30 does not exist). updated and adopted after --date are warnings: the plan or decision has not happened yet, or the date is mistyped.",
    },
  },
  check(entity, { date }) {
    const hits: Hit[] = [];
    const impossible: Array<{ path: JsonPath; value: string }> = [];
    impossibleDates(entity, impossible);
    for (const { path, value } of impossible) hits.push({ entityId: entity.id, path, message: { id: 'dateDoesNotExist', data: { field: fieldName(path), value } } });
    orderHits(hits, entity, date);
    return hits;
  },
});
