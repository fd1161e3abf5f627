import { describe, expect, it } from 'vitest';
import type { Executor } from '../src/executor.js';
import { runInOrder } from '../src/executor.js';

/** An executor of one thread whose tasks the test settles by hand, in any order. */
function manualExecutor() {
  const tasks: { input: unknown; resolve: (output: unknown) => void; reject: (error: Error) => void }[] = [];
  const executor: Executor = {
    threads: 1,
    pooled: false,
    run: ((_name: string, input: unknown) => new Promise<unknown>((resolve, reject) => tasks.push({ input, resolve, reject }))) as Executor['run'],
    rest: async () => undefined,
    close: async () => undefined,
  };
  return { executor, tasks };
}

/** Lets every promise callback that is ready run. */
const settle = () => new Promise((done) => setImmediate(done));

describe('runInOrder', () => {
  it('draws items only as tasks start, at most inFlight ahead, and takes outputs in item order whatever order tasks end in', async () => {
    const { executor, tasks } = manualExecutor();
    const events: string[] = [];
    function* items(): Generator<number> {
      for (let i = 0; i < 5; i += 1) {
        events.push(`draw ${i}`);
        yield i;
      }
    }
    const running = runInOrder(executor, 'verify', items(), (i) => ({ i }) as never, (output, i) => events.push(`take ${i}: ${String(output)}`), 2);
    expect(events).toEqual(['draw 0', 'draw 1']);
    // The second task ends first: nothing is taken until the first has.
    tasks[1]!.resolve('one');
    await settle();
    expect(events).toEqual(['draw 0', 'draw 1']);
    tasks[0]!.resolve('zero');
    await settle();
    expect(events).toEqual(['draw 0', 'draw 1', 'draw 2', 'take 0: zero', 'draw 3', 'take 1: one']);
    for (const task of tasks.slice(2)) task.resolve(`t${String((task.input as { i: number }).i)}`);
    await settle();
    tasks[4]?.resolve('t4');
    await running;
    expect(events.slice(6)).toEqual(['draw 4', 'take 2: t2', 'take 3: t3', 'take 4: t4']);
  });

  it('fails with a task’s error only once the tasks started with it have settled, and starts no more', async () => {
    const { executor, tasks } = manualExecutor();
    let drawn = 0;
    function* items(): Generator<number> {
      for (let i = 0; i < 10; i += 1) {
        drawn += 1;
        yield i;
      }
    }
    let outcome = 'pending';
    const running = runInOrder(executor, 'verify', items(), (i) => ({ i }) as never, () => undefined, 3).then(
      () => (outcome = 'done'),
      (error: Error) => (outcome = error.message),
    );
    tasks[0]!.reject(new Error('disk full'));
    await settle();
    // Two tasks are still running: the failure waits for them.
    expect(outcome).toBe('pending');
    tasks[1]!.resolve('one');
    tasks[2]!.reject(new Error('also failed'));
    await running;
    expect(outcome).toBe('disk full');
    expect(drawn).toBe(3);
    expect(tasks).toHaveLength(3);
  });
});
