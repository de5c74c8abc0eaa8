import { Link } from "@remix-run/react";

/**
 * "Previous · Page 2 of 5 · Next" under a paged list. `href(page)` makes each page's URL (page 1
 * without a parameter, so shared URLs stay clean); the labels say which way the list is ordered
 * (sales and keys run newest first: "Newer" and "Older").
 */
export function PageLinks({
  page,
  pageCount,
  href,
  previousLabel = "Previous",
  nextLabel = "Next",
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  previousLabel?: string;
  nextLabel?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link to={href(page - 1)} className="font-semibold text-brand-700 underline" rel="prev">
          {previousLabel}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-gray-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={href(page + 1)} className="font-semibold text-brand-700 underline" rel="next">
          {nextLabel}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
