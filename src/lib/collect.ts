/**
 * A full garbage collection on demand. V8 lets the heap grow to several times what a program
 * holds before it collects the old generation, so a large run would keep each step's garbage in
 * memory: collecting between steps keeps the peak near what the run really needs (on 1 GB of
 * news, about a third less). V8 gives no other way to ask for one than exposing `gc`.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/** The heap in use after the last collection here. */
let heapAfter = 0;

/** Collects garbage now (a few hundred milliseconds on a heap of a gigabyte). */
export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  heapAfter = getHeapStatistics().used_heap_size;
}

/**
 * Collects garbage when the heap in use has grown by `bytes` since the last collection here: within
 * a step, so that a large run's garbage does not pile up, while a small one pays nothing.
 */
export function collectGarbageIfGrown(bytes: number): void {
  if (getHeapStatistics().used_heap_size - heapAfter >= bytes) collectGarbage();
}
