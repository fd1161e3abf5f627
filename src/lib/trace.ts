/** With NEWSDEDUP_TRACE=1, each step's time, heap and resident memory go to stderr (for profiling). */
export const trace: (step: string, detail?: string) => void = process.env['NEWSDEDUP_TRACE'] === '1' ? makeTrace() : () => undefined;

function makeTrace() {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let lastFaults = process.resourceUsage().minorPageFault;
  // Resident memory is sampled between steps too, so that each line gives the step's peak.
  let peak = 0;
  setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100).unref();
  return (step: string, detail = ''): void => {
    const now = performance.now();
    const { rss, heapUsed } = process.memoryUsage();
    // The process's CPU time in the step, every thread's: for steps of the main thread alone, steadier than the wall time.
    const cpu = process.cpuUsage(lastCpu);
    lastCpu = process.cpuUsage();
    // Pages first touched: each costs the kernel's time (12 µs apiece on the project's virtual machine), counted in the CPU time.
    const faults = process.resourceUsage().minorPageFault;
    const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0).padStart(5);
    process.stderr.write(`newsdedup trace: ${step.padEnd(12)} ${((now - last) / 1000).toFixed(2).padStart(7)} s  cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2).padStart(6)} s  sys ${(cpu.system / 1e6).toFixed(2).padStart(5)} s  faults ${String(faults - lastFaults).padStart(7)}  heap ${mb(heapUsed)} MB  rss ${mb(rss)} MB  peak ${mb(Math.max(peak, rss))} MB  ${detail}\n`);
    last = now;
    lastFaults = faults;
    peak = 0;
  };
}
