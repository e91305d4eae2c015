// leanHeap() (itreg site): the collection it returns is a real full garbage collection, not a function that does
// nothing because V8 offered no gc() — an object nothing holds is gone after it, before V8 would collect on its own.
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { leanHeap } from '../../src/util/heap.js';

describe('leanHeap', () => {
  it('returns a full collection that frees what nothing holds', async () => {
    const collect = leanHeap();
    expect(leanHeap()).toBe(collect); // set once per process
    let held: number[][] | undefined = Array.from({ length: 2000 }, (_, i) => Array.from({ length: 100 }, (_, j) => i * j));
    const ref = new WeakRef(held);
    // A WeakRef's target lives at least to the end of the job that made it.
    await new Promise((resolve) => setImmediate(resolve));
    const before = getHeapStatistics().used_heap_size;
    held = undefined;
    collect();
    expect(ref.deref()).toBeUndefined();
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 1_000_000);
  });
});
