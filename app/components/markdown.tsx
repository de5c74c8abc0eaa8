/**
 * Seller markdown on a page. `html` must come from `renderMarkdown` (app/modules/markdown), which
 * escapes raw HTML and sanitises the result on the server: this component never sees the source.
 */
export function Markdown({ html, className = "" }: { html: string; className?: string }) {
  if (!html) return null;
  return (
    <div
      className={`markdown space-y-3 leading-relaxed text-gray-800 [&_a]:text-brand-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-gray-200 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-gray-100 [&_code]:px-1 [&_h2]:text-xl [&_h2]:font-bold [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-gray-50 [&_pre]:p-3 [&_table]:w-full [&_td]:border [&_td]:px-2 [&_th]:border [&_th]:px-2 [&_ul]:list-disc [&_ul]:pl-5 ${className}`}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown escaped and sanitised it on the server
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
