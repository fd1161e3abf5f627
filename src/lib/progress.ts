// The only module that imports cli-progress.
import cliProgress from 'cli-progress';

/** A progress bar on a terminal stream: articles (files or records), megabytes, rate and time left, one pass at a time. */
export interface ProgressBar {
  update(event: { readonly phase: string; readonly files: number; readonly totalFiles: number; readonly bytes: number; readonly totalBytes: number }): void;
  stop(): void;
}

const LABELS: Record<string, string> = { read: 'reading ', match: 'matching', write: 'writing ' };

export function progressBar(stream: NodeJS.WritableStream): ProgressBar {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'newsdedup {phase} |{bar}| {percentage}% | {value}/{total} articles | {mb}/{totalMb} MB | {rate} MB/s | ETA {eta_formatted}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: string | undefined;
  let started = 0;
  return {
    update(event) {
      const mb = (event.bytes / 1e6).toFixed(1);
      const elapsed = Math.max(0.001, (performance.now() - started) / 1000);
      if (event.phase !== phase) {
        if (phase !== undefined) bar.stop();
        phase = event.phase;
        started = performance.now();
        bar.start(event.totalFiles, 0, { phase: LABELS[event.phase] ?? event.phase, mb: '0.0', totalMb: (event.totalBytes / 1e6).toFixed(1), rate: '0.0' });
      }
      bar.update(event.files, { mb, rate: (event.bytes / 1e6 / elapsed).toFixed(1) });
    },
    stop() {
      if (phase !== undefined) bar.stop();
      phase = undefined;
    },
  };
}
