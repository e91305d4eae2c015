// The apportionment core: largest remainder, exact, with the tie-breaks of DESIGN.md.
import { describe, expect, it } from 'vitest';
import { apportion, decimalFraction, roundHalfUp, scaleShares, toMinorUnits, type Weighted } from '../../src/costs/apportion.js';

const w = (id: string, weight: number, population?: number): Weighted => ({ id, weight: BigInt(weight), ...(population !== undefined ? { population } : {}) });
const parts = (amount: number, participants: Weighted[]) => apportion(BigInt(amount), participants).parts.map((p) => [p.id, Number(p.amount)]);

describe('apportion', () => {
  it.each([
    [
      'population: the largest remainder gets the leftover',
      100,
      [w('a', 1000, 1000), w('b', 2000, 2000), w('c', 3000, 3000)],
      [
        ['a', 17],
        ['b', 33],
        ['c', 50],
      ],
    ],
    [
      'equal parts: a tie goes to the larger population',
      100,
      [w('a', 1, 1000), w('b', 1, 2000), w('c', 1, 3000)],
      [
        ['a', 33],
        ['b', 33],
        ['c', 34],
      ],
    ],
    [
      'equal parts and equal populations: the tie goes to the id first in order',
      100,
      [w('c', 1, 5), w('b', 1, 5), w('a', 1, 5)],
      [
        ['c', 33],
        ['b', 33],
        ['a', 34],
      ],
    ],
    [
      'several leftover units go to the largest remainders in turn',
      10,
      [w('a', 1, 1), w('b', 1, 2), w('c', 1, 3), w('d', 1, 4), w('e', 1, 5), w('f', 1, 6), w('g', 1, 7)],
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
        ['d', 1],
        ['e', 2],
        ['f', 2],
        ['g', 2],
      ],
    ],
    ['one participant takes all', 123457, [w('a', 9076)], [['a', 123457]]],
    [
      'a zero amount gives zero parts',
      0,
      [w('a', 1), w('b', 2)],
      [
        ['a', 0],
        ['b', 0],
      ],
    ],
    [
      'a zero weight gets nothing',
      100,
      [w('a', 0), w('b', 1), w('c', 1)],
      [
        ['a', 0],
        ['b', 50],
        ['c', 50],
      ],
    ],
    [
      'öre: 1000,00 kr over three equal parts',
      100000,
      [w('a', 1, 1), w('b', 1, 2), w('c', 1, 3)],
      [
        ['a', 33333],
        ['b', 33333],
        ['c', 33334],
      ],
    ],
  ] as const)('%s', (_name, amount, participants, expected) => {
    expect(parts(amount, [...participants])).toEqual(expected);
  });

  it('reports floors, remainders and leftover units', () => {
    const result = apportion(100n, [w('a', 1000, 1000), w('b', 2000, 2000), w('c', 3000, 3000)]);
    expect(result.totalWeight).toBe(6000n);
    expect(result.leftoverUnits).toBe(1n);
    expect(result.parts.map((p) => [p.floor, p.remainder, p.leftover])).toEqual([
      [16n, 4000n, 1],
      [33n, 2000n, 0],
      [50n, 0n, 0],
    ]);
  });

  it('refuses no participants, negative amounts and no weight', () => {
    expect(() => apportion(1n, [])).toThrow(RangeError);
    expect(() => apportion(-1n, [w('a', 1)])).toThrow(RangeError);
    expect(() => apportion(1n, [w('a', 0)])).toThrow(RangeError);
  });

  it('always sums exactly and stays within one unit of the exact quota (10 000 random cases)', () => {
    let seed = 20261126;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 10_000; run++) {
      const count = 1 + random(9);
      const participants = Array.from({ length: count }, (_, i) => w(`m${i}`, 1 + random(random(2) ? 20000 : 7), random(30000)));
      const amount = BigInt(random(2) ? random(1000) : random(2_000_000_000)) * BigInt(1 + random(100));
      const result = apportion(amount, participants);
      expect(result.parts.reduce((sum, p) => sum + p.amount, 0n)).toBe(amount);
      for (const part of result.parts) {
        // |part − amount·w/W| < 1  ⇔  |part·W − amount·w| < W
        const difference = part.amount * result.totalWeight - amount * part.weight;
        expect(difference < result.totalWeight && -difference < result.totalWeight).toBe(true);
      }
      expect(result.leftoverUnits < BigInt(count)).toBe(true);
    }
  });
});

describe('exact decimals', () => {
  it.each([
    [33.3, 333n, 10n],
    [0.1, 1n, 10n],
    [100, 100n, 1n],
    [1e21, 10n ** 21n, 1n],
    [1.5e-7, 15n, 10n ** 8n],
  ])('%s is %s/%s', (value, numerator, denominator) => {
    expect(decimalFraction(value)).toEqual({ numerator, denominator });
  });

  it('sums shares exactly: 33.4 + 33.3 + 33.3 = 100', () => {
    const { weights, scale } = scaleShares({ a: 33.4, b: 33.3, c: 33.3 });
    expect([...weights.values()].reduce((a, b) => a + b, 0n)).toBe(100n * scale);
    expect(0.1 + 0.2).not.toBe(0.3); // what floating point would have done
  });

  it('converts to minor units or refuses what is finer', () => {
    expect(toMinorUnits(1234.5, 100n)).toBe(123450n);
    expect(toMinorUnits(1234.5, 1n)).toBeUndefined();
    expect(toMinorUnits(0.29, 100n)).toBe(29n); // 0.29 * 100 is 28.999999999999996 in floating point
  });

  it('rounds halves up', () => {
    expect([roundHalfUp(5n, 2n), roundHalfUp(7n, 3n), roundHalfUp(8n, 3n), roundHalfUp(0n, 9n)]).toEqual([3n, 2n, 3n, 0n]);
  });
});
