import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { destroyUserSession } from "~/utils/session.server.ts";

export const loader = () => redirect("/");
export const action = ({ request }: ActionFunctionArgs) => destroyUserSession(request);
