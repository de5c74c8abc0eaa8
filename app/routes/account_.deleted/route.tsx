import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [
  { title: "Account deleted · Stapel" },
  { name: "robots", content: "noindex" },
];

// Where a deleted account lands, signed out. The same words for everyone: it reveals nothing.
export default function AccountDeleted() {
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold">Your account is deleted</h1>
      <p className="text-gray-700">
        You are signed out everywhere, your subscriptions are cancelled and your licence keys no longer work.
        Your email address and name are gone from Stapel; orders are kept without them, as the law requires.
      </p>
      <p className="text-gray-700">Thank you for using Stapel. Goodbye!</p>
      <Link to="/" className="font-semibold text-brand-700 underline">
        Back to the shop
      </Link>
    </div>
  );
}
