import type { ActionFunctionArgs } from "@remix-run/node";
import { verifyGumroad } from "~/modules/licensing/gumroad-verify.server.ts";
import { answerLicenseRequest, methodNotAllowed } from "~/modules/licensing/license-http.server.ts";
import { clientIp } from "~/utils/client-ip.ts";

/** Gumroad's licence check, in Gumroad's shape (docs/licensing.md). */
export const loader = () => methodNotAllowed("gumroad");

export const action = ({ request, context }: ActionFunctionArgs) =>
  answerLicenseRequest(request, clientIp(context), "gumroad", verifyGumroad);
