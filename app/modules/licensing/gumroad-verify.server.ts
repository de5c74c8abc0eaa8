import { prisma } from "~/utils/db.server.ts";
import { env } from "~/utils/env.server.ts";
import {
  type ApiAnswer,
  couldBeKey,
  countAddress,
  findLicenseWithinLimit,
  tokenFor,
} from "./license-api.server.ts";
import { type ApiFields, isPresent, normaliseKey, wantsToken } from "./license-api-input.server.ts";
import {
  GUMROAD_NOT_FOUND,
  gumroadSuccess,
  INCREMENT_USES_SQL,
  keyState,
  type LicenseRecord,
  VERIFY_AND_COUNT_SQL,
} from "./license-record.ts";

type CountedRecord = LicenseRecord & { countedUses: number | null };

/**
 * Gumroad's licence check (`POST /v2/licenses/verify`, antiwork/gumroad
 * `app/controllers/api/v2/licenses_controller.rb`), answered for Stapel's keys: the same parameters,
 * messages and status codes, so software that checks Gumroad keys switches by changing its base URL.
 */
export const GUMROAD_MESSAGES = {
  notFound: GUMROAD_NOT_FOUND,
  expired: "Access to the purchase associated with this license has expired.",
  disabled: "This license key has been disabled.",
  notString: (name: string) => `The '${name}' parameter must be a string.`,
  malformed: "The request body could not be read: send form fields or a JSON object.",
} as const;

// Gumroad refuses these when present and not strings (`id` and `link_id` are its legacy permalinks).
const STRING_PARAMS = ["license_key", "product_id", "product_permalink", "id", "link_id"] as const;

const failure = (status: number, message: string): ApiAnswer => ({
  status,
  body: { success: false, message },
});

const limited = (seconds: number): ApiAnswer => ({
  ...failure(429, tooMany(seconds)),
  retryAfterSeconds: seconds,
});

/** A refusal before any lookup still counts against the address. */
async function refuse(address: string, answer: ApiAnswer): Promise<ApiAnswer> {
  const wait = await countAddress(address);
  return wait === null ? answer : limited(wait);
}

export async function verifyGumroad(fields: ApiFields | null, address: string): Promise<ApiAnswer> {
  if (!fields) return refuse(address, failure(400, GUMROAD_MESSAGES.malformed));
  for (const name of STRING_PARAMS) {
    if (isPresent(fields[name]) && typeof fields[name] !== "string")
      return refuse(address, failure(400, GUMROAD_MESSAGES.notString(name)));
  }
  const text = (name: string) => (isPresent(fields[name]) ? (fields[name] as string).trim() : "");
  const productId = text("product_id");
  // The order matters, as in Gumroad: `id`, then `link_id`, then `product_permalink`.
  const permalink = text("id") || text("link_id") || text("product_permalink");
  // Only the string or boolean `false` turns counting off.
  const increment = fields.increment_uses_count !== "false" && fields.increment_uses_count !== false;

  const key = normaliseKey(text("license_key"));
  // No key or product of Stapel's holds a NUL byte (which PostgreSQL text cannot hold either).
  if (!couldBeKey(key) || `${productId}${permalink}`.includes("\u0000"))
    return refuse(address, failure(404, GUMROAD_MESSAGES.notFound));
  // One statement reads the key and, when it is good for the product, counts the use.
  const { record, retryAfterSeconds } = await findLicenseWithinLimit(key, address, async (typed) => {
    const rows = await prisma.$queryRawUnsafe<CountedRecord[]>(
      VERIFY_AND_COUNT_SQL,
      typed,
      increment,
      productId,
      permalink,
    );
    return rows[0] ?? null;
  });
  if (retryAfterSeconds !== null) {
    // Over a limit: a use counted alongside is given back.
    if (record?.countedUses != null)
      await prisma.$executeRawUnsafe(`UPDATE "LicenseKey" SET uses = uses - 1 WHERE id = $1`, record.id);
    return limited(retryAfterSeconds);
  }
  const matches =
    record !== null &&
    (productId
      ? productId === record.listingId || productId === record.planId
      : permalink !== "" && (permalink === record.listingSlug || permalink === record.planId));
  if (!record || !matches) return failure(404, GUMROAD_MESSAGES.notFound);

  const state = keyState(record);
  if (state === "revoked" || state === "expired") return failure(404, GUMROAD_MESSAGES.expired);
  if (state === "disabled") return failure(404, GUMROAD_MESSAGES.disabled);

  let uses = record.uses;
  if (increment) {
    if (record.countedUses != null) uses = record.countedUses;
    else {
      // Not counted alongside (the key changed between the two reads): count it now.
      const [row] = await prisma.$queryRawUnsafe<{ uses: number }[]>(INCREMENT_USES_SQL, record.id);
      uses = row?.uses ?? uses + 1;
    }
  }
  const body: Record<string, unknown> = gumroadSuccess(record, uses, env().APP_URL);
  if (wantsToken(fields)) body.token = tokenFor(record, null);
  return { status: 200, body };
}

export const tooMany = (seconds: number) =>
  `Too many license checks. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
