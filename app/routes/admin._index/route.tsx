import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireAdmin } from "~/utils/session.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return redirect("/admin/reports");
}
