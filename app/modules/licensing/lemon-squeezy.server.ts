import { prisma } from "~/utils/db.server.ts";
import {
  type ApiAnswer,
  couldBeId,
  couldBeKey,
  countAddress,
  findLicenseWithinLimit,
  tokenFor,
} from "./license-api.server.ts";
import { type ApiFields, isPresent, normaliseKey, wantsToken } from "./license-api-input.server.ts";
import { type KeyState, keyState, type LicenseRecord, productIdOf } from "./license-record.ts";

/**
 * Lemon Squeezy's License API (docs.lemonsqueezy.com/api/license-api: activate, validate,
 * deactivate) answered for Stapel's keys, in its shape: `{activated|valid|deactivated, error,
 * license_key, instance, meta}`, a 4xx with `error` set whenever something went wrong (400 refused,
 * 404 not found, 422 a field missing or invalid). Ids are Stapel's strings where Lemon Squeezy has
 * numbers (its client and typical apps compare or store them, never do arithmetic).
 */
export const LS_MESSAGES = {
  keyNotFound: "license_key not found.",
  instanceNotFound: "instance_id not found.",
  limitReached: "This license key has reached the activation limit.",
  disabled: "This license key is disabled.",
  expired: "This license key has expired.",
  malformed: "The request body could not be read: send form fields or a JSON object.",
  required: (field: string) => `The ${field.replace("_", " ")} field is required.`,
  notString: (field: string) => `The ${field.replace("_", " ")} must be a string.`,
  invalid: (field: string) => `The ${field.replace("_", " ")} format is invalid.`,
  tooLong: (field: string) => `The ${field.replace("_", " ")} must not be greater than 255 characters.`,
  tooMany: "Too Many Attempts.",
} as const;

type Verdict = "activated" | "valid" | "deactivated";

const lsStatus = (state: KeyState, activations: number) =>
  state === "revoked" || state === "disabled"
    ? "disabled"
    : state === "expired"
      ? "expired"
      : activations > 0
        ? "active"
        : "inactive";

const iso = (date: Date) => date.toISOString();

function licenseKeyJson(record: LicenseRecord, activations: number) {
  return {
    id: record.id,
    status: lsStatus(keyState(record), activations),
    key: record.key,
    activation_limit: record.maxActivations === 0 ? null : record.maxActivations,
    activation_usage: activations,
    created_at: iso(record.createdAt),
    expires_at: record.expiresAt ? iso(record.expiresAt) : null,
    test_mode: false,
  };
}

const intervals: Record<string, string> = { MONTH: "Monthly", YEAR: "Yearly" };

function metaJson(record: LicenseRecord) {
  const isPlan = record.listingId === null;
  return {
    store_id: record.shopId,
    order_id: record.orderId,
    order_item_id: record.orderItemId,
    product_id: productIdOf(record),
    product_name: (isPlan ? record.planName : record.listingTitle) ?? "",
    variant_id: record.licenseTierId ?? record.planPriceId,
    variant_name:
      record.tierName ?? (isPlan ? intervals[record.planPriceInterval ?? ""] : undefined) ?? "Default",
    customer_id: record.userId,
    customer_name: record.userName ?? "",
    customer_email: record.orderEmail ?? record.userEmail,
  };
}

type Instance = { id: string; instanceName: string; createdAt: Date };
const instanceJson = (instance: Instance) => ({
  id: instance.id,
  name: instance.instanceName,
  created_at: iso(instance.createdAt),
});

function answer(
  verdict: Verdict,
  status: number,
  error: string | null,
  record: LicenseRecord | null,
  activations: number,
  instance: Instance | null,
): ApiAnswer {
  return {
    status,
    body: {
      [verdict]: error === null,
      error,
      license_key: record ? licenseKeyJson(record, activations) : null,
      ...(verdict === "deactivated" ? {} : { instance: instance ? instanceJson(instance) : null }),
      meta: record ? metaJson(record) : null,
    },
  };
}

/** Refuses a missing, non-string or overlong field the Laravel way Lemon Squeezy answers (422). */
function fieldError(fields: ApiFields, required: string[], optional: string[] = []): string | null {
  for (const name of [...required, ...optional]) {
    const value = fields[name];
    if (!isPresent(value)) {
      if (required.includes(name)) return LS_MESSAGES.required(name);
      continue;
    }
    if (typeof value !== "string") return LS_MESSAGES.notString(name);
    if (value.length > 255) return LS_MESSAGES.tooLong(name);
    // PostgreSQL text cannot hold NUL; other control characters have no place in a name either.
    if ([...value].some((char) => char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127))
      return LS_MESSAGES.invalid(name);
  }
  return null;
}

const stateError = (state: KeyState) =>
  state === "active" ? null : state === "expired" ? LS_MESSAGES.expired : LS_MESSAGES.disabled;

const limited = (seconds: number): ApiAnswer => ({
  status: 429,
  body: { error: LS_MESSAGES.tooMany },
  retryAfterSeconds: seconds,
});

/** Everything the three endpoints check first: the body, the fields, the key, the limits. */
async function prepare(
  verdict: Verdict,
  fields: ApiFields | null,
  address: string,
  required: string[],
  optional: string[] = [],
): Promise<{ done: ApiAnswer } | { record: LicenseRecord; fields: ApiFields }> {
  // A refusal before any lookup still counts against the address.
  const refuse = async (answer: ApiAnswer) => {
    const wait = await countAddress(address);
    return { done: wait === null ? answer : limited(wait) };
  };
  if (!fields) return refuse(answer(verdict, 400, LS_MESSAGES.malformed, null, 0, null));
  const invalid = fieldError(fields, required, optional);
  if (invalid) return refuse(answer(verdict, 422, invalid, null, 0, null));
  const key = normaliseKey(fields.license_key as string);
  if (!couldBeKey(key)) return refuse(answer(verdict, 404, LS_MESSAGES.keyNotFound, null, 0, null));
  const { record, retryAfterSeconds } = await findLicenseWithinLimit(key, address);
  if (retryAfterSeconds !== null) return { done: limited(retryAfterSeconds) };
  if (!record) return { done: answer(verdict, 404, LS_MESSAGES.keyNotFound, null, 0, null) };
  return { record, fields };
}

/**
 * Activates the key on a new instance. The limit holds under any concurrency: the key's row is
 * locked (SELECT … FOR UPDATE) while the activations are counted and the new one inserted, so a
 * second activation of the same key waits for the first to commit and then counts it.
 */
export async function activateLicense(input: ApiFields | null, address: string): Promise<ApiAnswer> {
  const prepared = await prepare("activated", input, address, ["license_key", "instance_name"]);
  if ("done" in prepared) return prepared.done;
  const { record, fields } = prepared;
  type Outcome =
    | { error: string; status: number; activations: number; current: LicenseRecord | null }
    | { instance: Instance; activations: number; current: LicenseRecord };
  const outcome = await prisma.$transaction(async (tx): Promise<Outcome> => {
    const [locked] = await tx.$queryRaw<{ status: string; maxActivations: number; expiresAt: Date | null }[]>`
      SELECT status::text AS status, "maxActivations", "expiresAt" FROM "LicenseKey" WHERE id = ${record.id} FOR UPDATE`;
    if (!locked) return { error: LS_MESSAGES.keyNotFound, status: 404, activations: 0, current: null };
    const current = {
      ...record,
      status: locked.status as LicenseRecord["status"],
      expiresAt: locked.expiresAt,
    };
    const refused = stateError(keyState(current));
    const activations = await tx.licenseActivation.count({ where: { licenseKeyId: record.id } });
    if (refused) return { error: refused, status: 400, activations, current };
    if (locked.maxActivations !== 0 && activations >= locked.maxActivations)
      return { error: LS_MESSAGES.limitReached, status: 400, activations, current };
    const instance = await tx.licenseActivation.create({
      data: { licenseKeyId: record.id, instanceName: (fields.instance_name as string).trim() },
      select: { id: true, instanceName: true, createdAt: true },
    });
    return { instance, activations: activations + 1, current };
  });
  if ("error" in outcome)
    return answer("activated", outcome.status, outcome.error, outcome.current, outcome.activations, null);
  const done = answer("activated", 200, null, outcome.current, outcome.activations, outcome.instance);
  if (wantsToken(fields)) done.body.token = tokenFor(outcome.current, outcome.instance.id);
  return done;
}

/** Valid while the key is active (and, with `instance_id`, that instance is one of its activations). */
export async function validateLicense(input: ApiFields | null, address: string): Promise<ApiAnswer> {
  const prepared = await prepare("valid", input, address, ["license_key"], ["instance_id"]);
  if ("done" in prepared) return prepared.done;
  const { record, fields } = prepared;
  let instance: Instance | null = null;
  if (isPresent(fields.instance_id)) {
    const instanceId = (fields.instance_id as string).trim();
    instance = !couldBeId(instanceId)
      ? null
      : await prisma.licenseActivation.findFirst({
          where: { id: instanceId, licenseKeyId: record.id },
          select: { id: true, instanceName: true, createdAt: true },
        });
    if (!instance)
      return answer("valid", 404, LS_MESSAGES.instanceNotFound, record, record.activations, null);
  }
  const refused = stateError(keyState(record));
  if (refused) return answer("valid", 400, refused, record, record.activations, instance);
  const done = answer("valid", 200, null, record, record.activations, instance);
  if (wantsToken(fields)) done.body.token = tokenFor(record, instance?.id ?? null);
  return done;
}

/** Frees the instance's place, whatever the key's status (a device can always be let go). */
export async function deactivateLicense(input: ApiFields | null, address: string): Promise<ApiAnswer> {
  const prepared = await prepare("deactivated", input, address, ["license_key", "instance_id"]);
  if ("done" in prepared) return prepared.done;
  const { record, fields } = prepared;
  const instanceId = (fields.instance_id as string).trim();
  const removed = couldBeId(instanceId)
    ? await prisma.licenseActivation.deleteMany({ where: { id: instanceId, licenseKeyId: record.id } })
    : { count: 0 };
  if (removed.count === 0)
    return answer("deactivated", 404, LS_MESSAGES.instanceNotFound, record, record.activations, null);
  return answer("deactivated", 200, null, record, record.activations - 1, null);
}
