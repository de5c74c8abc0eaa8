import type { ActionFunctionArgs } from "@remix-run/node";
import { activateLicense } from "~/modules/licensing/lemon-squeezy.server.ts";
import { answerLicenseRequest, methodNotAllowed } from "~/modules/licensing/license-http.server.ts";
import { clientIp } from "~/utils/client-ip.ts";

/** Lemon Squeezy's licence activate, in Lemon Squeezy's shape (docs/licensing.md). */
export const loader = () => methodNotAllowed("lemon-squeezy");

export const action = ({ request, context }: ActionFunctionArgs) =>
  answerLicenseRequest(request, clientIp(context), "lemon-squeezy", activateLicense);
