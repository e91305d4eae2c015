// apportion(): split an amount in integer minor units over weighted participants by the largest-remainder method, exactly.

export interface Weighted {
  readonly id: string;
  /** Relative weight: population, 1 for equal parts, or a share scaled to an integer. */
  readonly weight: bigint;
  /** Tie-break after the remainder: the larger population first (absent counts as unknown, ordered last). */
  readonly population?: number;
}

export interface Part {
  readonly id: string;
  readonly weight: bigint;
  /** The exact quota is amount × weight / totalWeight = floor + remainder / totalWeight. */
  readonly floor: bigint;
  readonly remainder: bigint;
  /** 1 when this participant got one of the leftover units, else 0. */
  readonly leftover: 0 | 1;
  readonly amount: bigint;
}

export interface Apportionment {
  readonly amount: bigint;
  readonly totalWeight: bigint;
  readonly parts: readonly Part[];
  /** How many leftover units the largest remainders received. */
  readonly leftoverUnits: bigint;
}

/**
 * Splits `amount` (integer minor units, ≥ 0) in proportion to the weights. Each part is the floor of its exact
 * quota; the units left over go one each to the largest remainders, ties to the larger population, then to the
 * id in alphabetical order. The parts always sum to `amount` and each differs from its quota by less than one unit.
 */
export function apportion(amount: bigint, participants: readonly Weighted[]): Apportionment {
  if (participants.length === 0) throw new RangeError('apportion needs at least one participant');
  if (amount < 0n) throw new RangeError('apportion needs an amount of zero or more');
  const totalWeight = participants.reduce((sum, p) => sum + p.weight, 0n);
  if (totalWeight <= 0n || participants.some((p) => p.weight < 0n)) throw new RangeError('apportion needs positive weights');
  const raw = participants.map((p) => ({
    ...p,
    floor: (amount * p.weight) / totalWeight,
    remainder: (amount * p.weight) % totalWeight,
  }));
  const leftoverUnits = amount - raw.reduce((sum, p) => sum + p.floor, 0n);
  const order = [...raw].sort(byLargestRemainder);
  const winners = new Set(order.slice(0, Number(leftoverUnits)).map((p) => p.id));
  const parts = raw.map((p) => {
    const leftover: 0 | 1 = winners.has(p.id) ? 1 : 0;
    return { id: p.id, weight: p.weight, floor: p.floor, remainder: p.remainder, leftover, amount: p.floor + BigInt(leftover) };
  });
  return { amount, totalWeight, parts, leftoverUnits };
}

function byLargestRemainder(a: { id: string; remainder: bigint; population?: number }, b: { id: string; remainder: bigint; population?: number }): number {
  if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1;
  const pa = a.population ?? -1;
  const pb = b.population ?? -1;
  if (pa !== pb) return pb - pa;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** An exact fraction. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** The exact decimal value of a YAML number (33.3 is 333/10, not the nearest binary double). */
export function decimalFraction(value: number): Fraction {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [mantissa = '0', exponentText = '0'] = String(value).toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', fractional = ''] = mantissa.replace('-', '').split('.');
  let numerator = BigInt(whole + fractional);
  let denominator = 10n ** BigInt(fractional.length);
  const exponent = Number(exponentText);
  if (exponent > 0) numerator *= 10n ** BigInt(exponent);
  if (exponent < 0) denominator *= 10n ** BigInt(-exponent);
  return { numerator: negative ? -numerator : numerator, denominator };
}

/** `value` × `scale` as an integer, or undefined when it is finer than that (12.345 kr in öre). */
export function toMinorUnits(value: number, scale: bigint): bigint | undefined {
  const { numerator, denominator } = decimalFraction(value);
  const scaled = numerator * scale;
  return scaled % denominator === 0n ? scaled / denominator : undefined;
}

/** Rounds numerator/denominator to the nearest integer, halves away from zero (numerator ≥ 0). */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** Shares as exact integers over one common denominator; their sum is exactly 100 × scale when they add up to 100. */
export function scaleShares(shares: Readonly<Record<string, number>>): { weights: Map<string, bigint>; scale: bigint } {
  const fractions = Object.entries(shares).map(([id, share]) => [id, decimalFraction(share)] as const);
  const scale = fractions.reduce((max, [, f]) => (f.denominator > max ? f.denominator : max), 1n);
  const weights = new Map(fractions.map(([id, f]) => [id, (f.numerator * scale) / f.denominator]));
  return { weights, scale };
}
