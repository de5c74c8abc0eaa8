import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Sellers' markdown (descriptions, guides, usage notes, licence texts, changelogs) → HTML that is
 * safe to put on any page. Two layers, because either alone has failed elsewhere:
 * 1. markdown-it with `html: false`: raw HTML in the source is escaped, never passed through;
 * 2. sanitize-html with an allowlist: whatever markdown-it emits (including links a future plugin
 *    or option might add) is cut down to formatting tags, http(s)/mailto links and nothing else.
 * No images: a remote image in a description would let a seller track who reads it; sellers'
 * pictures come from uploads, shown by the page itself.
 *
 * Every page that shows seller markdown calls `renderMarkdown` on the server (the editor's preview
 * too), and passes the result to `<Markdown html>`.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

// markdown-it's own link check refuses javascript:, vbscript:, file: and most data: URLs; keep it
// and also refuse anything that is not a web or mail address.
const defaultValidateLink = markdown.validateLink.bind(markdown);
markdown.validateLink = (url) => defaultValidateLink(url) && /^(https?:|mailto:|#)/i.test(url.trim());

const allowedTags = [
  "h2",
  "h3",
  "h4",
  "p",
  "br",
  "hr",
  "strong",
  "em",
  "del",
  "s",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: { a: ["href", "title", "rel", "target"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    // A seller's "# Title" must not compete with the page's own h1.
    h1: "h2",
    h5: "h4",
    h6: "h4",
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...(attribs.href && { href: attribs.href }),
        ...(attribs.title && { title: attribs.title }),
        // Links sellers write are theirs, not ours: no ranking passed on, no window.opener.
        rel: "nofollow ugc noopener noreferrer",
        target: "_blank",
      },
    }),
  },
};

export const MAX_MARKDOWN_LENGTH = 20_000;

export function renderMarkdown(source: string): string {
  if (source.trim() === "") return "";
  return sanitizeHtml(markdown.render(source.slice(0, MAX_MARKDOWN_LENGTH)), sanitizeOptions);
}
