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
  DOWNLOAD_LINK_TTL_SECONDS: z.coerce.number().int().positive().default(300),
  RUN_JOB_WORKER: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(stripEmpty(source));
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
