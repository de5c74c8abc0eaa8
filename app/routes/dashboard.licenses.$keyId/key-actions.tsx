import { type SubmissionResult, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Notice } from "~/components/ui/notice.tsx";
import { formatDay } from "~/utils/dates.ts";
import type { KeyView } from "./key-summary.tsx";

const cardClass = "space-y-3 rounded-xl bg-white p-5 ring-1 ring-gray-200";

/** Disable or enable, rotate (confirmed), reset uses, and remove each activation. */
export function KeyActions({
  license,
  lastResult,
}: {
  license: KeyView;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form] = useForm({ id: "license-key", lastResult });
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const revoked = license.status === "REVOKED";
  const problems = [...(form.errors ?? []), ...Object.values(lastResult?.error ?? {}).flat()];
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {problems.length > 0 && (
        <div className="md:col-span-2">
          <Notice tone="error">{[...new Set(problems)].join(" ")}</Notice>
        </div>
      )}
      <section aria-labelledby="key-state-heading" className={cardClass}>
        <h3 id="key-state-heading" className="font-semibold">
          Switch the key on or off
        </h3>
        {revoked ? (
          <p className="text-sm text-gray-700">
            This key was revoked by a refund or dispute: it cannot be disabled, enabled or rotated.
          </p>
        ) : license.status === "DISABLED" ? (
          <>
            <p className="text-sm text-gray-700">
              Enabling gives the key back what the buyer's access says now: active, or expired while their
              plan grants nothing.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="enable" />
              <Button disabled={busy}>Enable</Button>
            </Form>
          </>
        ) : (
          <>
            <p className="text-sm text-gray-700">
              A disabled key does not verify or activate. Its activations and uses stay.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="disable" />
              <Button variant="danger" disabled={busy}>
                Disable
              </Button>
            </Form>
          </>
        )}
      </section>
      <section aria-labelledby="key-rotate-heading" className={cardClass}>
        <h3 id="key-rotate-heading" className="font-semibold">
          Rotate
        </h3>
        <p className="text-sm text-gray-700">
          Replaces the key with a new one, for a key that leaked. Uses and activations stay; the old key stops
          working at once, so send the buyer the new one.
        </p>
        {!revoked && (
          <Form
            method="post"
            onSubmit={(event) => {
              if (!confirm("Rotate this key? The old key stops working at once.")) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="rotate" />
            <Button variant="secondary" disabled={busy}>
              Rotate key
            </Button>
          </Form>
        )}
      </section>
      <section aria-labelledby="key-uses-heading" className={cardClass}>
        <h3 id="key-uses-heading" className="font-semibold">
          Uses
        </h3>
        <p className="text-sm text-gray-700">
          {license.uses === 1 ? "1 counted verify call." : `${license.uses} counted verify calls.`} Software
          that limits uses starts again from 0.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="reset-uses" />
          <Button variant="secondary" disabled={busy || license.uses === 0}>
            Reset uses
          </Button>
        </Form>
      </section>
      <section aria-labelledby="key-activations-heading" className={cardClass}>
        <h3 id="key-activations-heading" className="font-semibold">
          Activations
        </h3>
        {license.activations.length === 0 ? (
          <p className="text-sm text-gray-700">Not activated on any device.</p>
        ) : (
          <ul className="divide-y divide-gray-100" aria-label="Activations">
            {license.activations.map((activation) => (
              <li key={activation.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <div className="min-w-0">
                  <p className="break-all font-medium">{activation.instanceName}</p>
                  <p className="text-xs text-gray-600">Activated {formatDay(activation.createdAt)}</p>
                </div>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-activation" />
                  <input type="hidden" name="activationId" value={activation.id} />
                  <Button
                    variant="secondary"
                    disabled={busy}
                    aria-label={`Remove the activation ${activation.instanceName}`}
                  >
                    Remove
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
