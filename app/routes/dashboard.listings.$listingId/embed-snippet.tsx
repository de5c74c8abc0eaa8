import { CopyButton } from "~/components/copy-button.tsx";

/** The HTML a seller pastes on their own site: a plain link that the script turns into an overlay. */
export function embedSnippet(appUrl: string, slug: string, title: string): { link: string; script: string } {
  const safeTitle = title.replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return {
    link: `<a data-stapel-buy href="${appUrl}/p/${slug}">Buy ${safeTitle}</a>`,
    script: `<script src="${appUrl}/embed.js" async></script>`,
  };
}

/**
 * "Sell it on your own site": the link alone works anywhere (it opens the listing); with the script
 * a click opens a buy card in an overlay on the seller's page, checkout in a new tab.
 */
export function EmbedSnippet({ appUrl, slug, title }: { appUrl: string; slug: string; title: string }) {
  const { link, script } = embedSnippet(appUrl, slug, title);
  return (
    <section
      aria-labelledby="embed-heading"
      className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-gray-200"
    >
      <h3 id="embed-heading" className="font-bold">
        Sell it on your own site
      </h3>
      <p className="text-sm text-gray-700">
        Paste this link where you want a Buy button. On its own it opens this listing; with the script (once
        per page) it opens a buy card over your page, and checkout in a new tab.
      </p>
      <div className="space-y-1">
        <label htmlFor="embed-code" className="block text-sm font-semibold">
          Link and script
        </label>
        <textarea
          id="embed-code"
          readOnly
          rows={3}
          value={`${link}\n${script}`}
          className="block w-full rounded-lg px-3 py-2 font-mono text-xs ring-1 ring-gray-300"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <CopyButton text={`${link}\n${script}`} label="Copy link and script" />
        <CopyButton text={link} label="Copy the link only" />
      </div>
    </section>
  );
}
