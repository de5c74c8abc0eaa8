import { z } from "zod";

/**
 * Every setting Stapel reads, validated once at boot. Missing or malformed values stop the process
 * with a message that names the variable and says what it is for.
 * The launcher (server/start.ts) fills the database, Stripe and secrets with local stand-ins when
 * they are absent, so the app itself always receives a complete configuration.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  APP_URL: z.url({ error: "APP_URL must be the public base URL, e.g. https://stapel.example" }),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required: the PostgreSQL connection string" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgresql://"),
  SESSION_SECRET: z
    .string({ error: "SESSION_SECRET is required: signs session cookies (32+ random characters)" })
    .min(32, "SESSION_SECRET must be at least 32 characters"),
  DOWNLOAD_SIGNING_SECRET: z
    .string({ error: "DOWNLOAD_SIGNING_SECRET is required: signs expiring download links" })
    .min(32, "DOWNLOAD_SIGNING_SECRET must be at least 32 characters"),
  STRIPE_SECRET_KEY: z
    .string({ error: "STRIPE_SECRET_KEY is required: your Stripe secret key (sk_test_… or sk_live_…)" })
    .regex(/^(sk|rk)_(test|live)_/, "STRIPE_SECRET_KEY must start with sk_test_, sk_live_ or rk_"),
  STRIPE_WEBHOOK_SECRET: z
    .string({ error: "STRIPE_WEBHOOK_SECRET is required: the whsec_… secret that signs webhooks" })
    .startsWith("whsec_", "STRIPE_WEBHOOK_SECRET must start with whsec_"),
  /** Only for a Stripe-compatible server other than api.stripe.com, e.g. the local sandbox. */
  STRIPE_API_BASE: z.url().optional(),
  RESEND_API_KEY: z.string().startsWith("re_", "RESEND_API_KEY must start with re_").optional(),
  EMAIL_FROM: z.string().default("Stapel <hello@stapel.localhost>"),
  /**
   * Shows every queued email, sign-in links included, at /dev/outbox. Only for local use: the
   * launcher turns it on when no email provider is set and the server listens on loopback only.
   */
  DEV_OUTBOX_PAGE: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  FILE_STORAGE_DIR: z.string().default("./data/files"),
  /** Setting S3_BUCKET stores paid files in S3 (or R2, MinIO…) instead of FILE_STORAGE_DIR. */
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "S3_BUCKET must be a bucket name (3-63 lowercase letters, digits, dots, hyphens; not a URL): the bucket that holds paid files",
    )
    .optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, "S3_REGION must be the bucket's region, e.g. us-east-1 (auto for Cloudflare R2)")
    .default("us-east-1"),
  S3_ENDPOINT: z
    .url({
      protocol: /^https?$/,
      error:
        "S3_ENDPOINT must be the http(s) URL of an S3-compatible server (MinIO, R2, s3rver); unset for AWS",
    })
    .optional(),
  /** Without the key pair the AWS SDK's default credential chain is used (env, profile, instance role). */
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"], {
      error:
        "S3_FORCE_PATH_STYLE must be true or false: true puts the bucket in the URL path (MinIO, s3rver)",
    })
    .default("false")
    .transform((value) => value === "true"),
  DOWNLOAD_LINK_TTL_SECONDS: z.coerce.number().int().positive().default(300),
  /**
   * Derives every shop's Ed25519 key for signed licence tokens (offline checks). Unset, the keys are
   * derived from SESSION_SECRET; set it to rotate licence keys on their own.
   */
  LICENSE_SIGNING_SECRET: z
    .string()
    .min(32, "LICENSE_SIGNING_SECRET must be at least 32 characters: derives the shops' licence token keys")
    .optional(),
  /** How long a signed licence token stays valid, in seconds (default 24 h). */
  LICENSE_TOKEN_TTL_SECONDS: z.coerce
    .number({ error: "LICENSE_TOKEN_TTL_SECONDS must be a number of seconds: how long licence tokens last" })
    .int()
    .min(60, "LICENSE_TOKEN_TTL_SECONDS must be at least 60")
    .max(30 * 24 * 3600, "LICENSE_TOKEN_TTL_SECONDS must be at most 30 days")
    .default(24 * 3600),
  /**
   * How long a subscription whose renewal payment failed (Stripe's past_due) keeps its access,
   * counted from when it became past due. 0 ends access at the first failed payment.
   */
  SUBSCRIPTION_GRACE_DAYS: z.coerce
    .number({
      error:
        "SUBSCRIPTION_GRACE_DAYS must be a whole number of days: how long past-due subscribers keep access",
    })
    .int("SUBSCRIPTION_GRACE_DAYS must be a whole number of days: how long past-due subscribers keep access")
    .min(0, "SUBSCRIPTION_GRACE_DAYS must be 0 or more: how long past-due subscribers keep access")
    .max(90, "SUBSCRIPTION_GRACE_DAYS must be at most 90: Stripe stops retrying a failed payment well before")
    .default(7),
  /**
   * Stapel's fee on every sale, in basis points of the amount paid (500 = 5%), taken as the Stripe
   * application fee of the destination charge; a shop's own `platformFeeBps` overrides it.
   */
  PLATFORM_FEE_BPS: z.coerce
    .number({
      error: "PLATFORM_FEE_BPS must be a whole number of basis points (500 = 5%): the platform's fee",
    })
    .int("PLATFORM_FEE_BPS must be a whole number of basis points (500 = 5%): the platform's fee")
    .min(0, "PLATFORM_FEE_BPS must be 0 or more: the platform's fee in basis points")
    .max(5000, "PLATFORM_FEE_BPS must be at most 5000 (50%): the platform's fee in basis points")
    .default(500),
  RUN_JOB_WORKER: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /**
   * Which reverse proxies may tell us the visitor's address in X-Forwarded-For. Off by default:
   * the socket's address counts, and a client cannot invent its own. A hop count ("1": one load
   * balancer in front) or a comma-separated list of proxy addresses and CIDRs ("10.0.0.0/8, loopback").
   */
  TRUST_PROXY: z
    .string()
    .regex(
      /^(false|true|\d{1,2}|[\w.:/\s,-]+)$/,
      "TRUST_PROXY must be false, a hop count (1) or a comma-separated list of addresses/CIDRs of your proxies",
    )
    .default("false")
    .transform(parseTrustProxy),
  /** pino level of the server log: one line per request at info. */
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
});

/** Express's `trust proxy` setting: false, a hop count, or a list of trusted proxy addresses. */
export type TrustProxy = false | number | string[];

function parseTrustProxy(value: string): TrustProxy {
  if (value === "false") return false;
  // "true" would trust any X-Forwarded-For, which is the hole this setting closes: one hop instead.
  if (value === "true") return 1;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export type Env = z.infer<typeof EnvSchema>;

/** Settings that only make sense together. */
const CheckedEnvSchema = EnvSchema.superRefine((config, context) => {
  const requireWith = (name: keyof Env, other: keyof Env, message: string) => {
    if (config[other] !== undefined && config[name] === undefined) {
      context.addIssue({
        code: "custom",
        path: [name],
        message: `${name} is required when ${other} is set: ${message}`,
      });
    }
  };
  const pair = "S3 credentials come as a pair (set neither to use the AWS default credential chain)";
  requireWith("S3_SECRET_ACCESS_KEY", "S3_ACCESS_KEY_ID", pair);
  requireWith("S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", pair);
  const s3Setting = (["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).find(
    (name) => config[name] !== undefined,
  );
  if (s3Setting) {
    requireWith(
      "S3_BUCKET",
      s3Setting,
      "the bucket for paid files (without it they stay in FILE_STORAGE_DIR)",
    );
  }
});

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = CheckedEnvSchema.safeParse(stripEmpty(source));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Stapel cannot start, the environment is incomplete:\n${lines.join("\n")}`);
  }
  return result.data;
}

function stripEmpty(source: Record<string, string | undefined>) {
  return Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
