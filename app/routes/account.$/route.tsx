import type { MetaFunction } from "@remix-run/node";
import { errorTitle } from "~/components/error-boundary.tsx";

// Unknown URLs under /account answer 404 inside the section's layout, which keeps its navigation.
export function loader() {
  throw new Response("There is no page at this address.", { status: 404 });
}

export const meta: MetaFunction = () => [{ title: errorTitle(404) }, { name: "robots", content: "noindex" }];

// A page component makes this a UI route, so the 404 renders in the section's error boundary.
export default function NotFound() {
  return null;
}
