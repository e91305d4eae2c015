// leanHeap(): V8 set for a small peak instead of speed, for a command that holds a whole register while it writes
// thousands of files (itreg site; bench/site.mjs, goal 100 MB on 10,011 files). Node takes V8 flags on its command
// line, which an npm-installed command cannot set, so the three that can still change in a running process are set
// here (measured on that site, README "The register as a website"):
// - the young generation stays at its first size (two 1 MB semi-spaces) instead of growing to two 16 MB ones while the
//   register is parsed, a growth that is never given back in a run of a few seconds (−17 MB);
// - no optimising compiler (TurboFan): its compilations run on V8's helper threads, whose memory and code stayed
//   (−20 MB); the interpreter and the baseline compiler took no more CPU time on this work;
// - full collections where the work has left most of its garbage, since V8 does not start one in so short a run.
// Flags that take effect only when V8 starts (--max-semi-space-size, --single-threaded-gc) crash or do nothing here.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | undefined;

/** Sets V8 for memory; returns a full garbage collection to call between phases (nothing, if V8 offers none). */
export function leanHeap(): () => void {
  if (!collector) {
    // Measured on V8 11 (Node 20). Another V8 may not know a flag, and says so on stderr, which cannot be caught.
    if (process.versions.v8.startsWith('11.')) {
      setFlagsFromString('--semi-space-growth-factor=1');
      setFlagsFromString('--no-turbofan');
    }
    // --expose-gc puts gc() into contexts made from now on; it collects the whole heap, not just that context's.
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    collector = typeof gc === 'function' ? () => (gc as () => void)() : () => {};
  }
  return collector;
}
