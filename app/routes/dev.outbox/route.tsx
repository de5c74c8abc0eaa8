import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { emailTransport } from "~/integrations/email.server.ts";
import { listOutbox } from "~/modules/email/outbox.server.ts";
import { env } from "~/utils/env.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";

export const meta: MetaFunction = () => [
  { title: "Dev outbox · Stapel" },
  { name: "robots", content: "noindex" },
];

// Only exists for local runs without an email provider: then nothing is really sent, and this
// page is how a developer reads sign-in links and receipts.
export async function loader(_: LoaderFunctionArgs) {
  invariantResponse(env().DEV_OUTBOX_PAGE && emailTransport().name === "dev-outbox", "Not found", {
    status: 404,
  });
  return data({ messages: await listOutbox() }, { headers: privateNoStore });
}

export default function DevOutbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Dev outbox</h1>
      <p className="text-sm text-gray-700">
        No RESEND_API_KEY is set, so emails are kept here instead of being sent.
      </p>
      {messages.length === 0 && <p>No emails yet.</p>}
      <ul className="space-y-4">
        {messages.map((message) => (
          <li key={message.id} className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
            <p className="text-sm text-gray-600">
              To <strong>{message.to}</strong> ·{" "}
              {new Date(message.createdAt).toISOString().replace("T", " ").slice(0, 19)} ·{" "}
              {message.status.toLowerCase()}
            </p>
            <h2 className="font-semibold">{message.subject}</h2>
            <pre className="mt-2 whitespace-pre-wrap break-words text-sm">{linkify(message.text)}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}

function linkify(text: string) {
  // The parts of one fixed string never reorder, so their position is a stable key.
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: see above
      <a key={index} href={part} className="text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
