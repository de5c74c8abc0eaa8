/** What the bench prints: the table of load results and the webhook scenario's lines under it. */

import type { VerifyReport } from "./licensing.ts";
import type { LoadResult } from "./load.ts";
import { round } from "./load.ts";
import type { WebhookIngestReport } from "./webhooks.ts";

export function table(results: LoadResult[]): string {
  const header = [
    "scenario",
    "conc",
    "done",
    "err",
    "rate/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "MB/s",
    "srv CPU",
    "srv RSS max",
  ];
  const rows = results.map((r) => [
    r.name,
    String(r.concurrency),
    `${r.completed}${r.cappedByTime ? "*" : ""}`,
    String(r.errors),
    `${r.perSecond} ${r.unit}`,
    String(r.latencyMs.p50),
    String(r.latencyMs.p95),
    String(r.latencyMs.p99),
    r.megabytesPerSecond === undefined ? "" : String(r.megabytesPerSecond),
    `${r.serverCpuPercent}%`,
    `${r.serverRssPeakMiB} MiB`,
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

/** The webhook scenario's lines under the table. */
export function printWebhookIngest(report: WebhookIngestReport): void {
  const mix = Object.entries(report.mix)
    .map(([type, count]) => `${count} ${type}`)
    .join(", ");
  const counted = (answers: Record<string, number>) =>
    Object.entries(answers)
      .map(([answer, count]) => `${count} × ${answer}`)
      .join(", ");
  const ratio = (base: LoadResult) => round(report.stored.perSecond / base.perSecond, 2);
  const streamed = report.deliveries - report.lateDeliveries;
  console.info(
    `\nwebhook ingest: ${report.events} events (${mix}) for ${report.subscriptions} subscriptions and ` +
      `${report.purchases} purchases, each delivered twice by ${report.senders} senders: ${streamed} ` +
      `deliveries at once (${report.outOfOrder} events first delivered out of order), then ` +
      `${report.lateDeliveries} late retries of events already handled`,
  );
  console.info(
    `  stored:   ${report.stored.perSecond} deliveries/s answered 200 (${counted(report.answers)}), ` +
      `p50 ${report.stored.latencyMs.p50} ms, p99 ${report.stored.latencyMs.p99} ms`,
  );
  console.info(
    `  handled:  ${report.events} events in ${report.handledSeconds} s from the first delivery = ` +
      `${report.handledPerSecond} events/s (server CPU ${report.serverCpuPercentUntilHandled}%); receipt to ` +
      `handled p50 ${report.receiptToHandledMs.p50} ms, p99 ${report.receiptToHandledMs.p99} ms`,
  );
  console.info(
    `  late retries: ${report.redelivered.perSecond} deliveries/s (${counted(report.lateAnswers)}), ` +
      `p50 ${report.redelivered.latencyMs.p50} ms`,
  );
  console.info(
    `  baseline: all ${report.deliveries} signed deliveries to a verify-only node:http server ` +
      `${report.verifyOnly.perSecond}/s (stored = ${ratio(report.verifyOnly)}×), to the endpoint with a ` +
      `signature it refuses ${report.refused.perSecond}/s (stored = ${ratio(report.refused)}×)`,
  );
  console.info(`  exactly-once: ${report.exactlyOnce.passed ? "PASS" : "FAIL"}`);
  for (const check of report.exactlyOnce.checks)
    console.info(
      `    ${check.ok ? "ok  " : "FAIL"} ${check.what}: ${check.actual}` +
        (check.ok ? "" : ` (expected ${check.expected})`),
    );
}

/** The licence verify scenario's lines under the table. */
export function printVerify(report: VerifyReport): void {
  const { stapel, bare, ratio, targets } = report;
  console.info(
    `\nlicence verify (Gumroad's shape, ${report.keys} keys): Stapel ${stapel.perSecond} req/s, ` +
      `p99 ${stapel.latencyMs.p99} ms; bare node:http + pg ${bare.perSecond} req/s, p99 ${bare.latencyMs.p99} ms`,
  );
  console.info(
    `  ratio ${ratio}× (target >= ${targets.ratio}×: ${targets.ratioMet ? "met" : "NOT met"}), ` +
      `p99 ${stapel.latencyMs.p99} ms (target <= ${targets.p99Ms} ms: ${targets.p99Met ? "met" : "NOT met"})`,
  );
}
