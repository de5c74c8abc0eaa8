// The first card's cover is the page's largest paint on a phone: it is loaded at once and fetched
// first, every other cover lazily, and a phone's full-width card finds a variant between 640 and
// 1280 px (ADR 37).
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ResponsiveImage } from "~/components/media/responsive-image.tsx";
import { VARIANT_WIDTHS } from "~/modules/media/images.server.ts";

const cover = { id: "cover1", alt: "", width: 1280, height: 720, widths: [...VARIANT_WIDTHS] };

describe("a cover", () => {
  it("with priority is eager and fetched first; without it, lazy and not prioritised", () => {
    const first = renderToString(createElement(ResponsiveImage, { image: cover, priority: true }));
    expect(first).toContain('loading="eager"');
    expect(first).toContain('fetchpriority="high"');
    const other = renderToString(createElement(ResponsiveImage, { image: cover }));
    expect(other).toContain('loading="lazy"');
    expect(other).not.toContain("fetchpriority");
  });

  it("has a variant for a 380 px slot at 1.75x (665 px) smaller than 1280", () => {
    expect(VARIANT_WIDTHS.find((width) => width >= 380 * 1.75)).toBeLessThan(1280);
    expect(renderToString(createElement(ResponsiveImage, { image: cover }))).toContain(
      "/images/cover1/960.webp 960w",
    );
  });
});
