import type { MetaFunction } from "@remix-run/node";
import { errorTitle, GeneralErrorBoundary } from "~/components/error-boundary.tsx";

// Every URL no other route claims lands here, inside the root layout: the header still knows who is
// signed in, and the answer is a real 404 page instead of the router's "No route matches".
export function loader() {
  throw new Response("There is no page at this address.", { status: 404 });
}

export const meta: MetaFunction = () => [{ title: errorTitle(404) }, { name: "robots", content: "noindex" }];

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export const ErrorBoundary = GeneralErrorBoundary;
