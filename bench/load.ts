/**
 * The load generator: N workers take numbered jobs from one counter until the request budget is
 * spent or the time cap passes (in-flight jobs then finish, each bounded by its own request
 * timeouts). Every job is timed; server CPU and memory are read from /proc around the run.
 */
import { cpuSeconds, memory } from "./proc.ts";

export type JobOutcome = {
  ok: boolean;
  /** Bytes of response bodies received. */
  bytes?: number;
  error?: string;
  /** Milliseconds spent in named steps (multi-request flows). */
  steps?: Record<string, number>;
};

export type Job = (index: number) => Promise<JobOutcome>;

export type LoadOptions = {
  name: string;
  concurrency: number;
  requests: number;
  durationMs: number;
  /** Unmeasured jobs run first (with indexes after the measured ones). */
  warmup?: number;
  /** Report MB/s (for downloads). */
  throughput?: boolean;
  /** Wording for the rate column: "req", "purchase", "download". */
  unit?: string;
};

export type LoadResult = {
  name: string;
  unit: string;
  concurrency: number;
  planned: number;
  completed: number;
  errors: number;
  /** Error messages (with counts) in the order they first happened, at most five kinds. */
  errorKinds?: Record<string, number>;
  cappedByTime: boolean;
  elapsedSeconds: number;
  perSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  megabytesPerSecond?: number;
  bytes: number;
  stepsP50Ms?: Record<string, number>;
  serverCpuPercent: number;
  benchCpuPercent: number;
  /** Server RSS at the end, and the highest value sampled every 100 ms during the run. */
  serverRssMiB: number;
  serverRssPeakMiB: number;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

async function pool(concurrency: number, count: number, deadline: number, run: (i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < count && performance.now() < deadline) await run(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return next;
}

export async function runLoad(serverPid: number, options: LoadOptions, job: Job): Promise<LoadResult> {
  const warmup = options.warmup ?? 0;
  if (warmup > 0) {
    await pool(Math.min(2, options.concurrency), warmup, performance.now() + 5_000, async (i) => {
      await job(options.requests + i).catch(() => undefined);
    });
  }

  const latencies: number[] = [];
  const steps = new Map<string, number[]>();
  let errors = 0;
  const errorKinds = new Map<string, number>();
  let bytes = 0;
  const serverCpuBefore = cpuSeconds(serverPid);
  const benchCpuBefore = process.cpuUsage();
  let rssPeak = memory(serverPid).rssMiB;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, memory(serverPid).rssMiB);
  }, 100);
  const started = performance.now();
  const deadline = started + options.durationMs;

  const attempted = await pool(options.concurrency, options.requests, deadline, async (index) => {
    const t0 = performance.now();
    let outcome: JobOutcome;
    try {
      outcome = await job(index);
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const ms = performance.now() - t0;
    bytes += outcome.bytes ?? 0;
    if (!outcome.ok) {
      errors++;
      const kind = outcome.error ?? "failed";
      if (errorKinds.has(kind) || errorKinds.size < 5) errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
      return;
    }
    latencies.push(ms);
    for (const [step, stepMs] of Object.entries(outcome.steps ?? {})) {
      const list = steps.get(step) ?? [];
      list.push(stepMs);
      steps.set(step, list);
    }
  });

  const elapsedSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const rssEnd = memory(serverPid).rssMiB;
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const serverCpu = cpuSeconds(serverPid) - serverCpuBefore;
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((sum, value) => sum + value, 0) / (latencies.length || 1);
  const stepsP50Ms =
    steps.size > 0
      ? Object.fromEntries(
          [...steps].map(([step, list]) => [
            step,
            round(
              percentile(
                [...list].sort((a, b) => a - b),
                50,
              ),
            ),
          ]),
        )
      : undefined;

  return {
    name: options.name,
    unit: options.unit ?? "req",
    concurrency: options.concurrency,
    planned: options.requests,
    completed: latencies.length,
    errors,
    errorKinds: errorKinds.size > 0 ? Object.fromEntries(errorKinds) : undefined,
    cappedByTime: attempted < options.requests,
    elapsedSeconds: round(elapsedSeconds, 2),
    perSecond: round(latencies.length / elapsedSeconds, 1),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      mean: round(mean),
      max: round(latencies.at(-1) ?? Number.NaN),
    },
    megabytesPerSecond: options.throughput ? round(bytes / 1e6 / elapsedSeconds, 1) : undefined,
    bytes,
    stepsP50Ms,
    serverCpuPercent: Math.round((serverCpu / elapsedSeconds) * 100),
    benchCpuPercent: Math.round(((benchCpu.user + benchCpu.system) / 1e6 / elapsedSeconds) * 100),
    serverRssMiB: round(rssEnd, 0),
    serverRssPeakMiB: round(Math.max(rssPeak, rssEnd), 0),
  };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
