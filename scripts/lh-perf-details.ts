import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import type { Result } from "lighthouse";

/**
 * The load-independent facts behind FCP and LCP, from the network records: the document's bytes on
 * the wire and raw, the stylesheets (render-blocking), the first image (the first card's cover, likely
 * the largest paint) with its priority, and the bytes "Enable text compression" and "Properly size
 * images" say could be saved. Lighthouse 12.2's own LCP-element and render-blocking audits fail with
 * Chromium 156 ("frame_sequence"), so these are read from the requests instead.
 */
export type PageDetails = {
  document: { transferBytes: number; resourceBytes: number; encoding: string };
  stylesheets: { url: string; transferBytes: number }[];
  firstImage: { url: string; transferBytes: number; priority: string } | null;
  textCompressionSavings: number;
  responsiveImageSavings: number;
};

export function pageDetails(result: Result): PageDetails {
  const network = result.audits["network-requests"]?.details;
  const requests =
    network && "items" in network
      ? (network.items as {
          url: string;
          resourceType?: string;
          transferSize?: number;
          resourceSize?: number;
          priority?: string;
          responseHeaders?: { name: string; value: string }[];
        }[])
      : [];
  const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, "");
  const document = requests.find((request) => request.resourceType === "Document");
  const image = requests.find((request) => request.resourceType === "Image");
  const encoding =
    document?.responseHeaders?.find((header) => header.name.toLowerCase() === "content-encoding")?.value ??
    (document && (document.transferSize ?? 0) < (document.resourceSize ?? 0) * 0.6 ? "compressed" : "none");
  return {
    document: {
      transferBytes: document?.transferSize ?? 0,
      resourceBytes: document?.resourceSize ?? 0,
      encoding,
    },
    stylesheets: requests
      .filter((request) => request.resourceType === "Stylesheet")
      .map((request) => ({ url: path(request.url), transferBytes: request.transferSize ?? 0 })),
    firstImage: image
      ? { url: path(image.url), transferBytes: image.transferSize ?? 0, priority: image.priority ?? "?" }
      : null,
    textCompressionSavings: savings(result, "uses-text-compression"),
    responsiveImageSavings: savings(result, "uses-responsive-images"),
  };
}

function savings(result: Result, id: string): number {
  const details = result.audits[id]?.details;
  return details && "overallSavingsBytes" in details ? Number(details.overallSavingsBytes ?? 0) : 0;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function printPageDetails(reports: { page: string; details: PageDetails }[]): void {
  console.info("\nLoad-independent details (the median run):");
  console.info(
    "| Page | Document on the wire / raw | Stylesheets | First image (priority) | Text compression could save | Image sizing could save |",
  );
  console.info("|---|---|---|---|---|---|");
  for (const { page, details } of reports) {
    const css = details.stylesheets.map((sheet) => `${sheet.url} ${kb(sheet.transferBytes)}`).join(", ");
    const image = details.firstImage
      ? `${details.firstImage.url} ${kb(details.firstImage.transferBytes)} (${details.firstImage.priority})`
      : "-";
    console.info(
      `| ${page} | ${kb(details.document.transferBytes)} / ${kb(details.document.resourceBytes)} (${details.document.encoding}) | ${css || "-"} | ${image} | ${kb(details.textCompressionSavings)} | ${kb(details.responsiveImageSavings)} |`,
    );
  }
}

// `npx tsx scripts/lh-perf-details.ts lighthouse-results/*.json`: the same table from saved reports.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const reports = process.argv.slice(2).map((file) => ({
    page: basename(file, ".json"),
    details: pageDetails(JSON.parse(readFileSync(file, "utf8")) as Result),
  }));
  printPageDetails(reports);
}
