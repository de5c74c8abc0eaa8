import { renderMarkdown } from "~/modules/markdown/render.server.ts";
import { parsePrompt } from "~/modules/prompts/variables.ts";
import { prisma } from "~/utils/db.server.ts";
import { AGENT_PLATFORMS } from "./forms.ts";

/**
 * What the library shows beyond the prompt text and files, for a listing the buyer has access to.
 * Call it only after `getLibraryItem` (the entitlement check) returned the item: this reads paid
 * content (the template's duplicate link, the setup guide) by listing id.
 */
export async function libraryDetails(listingId: string) {
  const listing = await prisma.listing.findUniqueOrThrow({
    where: { id: listingId },
    select: {
      type: true,
      currentVersion: true,
      compatibleApps: true,
      agentPlatform: true,
      requiredTools: true,
      content: {
        select: { body: true, instructions: true, modelNotes: true, templateUrl: true, guide: true },
      },
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, changelog: true, createdAt: true },
      },
    },
  });
  const content = listing.content;
  const parsed = listing.type === "PROMPT" && content ? parsePrompt(content.body) : null;
  const latest = listing.versions[0] ?? null;
  return {
    /** The prompt has variables the buyer can fill in (the page parses the body again to build the form). */
    hasVariables: parsed?.ok === true && parsed.variables.length > 0,
    instructionsHtml: renderMarkdown(content?.instructions ?? ""),
    modelNotes: content?.modelNotes ?? "",
    templateUrl: listing.type === "TEMPLATE" ? (content?.templateUrl ?? null) : null,
    guideHtml: renderMarkdown(content?.guide ?? ""),
    compatibleApps: listing.compatibleApps,
    agentPlatform: listing.agentPlatform ? AGENT_PLATFORMS[listing.agentPlatform] : null,
    requiredTools: listing.requiredTools,
    latestVersion: latest && {
      number: latest.number,
      changelogHtml: renderMarkdown(latest.changelog),
      publishedAt: latest.createdAt.toISOString(),
    },
  };
}
