import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { consumeSignInToken, findUsableSignInToken } from "~/modules/accounts/magic-link.server.ts";
import { privateNoStore } from "~/utils/http.ts";
import { createUserSession, safeRedirect } from "~/utils/session.server.ts";

export const meta: MetaFunction = () => [
  { title: "Confirm sign-in · Stapel" },
  { name: "robots", content: "noindex" },
];

// Opening the link only shows a button: mail scanners that prefetch links must not use it up.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const pending = token ? await findUsableSignInToken(token) : null;
  return data({ token, email: pending?.email ?? null }, { headers: privateNoStore });
}

export async function action({ request }: ActionFunctionArgs) {
  const token = String((await request.formData()).get("token") ?? "");
  const signedIn = token ? await consumeSignInToken(token) : null;
  if (!signedIn)
    return data({ error: "This sign-in link has expired or was already used." }, { status: 400 });
  return createUserSession(request, signedIn.user.id, safeRedirect(signedIn.redirectTo, "/library"));
}

export default function VerifySignIn() {
  const { token, email } = useLoaderData<typeof loader>();
  if (!email) {
    return (
      <div className="mx-auto max-w-md space-y-4 text-center">
        <h1 className="text-2xl font-bold">This link no longer works</h1>
        <p className="text-gray-700">Sign-in links work once and expire after 20 minutes.</p>
        <Link to="/login" className="font-semibold text-brand-700 underline">
          Get a new link
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold">Sign in as {email}?</h1>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <Button>Sign in</Button>
      </Form>
    </div>
  );
}
