/**
 * Where shard tasks run: in this thread, or in a pool of worker threads (piscina). Both run the
 * same functions of `worker.ts` and the pipeline takes their results in shard order, so the output
 * does not depend on which executor ran, or on how many threads it had.
 */
import { availableParallelism } from 'node:os';
import type * as Tasks from './worker.js';
import * as inProcess from './worker.js';

type TaskName = 'scan' | 'gather' | 'verify' | 'apply';
type Input<Name extends TaskName> = Parameters<(typeof Tasks)[Name]>[0];
type Output<Name extends TaskName> = Awaited<ReturnType<(typeof Tasks)[Name]>>;

export interface Executor {
  /** Threads that run tasks (1 for in-process). */
  readonly threads: number;
  /** True when tasks run in this executor's own worker threads, whose results may move rather than copy (see `worker.ts`'s `movedTo`). */
  readonly pooled: boolean;
  run<Name extends TaskName>(name: Name, input: Input<Name>): Promise<Output<Name>>;
  /**
   * Lets the threads and their heaps go until the next task, which starts them again: for the
   * corpus-wide steps of a large run, which use none.
   */
  rest(): Promise<void>;
  /** Stops the threads; calling it again does nothing. */
  close(): Promise<void>;
}

/** Runs every task in this thread, one at a time, so that only one shard's texts are in memory. */
export function inProcessExecutor(): Executor {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    threads: 1,
    pooled: false,
    run(name, input) {
      const task = inProcess[name] as (input: unknown) => unknown;
      const result = queue.then(() => task(input));
      queue = result.catch(() => undefined);
      return result as never;
    },
    async rest() {},
    async close() {},
  };
}

/** Runs tasks in `threads` worker threads. The worker module is the built `worker.js` beside this file. */
export async function poolExecutor(threads: number): Promise<Executor> {
  const { Piscina } = await import('piscina');
  const start = () =>
    new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      // Tasks are shards of a few hundred files; a deep queue only holds their results in memory.
      idleTimeout: 1000,
      // Every task started is handed to a thread at once, rather than when this thread next takes
      // a result: a thread never waits for this one (a shard's texts to copy, a collection, a
      // report to measure). How many are started is `runInOrder`'s to say.
      concurrentTasksPerWorker: 1 << 16,
    });
  let pool: InstanceType<typeof Piscina> | undefined = start();
  let closing: Promise<void> | undefined;
  // Pools let go by `rest`, still winding down.
  const stopping: Promise<void>[] = [];
  return {
    threads,
    pooled: true,
    run(name, input) {
      if (closing !== undefined) return Promise.reject(new Error('the worker pool is closed'));
      pool ??= start();
      return pool.run(input, { name }) as never;
    },
    async rest() {
      // The threads wind down on their own while this thread goes on; `close` waits for them.
      const resting = pool?.destroy();
      pool = undefined;
      if (resting !== undefined) stopping.push(resting.catch(() => undefined));
    },
    async close() {
      const last = pool;
      pool = undefined;
      closing ??= Promise.all([last?.destroy(), ...stopping]).then(() => undefined);
      await closing;
    },
  };
}

/** The number of worker threads used when none is asked for: one per core. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** Tasks in flight per thread, by default: enough to keep every thread busy, few enough that results never pile up. */
const TASKS_PER_THREAD = 3;

/**
 * Runs task `name` once per item, a few per thread at a time, and hands each output to `take` in
 * item order. An item's input is made only when its task starts, and an item is drawn from
 * `items` only then, so a pass over a large corpus holds a few shards' inputs and outputs at a
 * time, never all of them, and a generator's items start as they come. `inFlight` tasks at most
 * are started at a time (by default a few a thread; more let this thread work on, after the call
 * returns its promise, while the threads do). When a task fails, the call fails with its error
 * once the tasks started with it have settled, and no more start.
 */
export async function runInOrder<Name extends TaskName, T>(
  executor: Executor,
  name: Name,
  items: Iterable<T>,
  input: (item: T) => Input<Name>,
  take: (output: Output<Name>, item: T) => void,
  inFlight = executor.threads * TASKS_PER_THREAD,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const pending: { readonly task: Promise<Output<Name>>; readonly item: T }[] = [];
  const start = (): boolean => {
    const next = iterator.next();
    if (next.done === true) return false;
    const task = executor.run(name, input(next.value));
    // Awaited in order below; marked handled now so that an early failure is not reported twice.
    task.catch(() => undefined);
    pending.push({ task, item: next.value });
    return true;
  };
  while (pending.length < inFlight && start());
  for (let first = pending.shift(); first !== undefined; first = pending.shift()) {
    let output: Output<Name>;
    try {
      output = await first.task;
    } catch (error) {
      // The tasks already started finish before the failure is told, so that none of them still
      // writes once the caller has cleaned up after it (an output folder removed, then made again).
      await Promise.allSettled(pending.map(({ task }) => task));
      throw error;
    }
    start();
    take(output, first.item);
  }
}
