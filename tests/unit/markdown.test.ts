// Sellers' markdown: formatting survives, nothing executable or off-site-tracking reaches a page.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/modules/markdown/render.server.ts";

describe("renderMarkdown", () => {
  it("renders the formatting sellers use", () => {
    const html = renderMarkdown(
      "# Title\n\nSome **bold** and _em_ with `code`.\n\n- one\n- two\n\n[site](https://example.com)",
    );
    expect(html).toContain("<h2>Title</h2>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>em</em>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain(
      '<a href="https://example.com" rel="nofollow ugc noopener noreferrer" target="_blank">site</a>',
    );
  });

  const payloads = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![x](https://tracker.example/pixel.png)",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body{display:none}</style>",
    '<div style="position:fixed;inset:0">overlay</div>',
    "[x](//evil.example)",
    "<<script>script>alert(1)<</script>/script>",
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    "```html\n<script>alert(1)</script>\n```",
  ];

  /** Every real tag in the output (text "<" is escaped, so each "<" starts one) with its attributes. */
  function tagsOf(html: string) {
    const tags: { name: string; attributes: Record<string, string> }[] = [];
    for (const match of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/g)) {
      const attributes: Record<string, string> = {};
      const rest = (match[2] ?? "").replace(/\s+([a-z-]+)="([^"]*)"/g, (_, name: string, value: string) => {
        attributes[name] = value;
        return "";
      });
      expect(rest.trim(), `unparsed attributes in ${match[0]}`).toMatch(/^\/?$/);
      tags.push({ name: match[1] as string, attributes });
    }
    return tags;
  }

  it.each(payloads)("keeps %j from becoming markup", (payload) => {
    const html = renderMarkdown(`Before\n\n${payload}\n\nAfter`);
    for (const tag of tagsOf(html)) {
      expect(["p", "pre", "code", "a", "h2"]).toContain(tag.name);
      for (const [name, value] of Object.entries(tag.attributes)) {
        expect(["href", "rel", "target", "class"]).toContain(name);
        if (name === "href") expect(value).toMatch(/^(https?:\/\/|mailto:)/);
      }
    }
    expect(html).toContain("After");
  });

  it("shows raw HTML as text", () => {
    expect(renderMarkdown("<b>hi</b>")).toBe("<p>&lt;b&gt;hi&lt;/b&gt;</p>\n");
  });

  it("renders nothing for empty input", () => {
    expect(renderMarkdown("  \n ")).toBe("");
  });
});
