import { useT } from "~/components/i18n.tsx";
import { ResponsiveImage } from "~/components/media/responsive-image.tsx";
import type { PublicImage } from "~/modules/media/image-urls.ts";

type Example = { id: string; input: string; output: string };

/**
 * The listing's examples as a gallery: each card shows what went in, what came out and its image
 * (if the seller added one). When the seller says the examples were made with AI, the disclosure
 * stands above the gallery and on every card, in words a screen reader reads with the example.
 */
export function ExamplesGallery({
  examples,
  images,
  aiGenerated,
}: {
  examples: Example[];
  images: Record<string, PublicImage>;
  aiGenerated: boolean;
}) {
  const t = useT();
  if (examples.length === 0) return null;
  return (
    <section aria-labelledby="examples-heading" className="space-y-4" data-testid="examples-gallery">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="examples-heading" className="text-xl font-bold">
          {t("examples.heading")}
        </h2>
        <p className="text-sm text-gray-600">
          {examples.length === 1
            ? t("examples.count.one")
            : t("examples.count.other", { count: examples.length })}
        </p>
      </div>
      {aiGenerated && (
        <p className="text-sm text-gray-700" id="examples-ai-disclosure">
          <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-800 ring-1 ring-amber-200">
            {t("examples.aiBadge")}
          </span>{" "}
          {t("examples.aiDisclosure")}
        </p>
      )}
      <ul className="grid gap-4 sm:grid-cols-2">
        {examples.map((example, index) => {
          const image = images[example.id];
          return (
            <li key={example.id} className={image || examples.length === 1 ? "sm:col-span-2" : ""}>
              <figure
                className="h-full rounded-xl bg-white p-5 ring-1 ring-gray-200"
                aria-labelledby={`example-${example.id}-title`}
                aria-describedby={aiGenerated ? "examples-ai-disclosure" : undefined}
              >
                <div className="flex items-center justify-between gap-2">
                  <h3 id={`example-${example.id}-title`} className="text-sm font-bold text-gray-900">
                    {t("examples.title", { number: index + 1 })}
                  </h3>
                  {aiGenerated && (
                    <p className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-800 ring-1 ring-amber-200">
                      <span aria-hidden="true">✦ </span>
                      {t("examples.aiExample")}
                    </p>
                  )}
                </div>
                {example.input && (
                  <div className="mt-3">
                    <p className="text-xs font-semibold uppercase tracking-wide text-gray-600">
                      {t("examples.input")}
                    </p>
                    <p className="mt-1 whitespace-pre-line text-sm text-gray-800">{example.input}</p>
                  </div>
                )}
                {image && (
                  <ResponsiveImage
                    image={image}
                    sizes="(min-width: 1024px) 50vw, 100vw"
                    className="mt-3 w-full rounded-lg"
                  />
                )}
                {example.output && (
                  <div className="mt-3">
                    <p className="text-xs font-semibold uppercase tracking-wide text-gray-600">
                      {t("examples.output")}
                    </p>
                    <blockquote className="mt-1 whitespace-pre-line border-l-4 border-brand-200 pl-3 text-sm text-gray-800">
                      {example.output}
                    </blockquote>
                  </div>
                )}
              </figure>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
