// Cost items of a year (DESIGN.md "Cost split"): investments of the year and agreements in force, with their key, weights and problems.
import { suggestion, type Message } from '../i18n/index.js';
import type { Config } from '../register/config.js';
import { firstDayInForce, impossibleTermDates, lastDayInForce, type AgreementTermsInput } from '../model/agreement-terms.js';
import { newYearsDay } from '../model/membership.js';
import type { RegisterModel } from '../model/register-model.js';
import type { JsonPath } from '../types/json-path.js';
import type { Agreement, Investment, Municipality } from '../types/entities.generated.js';
import { dayNumber, isIsoDate, isLeapYear } from '../util/dates.js';
import { nearestName } from '../util/nearest.js';
import { apportion, roundHalfUp, scaleShares, toMinorUnits, type Apportionment } from './apportion.js';

export type SplitKey = 'population' | 'equal' | 'shares';
export type CostEntity = Investment | Agreement;

export interface CostParticipant {
  readonly id: string;
  readonly name: string;
  readonly weight: bigint;
  /** Population of the reference year (or, in a preliminary split, of `populationYear`), where known. */
  readonly population?: number;
  /** The year whose population was used, for a population split. */
  readonly populationYear?: number;
  /** The agreed share in percent, for a `shares` split. */
  readonly share?: number;
}

export interface CostItem {
  readonly entity: CostEntity;
  readonly year: number;
  /** Integer minor units (kronor, or öre with rounding: ore). */
  readonly amount: bigint;
  readonly split: SplitKey;
  readonly participants: readonly CostParticipant[];
  readonly referenceYear: number;
  /** Split by an earlier year's population for at least one participant (DESIGN.md 1.1: preliminary splits). */
  readonly preliminary: boolean;
  /** For agreements: days in force during the year, of the year's days. */
  readonly days?: { readonly inForce: number; readonly inYear: number };
}

export interface CostProblem {
  readonly entity: CostEntity;
  readonly path: JsonPath;
  readonly target?: 'key' | 'value';
  readonly message: Message;
}

export function minorScale(config: Pick<Config, 'rounding'>): bigint {
  return config.rounding === 'ore' ? 100n : 1n;
}

export function referenceYear(year: number, config: Pick<Config, 'populationYear'>): number {
  return config.populationYear === 'same' ? year : year - 1;
}

/** Days of `year` on which the agreement is in force (to its current end; every day after its start when it renews tacitly). */
export function daysInForce(agreement: AgreementTermsInput, year: number): number {
  const first = Math.max(dayNumber(firstDayInForce(agreement)), dayNumber(`${year}-01-01`));
  const end = lastDayInForce(agreement);
  const last = Math.min(end ? dayNumber(end) : Infinity, dayNumber(`${year}-12-31`));
  return Math.max(0, last - first + 1);
}

/** The cost entities that count for `year`: its investments, and agreements with annualCost in force during it. */
export function costEntities(model: RegisterModel, year: number): CostEntity[] {
  const investments = model.ofKind('Investment').filter((i) => i.year === year);
  const agreements = model.ofKind('Agreement').filter((a) => a.annualCost !== undefined && daysInForce(a, year) > 0);
  return [...investments, ...agreements];
}

/** The latest year before `year` with a population, or undefined. */
function latestPopulationBefore(municipality: Municipality, year: number): number | undefined {
  const years = Object.keys(municipality.population ?? {})
    .map(Number)
    .filter((y) => Number.isInteger(y) && y < year);
  return years.length === 0 ? undefined : Math.max(...years);
}

/**
 * One entity's cost item for `year`, or the problems that stop it from being split. `warnings` are splits made by an
 * earlier population (populationFallback: latest): the item is preliminary, not wrong.
 */
export function buildCostItem(
  entity: CostEntity,
  year: number,
  model: RegisterModel,
  config: Pick<Config, 'rounding' | 'populationYear' | 'populationFallback'>,
): { item?: CostItem; problems: CostProblem[]; warnings: CostProblem[] } {
  const problems: CostProblem[] = [];
  const warnings: CostProblem[] = [];
  const problem = (path: JsonPath, message: Message, target?: 'key' | 'value'): void => {
    problems.push({ entity, path, message, ...(target ? { target } : {}) });
  };
  const scale = minorScale(config);
  const unit = config.rounding === 'ore' ? '0,01' : '1';
  const refYear = referenceYear(year, config);

  // The amount for the year, in minor units.
  let amount: bigint | undefined;
  let days: CostItem['days'];
  if (entity.kind === 'Investment') {
    amount = beyondExactOre(entity.amount) ? undefined : toMinorUnits(entity.amount, scale);
    if (beyondExactOre(entity.amount)) problem(['amount'], { id: 'amountTooLarge', data: { amount: entity.amount } });
    else if (amount === undefined) problem(['amount'], { id: 'amountTooFine', data: { amount: entity.amount, unit } });
  } else {
    const tooLarge = beyondExactOre(entity.annualCost ?? 0);
    const annual = tooLarge ? undefined : toMinorUnits(entity.annualCost ?? 0, scale);
    if (tooLarge) problem(['annualCost'], { id: 'amountTooLarge', data: { amount: entity.annualCost } });
    else if (annual === undefined) problem(['annualCost'], { id: 'amountTooFine', data: { amount: entity.annualCost, unit } });
    const inYear = isLeapYear(year) ? 366 : 365;
    days = { inForce: daysInForce(entity, year), inYear };
    amount = annual === undefined ? undefined : roundHalfUp(annual * BigInt(days.inForce), BigInt(inYear));
  }

  // A date that does not exist flows into no amount: the item is left out, naming the date (date-order finds it too).
  if (entity.kind === 'Agreement') {
    for (const { path, value } of impossibleTermDates(entity)) problem(path, { id: 'costDateDoesNotExist', data: { item: entity.name, field: fieldText(path), value } });
  }
  // Who counts as a member depends on the memberships' dates: one that does not exist decides nobody's part.
  const usesMembers = entity.participants === undefined && model.getOf('Application', entity.application) === undefined;
  if (usesMembers) {
    for (const municipality of model.ofKind('Municipality')) {
      (municipality.memberships ?? []).forEach((period, index) => {
        for (const [key, value] of [
          ['from', period.from],
          ['until', period.until],
        ] as const) {
          if (value !== undefined && !isIsoDate(value)) {
            problem([], { id: 'membershipDateDoesNotExist', data: { item: entity.name, year, municipality: municipality.name, field: `memberships[${index}].${key}`, value } });
          }
        }
      });
    }
  }

  // Who takes part: explicit participants, else the application's municipalities, else the members on 1 January of the year.
  const explicit = entity.participants;
  const app = model.getOf('Application', entity.application);
  const ids = explicit ?? app?.municipalities ?? model.members(newYearsDay(year)).map((m) => m.id);
  const participantPath = (index: number): JsonPath => (explicit ? ['participants', index] : entity.application !== undefined ? ['application'] : []);
  const municipalities: Array<Municipality | undefined> = ids.map((id, index) => {
    const municipality = model.getOf('Municipality', id);
    if (!municipality) {
      // A participant that does not exist would silently pay nothing: the item waits until the reference is fixed.
      const near = nearestName(
        id,
        model.ofKind('Municipality').map((m) => m.id),
      );
      const field = explicit ? `participants[${index}]` : `${entity.application ?? ''}: municipalities[${index}]`;
      problem(participantPath(index), { id: 'unknownReference', data: { field, id, suggestion: suggestion(near) } });
    }
    return municipality;
  });
  if (ids.length === 0) problem([], { id: 'noParticipants', data: { item: entity.name, year, date: newYearsDay(year) } });

  // The key.
  const rawSplit = entity.split ?? 'population';
  const split: SplitKey = typeof rawSplit === 'string' ? rawSplit : 'shares';
  if (split !== 'population' && entity.decision === undefined) {
    problem(['split'], { id: 'splitWithoutDecision', data: { split } });
  }
  let shareWeights = new Map<string, bigint>();
  if (typeof rawSplit === 'object') {
    const { weights, scale: shareScale } = scaleShares(rawSplit.shares);
    shareWeights = weights;
    const sum = [...weights.values()].reduce((a, b) => a + b, 0n);
    if (sum !== 100n * shareScale) {
      problem(['split', 'shares'], { id: 'sharesSum', data: { sum: formatScaled(sum, shareScale) } });
    }
    for (const id of weights.keys()) {
      if (!ids.includes(id)) problem(['split', 'shares', id], { id: 'shareNonParticipant', data: { municipality: id } }, 'key');
    }
    // A participant the shares leave out would pay a silent zero: a share of 0 says so on purpose.
    ids.forEach((id, index) => {
      const municipality = municipalities[index];
      if (municipality && !weights.has(id)) problem(['split', 'shares'], { id: 'shareMissing', data: { municipality: municipality.name } }, 'key');
    });
  }

  const participants: CostParticipant[] = [];
  ids.forEach((id, index) => {
    const municipality = municipalities[index];
    if (!municipality) return;
    let population = municipality.population?.[String(refYear)];
    let populationYear = population === undefined ? undefined : refYear;
    if (split === 'population' && population === undefined) {
      const earlier = config.populationFallback === 'none' ? undefined : latestPopulationBefore(municipality, refYear);
      if (earlier === undefined) {
        problem(participantPath(index), { id: 'missingPopulation', data: { municipality: municipality.name, year: refYear } });
      } else {
        population = municipality.population![String(earlier)];
        populationYear = earlier;
        warnings.push({ entity, path: participantPath(index), message: { id: 'populationFallback', data: { municipality: municipality.name, year: refYear, used: earlier } } });
      }
    }
    const weight = split === 'population' ? BigInt(population ?? 0) : split === 'equal' ? 1n : (shareWeights.get(id) ?? 0n);
    const share = typeof rawSplit === 'object' ? rawSplit.shares[id] : undefined;
    participants.push({
      id,
      name: municipality.name,
      weight,
      ...(population !== undefined ? { population } : {}),
      ...(split === 'population' && populationYear !== undefined ? { populationYear } : {}),
      ...(share !== undefined ? { share } : {}),
    });
  });
  if (problems.length === 0 && amount !== undefined && split !== 'population') {
    settleTies(
      amount,
      participants,
      municipalities.filter((m): m is Municipality => m !== undefined),
      refYear,
      config,
      (index, message) => {
        if (message.id === 'populationFallback') warnings.push({ entity, path: participantPath(index), message });
        else problem(participantPath(index), message);
      },
    );
  }
  if (problems.length > 0 || amount === undefined) return { problems, warnings };
  const preliminary = warnings.length > 0;
  return { item: { entity, year, amount, split, participants, referenceYear: refYear, preliminary, ...(days ? { days } : {}) }, problems, warnings };
}

/**
 * Equal and agreed-share splits need a population only where a leftover unit falls between equal remainders: the tie
 * goes to the larger population (DESIGN.md "Cost split"). For the participants of such a tie, the population of the
 * reference year is taken, else (populationFallback: latest) the latest earlier year, which makes the item
 * preliminary; with none at all the tie cannot be settled and the item waits (`report` gets the index and why).
 * `participants` is updated in place with the populations the tie-break uses.
 */
function settleTies(
  amount: bigint,
  participants: CostParticipant[],
  municipalities: readonly Municipality[],
  refYear: number,
  config: Pick<Config, 'populationFallback'>,
  report: (index: number, message: Message) => void,
): void {
  if (participants.length < 2) return;
  const { parts, leftoverUnits } = apportion(amount, participants);
  const remainders = parts.map((p) => p.remainder).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const cut = Number(leftoverUnits);
  if (cut === 0 || cut >= parts.length || remainders[cut - 1] !== remainders[cut]) return;
  const tied = remainders[cut]!;
  parts.forEach((part, index) => {
    if (part.remainder !== tied) return;
    const municipality = municipalities[index]!;
    const participant = participants[index]!;
    const known = municipality.population?.[String(refYear)];
    if (known !== undefined) {
      participants[index] = { ...participant, population: known, populationYear: refYear };
      return;
    }
    const earlier = config.populationFallback === 'none' ? undefined : latestPopulationBefore(municipality, refYear);
    if (earlier === undefined) {
      report(index, { id: 'tieBreakPopulation', data: { municipality: municipality.name, year: refYear } });
      return;
    }
    participants[index] = { ...participant, population: municipality.population![String(earlier)]!, populationYear: earlier };
    report(index, { id: 'populationFallback', data: { municipality: municipality.name, year: refYear, used: earlier } });
  });
}

/** A field's path as the messages write it: options[0].exercised. */
function fieldText(path: JsonPath): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}

export function splitCostItem(item: CostItem): Apportionment {
  return apportion(item.amount, item.participants);
}

/** The largest amount in öre that a JSON number (and YAML's reading of the amount) holds exactly: 2^53 − 1. */
export const MAX_EXACT_ORE = BigInt(Number.MAX_SAFE_INTEGER);

/** From 2^46 kronor up, two doubles lie more than an öre apart: 90,071,992,547,409.91 is read as …409.9. */
const ORE_APART_BELOW = 2 ** 46;

/**
 * An amount whose YAML number cannot hold it to the öre: öre beyond 2^53 (its parts would not sum exactly in JSON
 * either), or öre at all from 2^46 kronor (about 70 trillion), where the nearest double has already dropped one.
 * Refused (a cost-split finding), never split inexactly. Whole kronor stay exact up to 2^53 öre.
 */
export function beyondExactOre(amount: number): boolean {
  if (!Number.isFinite(amount) || Math.abs(amount) * 100 > Number.MAX_SAFE_INTEGER) return true;
  return !Number.isInteger(amount) && Math.abs(amount) >= ORE_APART_BELOW;
}

/** A scaled integer as a decimal number text, e.g. 999 with scale 10 → "99.9". */
function formatScaled(value: bigint, scale: bigint): string {
  const digits = scale.toString().length - 1;
  if (digits === 0) return value.toString();
  const text = value.toString().padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`.replace(/\.?0+$/, '');
}

/** The population year used for each participant of a population split (DESIGN.md 1.1: `populationYears`). */
export function populationYearsOf(item: CostItem): Record<string, number> {
  return Object.fromEntries(item.participants.flatMap((p) => (p.populationYear === undefined ? [] : [[p.id, p.populationYear] as const])));
}

/** The earlier years a preliminary item was split by, in order (empty for a final item). */
export function fallbackYears(item: CostItem): number[] {
  return [...new Set(item.participants.flatMap((p) => (p.populationYear !== undefined && p.populationYear !== item.referenceYear ? [p.populationYear] : [])))].sort((a, b) => a - b);
}
