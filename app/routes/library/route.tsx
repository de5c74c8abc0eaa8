import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { privateNoStore } from "~/utils/http.ts";
import { requireUser } from "~/utils/session.server.ts";

// The buyer's section: everything below needs a signed-in user, and its errors render here.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return data(null, { headers: privateNoStore });
}

export default function LibraryLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
