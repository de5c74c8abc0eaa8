/**
 * `npm run seed:large -- --listings 100000 --orders 1000000 [--shops 2000]`: fills the database at
 * DATABASE_URL with a believable synthetic marketplace for measuring speed at scale: shops, listings
 * in English and German (types, categories, AI models, tags, EUR/USD prices, publish dates), licence
 * tiers and prices, buyers, orders with their items and entitlements (mostly paid, some refunded)
 * and reviews, with each listing's salesCount/ratingCount/ratingSum recounted at the end.
 *
 * Set-based SQL only: `INSERT … SELECT FROM generate_series(…)` in batches, every "random" choice a
 * deterministic hash of the row number, so two runs make the same data. Rows carry `lg_` ids; a
 * database that has them already is left alone. On the embedded database (PGlite) only a small seed
 * runs: it has one connection and would take an hour for the large one.
 */
import pg from "pg";

export type LargeSeedOptions = {
  listings: number;
  orders: number;
  shops?: number;
  log?: (line: string) => void;
};

export type LargeSeedResult = {
  shops: number;
  buyers: number;
  listings: number;
  orders: number;
  reviews: number;
  elapsedMs: number;
};

/** The most the embedded database is asked to hold. */
export const EMBEDDED_LIMITS = { listings: 2_000, orders: 10_000 };

const LISTING_BATCH = 10_000;
const ORDER_BATCH = 50_000;

/** A deterministic number in [0, 1) for row `n` and a salt: PostgreSQL's own integer hash. */
const rnd = (n: string, salt: number) =>
  `((hashint8((${n})::bigint * 7919 + ${salt}) & 2147483647)::float8 / 2147483648.0)`;
/** One element of a constant text array, chosen by a random expression. */
const pick = (words: readonly string[], random: string) =>
  `(${sqlArray(words)})[1 + floor(${random} * ${words.length})::int]`;
const sqlArray = (words: readonly string[]) =>
  `ARRAY[${words.map((word) => `'${word.replaceAll("'", "''")}'`).join(",")}]::text[]`;

const words = {
  categories: [
    "Marketing",
    "Copywriting",
    "Business",
    "Design",
    "Coding",
    "Productivity",
    "Education",
    "Automation",
  ],
  aiModels: ["ChatGPT", "Claude", "Gemini", "Midjourney"],
  en: {
    adjectives: [
      "Persuasive",
      "Friendly",
      "Concise",
      "Complete",
      "Proven",
      "Data-driven",
      "Minimal",
      "Playful",
      "Professional",
      "Fast",
    ],
    things: [
      "Cold Email Sequence",
      "Newsletter Template",
      "Landing Page Copy",
      "Logo Brief",
      "Code Review Checklist",
      "Meeting Notes Agent",
      "Product Description Kit",
      "Social Media Planner",
      "Support Reply Library",
      "SEO Blog Outline",
      "Pitch Deck Script",
      "Job Ad Writer",
    ],
    audiences: [
      "SaaS Founders",
      "Cafes",
      "Agencies",
      "Freelancers",
      "Online Shops",
      "Coaches",
      "Developers",
      "Nonprofits",
      "Real Estate Agents",
      "Podcasters",
    ],
    taglines: [
      "Ready in five minutes",
      "Tested on hundreds of real cases",
      "Fill in the blanks and send",
      "Written by a working copywriter",
      "Works in any tone of voice",
    ],
    descriptions: [
      "A step-by-step kit with examples for every situation, variables for your product and audience, and notes on what to change first.",
      "Use it as is or adapt it: every part explains why it works and how to measure the result.",
      "Built from real campaigns, cleaned up and generalised, with a checklist to review the output before it goes out.",
    ],
    tags: [
      "email",
      "template",
      "prompt",
      "sales",
      "newsletter",
      "logo",
      "seo",
      "blog",
      "social",
      "support",
      "agent",
      "automation",
      "copy",
      "startup",
      "design",
    ],
    reviews: [
      "Saved me hours on the first day.",
      "Good structure, I adapted the tone a little.",
      "Exactly what the description says.",
      "Solid, but I expected more examples.",
      "Our reply rate went up noticeably.",
      "Clear and easy to adapt.",
    ],
  },
  de: {
    adjectives: [
      "professionell",
      "kompakt",
      "freundlich",
      "erprobt",
      "vollständig",
      "schnell",
      "klar",
      "modern",
    ],
    things: [
      "Newsletter-Vorlage",
      "Angebotsvorlage",
      "Stellenanzeigen-Vorlage",
      "Kundenservice-Antworten",
      "Protokoll-Agent",
      "Instagram-Redaktionsplan",
      "Anschreiben-Coach",
      "Produktbeschreibungen",
      "Kaltakquise-E-Mails",
      "Blogartikel-Gliederung",
    ],
    audiences: [
      "Agenturen",
      "Cafés",
      "Handwerksbetriebe",
      "Onlineshops",
      "Vereine",
      "Steuerberater",
      "Arztpraxen",
      "Startups",
      "Selbstständige",
    ],
    taglines: [
      "In fünf Minuten einsatzbereit",
      "An echten Fällen erprobt",
      "Ausfüllen und abschicken",
      "Von Texterinnen aus der Praxis",
      "Passt zu jedem Tonfall",
    ],
    descriptions: [
      "Eine Vorlage mit Beispielen für jede Situation, Platzhaltern für Produkt und Zielgruppe und Hinweisen, was man zuerst anpasst.",
      "Direkt nutzbar oder anpassbar: jeder Teil erklärt, warum er funktioniert und wie man den Erfolg misst.",
      "Aus echten Kampagnen entstanden, bereinigt und verallgemeinert, mit einer Checkliste für die Prüfung vor dem Versand.",
    ],
    tags: [
      "vorlage",
      "email",
      "newsletter",
      "angebot",
      "stellenanzeige",
      "kundenservice",
      "protokoll",
      "instagram",
      "bewerbung",
      "vertrieb",
      "text",
      "agent",
    ],
    reviews: [
      "Hat mir am ersten Tag Stunden gespart.",
      "Gute Struktur, den Ton habe ich etwas angepasst.",
      "Genau wie beschrieben.",
      "Solide, ich hätte mir mehr Beispiele gewünscht.",
      "Klar und leicht anzupassen.",
    ],
  },
  shopAdjectives: [
    "bright",
    "quiet",
    "clever",
    "northern",
    "urban",
    "tiny",
    "bold",
    "hamburger",
    "alpine",
    "digital",
  ],
  shopNouns: [
    "prompts",
    "studio",
    "works",
    "lab",
    "kontor",
    "werkstatt",
    "foundry",
    "desk",
    "atelier",
    "factory",
  ],
  apps: ["Notion", "Canva", "Google Docs", "Figma"],
  platforms: ["N8N", "MAKE", "ZAPIER", "CUSTOM_GPT", "CLAUDE_PROJECT", "LANGCHAIN"],
} as const;

/** Listing `n`: free when n % 100 = 50, draft at 17 and 83, archived at 99; everything else sells. */
const unsellable = (n: string) => `((${n}) % 100 IN (17, 50, 83, 99))`;

export async function seedLarge(databaseUrl: string, options: LargeSeedOptions): Promise<LargeSeedResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const listings = Math.max(10, Math.floor(options.listings));
  const orders = Math.max(0, Math.floor(options.orders));
  const shops = Math.max(
    1,
    Math.min(Math.floor(options.shops ?? Math.max(1, Math.round(listings / 50))), listings),
  );
  const buyers = Math.max(20, Math.min(200_000, Math.round(orders / 8)));

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const version = String((await client.query("SELECT version() AS v")).rows[0].v);
    const embedded = /emscripten|wasm|pglite/i.test(version);
    if (embedded && (listings > EMBEDDED_LIMITS.listings || orders > EMBEDDED_LIMITS.orders)) {
      throw new Error(
        `DATABASE_URL is the embedded database (PGlite): it takes at most ${EMBEDDED_LIMITS.listings} listings and ${EMBEDDED_LIMITS.orders} orders. For the large seed, point DATABASE_URL at a PostgreSQL server (migrated with npm run db:deploy).`,
      );
    }
    const existing = await client.query(`SELECT 1 FROM "Shop" WHERE id = 'lg_s_1'`);
    if (existing.rowCount)
      throw new Error("This database has a large seed already (shop lg_s_1): use a fresh database.");

    const step = async (label: string, sql: string, params: unknown[] = []) => {
      const at = performance.now();
      const result = await client.query(sql, params);
      log(`${label}: ${result.rowCount ?? 0} rows in ${Math.round(performance.now() - at)} ms`);
      return result.rowCount ?? 0;
    };

    await step(
      "sellers",
      `INSERT INTO "User" (id, email, name, role, "createdAt", "updatedAt")
       SELECT 'lg_u_s' || n, 'seller' || n || '@large.stapel.test', 'Seller ' || n, 'SELLER',
              now() - interval '900 days' * ${rnd("n", 1)}, now()
       FROM generate_series(1, $1::int) AS n`,
      [shops],
    );
    await step(
      "shops",
      `INSERT INTO "Shop" (id, "ownerId", handle, name, bio, "defaultCurrency", "stripeChargesEnabled", "createdAt", "updatedAt")
       SELECT 'lg_s_' || n, 'lg_u_s' || n, a || '-' || b || '-' || n, initcap(a) || ' ' || initcap(b) || ' ' || n,
              'Prompts, templates and agents from a small team.', CASE WHEN n % 3 = 0 THEN 'USD' ELSE 'EUR' END, true,
              now() - interval '800 days' * ${rnd("n", 2)}, now()
       FROM (SELECT n, ${pick(words.shopAdjectives, rnd("n", 3))} AS a, ${pick(words.shopNouns, rnd("n", 4))} AS b
             FROM generate_series(1, $1::int) AS n) s`,
      [shops],
    );
    await step(
      "buyers",
      `INSERT INTO "User" (id, email, name, role, "createdAt", "updatedAt")
       SELECT 'lg_u_b' || n, 'buyer' || n || '@large.stapel.test', 'Buyer ' || n, 'BUYER',
              now() - interval '700 days' * ${rnd("n", 5)}, now()
       FROM generate_series(1, $1::int) AS n`,
      [buyers],
    );

    for (let from = 1; from <= listings; from += LISTING_BATCH) {
      const to = Math.min(listings, from + LISTING_BATCH - 1);
      await insertListings(client, from, to, shops);
      log(`listings ${to}/${listings} (${seconds(started)} s)`);
    }
    await step(
      "bundle items",
      `INSERT INTO "BundleItem" ("bundleId", "listingId")
       SELECT bundle.id, item.id
       FROM "Listing" bundle, generate_series(1, 3) AS k, "Listing" item
       WHERE bundle.id LIKE 'lg\\_l\\_%' AND bundle.type = 'BUNDLE'
         AND item.id = 'lg_l_' || (substr(bundle.id, 6)::int + k * $2::int) AND item.type <> 'BUNDLE'
         AND substr(bundle.id, 6)::int <= $1::int`,
      [listings, shops],
    );

    for (let from = 1; from <= orders; from += ORDER_BATCH) {
      const to = Math.min(orders, from + ORDER_BATCH - 1);
      await insertOrders(client, from, to, listings, buyers);
      log(`orders ${to}/${orders} (${seconds(started)} s)`);
    }

    await step(
      "listing sales and ratings recounted",
      `UPDATE "Listing" l
       SET "salesCount" = coalesce(s.sales, 0), "ratingCount" = coalesce(r.count, 0), "ratingSum" = coalesce(r.sum, 0)
       FROM "Listing" base
       LEFT JOIN (SELECT oi."listingId", count(*)::int AS sales FROM "OrderItem" oi JOIN "Order" o ON o.id = oi."orderId"
                  WHERE o.status IN ('PAID', 'PARTIALLY_REFUNDED') AND oi."listingId" LIKE 'lg\\_l\\_%' GROUP BY 1) s
         ON s."listingId" = base.id
       LEFT JOIN (SELECT "listingId", count(*)::int AS count, sum(rating)::int AS sum FROM "Review"
                  WHERE "hiddenAt" IS NULL AND "listingId" LIKE 'lg\\_l\\_%' GROUP BY 1) r
         ON r."listingId" = base.id
       WHERE l.id = base.id AND base.id LIKE 'lg\\_l\\_%'`,
    );
    await client.query(`ANALYZE`);
    const reviews = Number(
      (await client.query(`SELECT count(*)::int AS c FROM "Review" WHERE id LIKE 'lg\\_r\\_%'`)).rows[0].c,
    );
    const elapsedMs = Math.round(performance.now() - started);
    log(
      `done: ${shops} shops, ${listings} listings, ${orders} orders, ${reviews} reviews in ${seconds(started)} s`,
    );
    return { shops, buyers, listings, orders, reviews, elapsedMs };
  } finally {
    await client.end();
  }
}

async function insertListings(client: pg.Client, from: number, to: number, shops: number) {
  const de = (expression: string, en: string) => `CASE WHEN lang = 'de' THEN ${expression} ELSE ${en} END`;
  const title = de(
    `${pick(words.de.things, rnd("n", 11))} || ' für ' || ${pick(words.de.audiences, rnd("n", 12))} || ' (' || ${pick(words.de.adjectives, rnd("n", 13))} || ')'`,
    `${pick(words.en.adjectives, rnd("n", 13))} || ' ' || ${pick(words.en.things, rnd("n", 11))} || ' for ' || ${pick(words.en.audiences, rnd("n", 12))}`,
  );
  const tags = (list: readonly string[]) =>
    `ARRAY(SELECT DISTINCT ${pick(list, rnd("n * 4 + k", 14))} FROM generate_series(1, 2 + (n % 3)) AS k)`;
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "Listing" (id, "shopId", slug, type, status, title, tagline, description, teaser, "aiModels", category,
        "priceAmount", currency, "pricingMode", "aiGenerated", "compatibleApps", "agentPlatform", "requiredTools",
        "currentVersion", language, tags, "publishedAt", "createdAt", "updatedAt")
     SELECT 'lg_l_' || n, 'lg_s_' || (1 + (n - 1) % $3::int),
        trim(both '-' from regexp_replace(translate(lower(title), 'äöüß', 'aous'), '[^a-z0-9]+', '-', 'g')) || '-' || n,
        type::"ListingType", status::"ListingStatus", title,
        ${de(pick(words.de.taglines, rnd("n", 15)), pick(words.en.taglines, rnd("n", 15)))},
        ${de(pick(words.de.descriptions, rnd("n", 16)), pick(words.en.descriptions, rnd("n", 16)))},
        ${de("'Ein Auszug: Du bist ein erfahrener Texter …'", "'An excerpt: You are an experienced copywriter …'")},
        ARRAY(SELECT DISTINCT ${pick(words.aiModels, rnd("n * 3 + k", 17))} FROM generate_series(1, 1 + (n % 2)) AS k),
        ${pick(words.categories, rnd("n", 18))},
        CASE WHEN free THEN 0 ELSE (ARRAY[299, 499, 900, 1200, 1500, 1900, 2900, 4900, 9900])[1 + floor(${rnd("n", 19)} * ${rnd("n", 20)} * 9)::int] END,
        currency, CASE WHEN free THEN 'FREE' ELSE 'FIXED' END::"PricingMode", ${rnd("n", 21)} < 0.3,
        CASE WHEN type = 'TEMPLATE' THEN ARRAY[${pick(words.apps, rnd("n", 22))}] ELSE ARRAY[]::text[] END,
        CASE WHEN type = 'AGENT' THEN ${pick(words.platforms, rnd("n", 23))}::"AgentPlatform" END,
        CASE WHEN type = 'AGENT' THEN ARRAY['OpenAI API key'] ELSE ARRAY[]::text[] END,
        CASE WHEN status = 'DRAFT' THEN 0 ELSE 1 END, lang,
        ${de(tags(words.de.tags), tags(words.en.tags))},
        CASE WHEN status = 'DRAFT' THEN NULL ELSE published END, published - interval '3 days', published
     FROM (
       SELECT n, ${title} AS title, lang, free, type, status, currency, published
       FROM (
         SELECT n, CASE WHEN ${rnd("n", 6)} < 0.3 THEN 'de' ELSE 'en' END AS lang, n % 100 = 50 AS free,
           CASE WHEN ${rnd("n", 10)} < 0.05 THEN 'BUNDLE' WHEN ${rnd("n", 7)} < 0.58 THEN 'PROMPT' WHEN ${rnd("n", 7)} < 0.82 THEN 'TEMPLATE' ELSE 'AGENT' END AS type,
           CASE WHEN n % 100 IN (17, 83) THEN 'DRAFT' WHEN n % 100 = 99 THEN 'ARCHIVED' ELSE 'PUBLISHED' END AS status,
           now() - interval '720 days' * power(${rnd("n", 8)}, 1.6) AS published,
           ${rnd("n", 9)} AS r9
         FROM generate_series($1::int, $2::int) AS n
       ) base
       CROSS JOIN LATERAL (SELECT CASE WHEN lang = 'de' OR r9 < 0.4 THEN 'EUR' ELSE 'USD' END AS currency) c
     ) s`,
    [from, to, shops],
  );
  await client.query(
    `INSERT INTO "LicenseTier" (id, "listingId", name, position, "licenseText", "createdAt")
     SELECT 'lg_t_' || n, 'lg_l_' || n, 'Personal', 0, 'Personal use by one person.', now()
     FROM generate_series($1::int, $2::int) AS n`,
    [from, to],
  );
  // Every priced listing has its price in its own currency; about a third also in the other one.
  await client.query(
    `INSERT INTO "TierPrice" ("tierId", currency, amount)
     SELECT 'lg_t_' || substr(l.id, 6), c.currency,
            CASE WHEN c.currency = l.currency THEN l."priceAmount" ELSE round(l."priceAmount" * 1.08)::int END
     FROM "Listing" l
     CROSS JOIN LATERAL (VALUES (l.currency), (CASE WHEN l.currency = 'EUR' THEN 'USD' ELSE 'EUR' END)) AS c(currency)
     WHERE l.id = ANY (SELECT 'lg_l_' || n FROM generate_series($1::int, $2::int) AS n)
       AND l."pricingMode" <> 'FREE'
       AND (c.currency = l.currency OR ${rnd("substr(l.id, 6)::int", 24)} < 0.33)`,
    [from, to],
  );
  await client.query("COMMIT");
}

async function insertOrders(client: pg.Client, from: number, to: number, listings: number, buyers: number) {
  // Popular listings sell far more (a squared random number skews towards the first ones).
  const chosen = `(1 + floor(power(${rnd("n", 30)}, 2.2) * $3::int)::int)`;
  await client.query("BEGIN");
  await client.query(
    `CREATE TEMP TABLE lg_batch ON COMMIT DROP AS
     SELECT n, 'lg_l_' || CASE WHEN NOT ${unsellable("k")} THEN k WHEN k < $3::int THEN k + 1 ELSE k - 1 END AS "listingId",
            1 + floor(${rnd("n", 31)} * $4::int)::int AS buyer,
            CASE WHEN ${rnd("n", 32)} < 0.04 THEN 'REFUNDED' ELSE 'PAID' END AS status,
            now() - interval '540 days' * power(${rnd("n", 33)}, 1.8) AS "paidAt"
     FROM (SELECT n, ${chosen} AS k FROM generate_series($1::int, $2::int) AS n) s`,
    [from, to, listings, buyers],
  );
  await client.query(
    `INSERT INTO "Order" (id, "shopId", "buyerId", email, status, currency, "subtotalAmount", "totalAmount",
        "refundedAmount", "stripeFeeAmount", "netAmount", country, "paidAt", "createdAt", "updatedAt")
     SELECT 'lg_o_' || b.n, l."shopId", 'lg_u_b' || b.buyer, 'buyer' || b.buyer || '@large.stapel.test',
        b.status::"OrderStatus", l.currency, l."priceAmount", l."priceAmount",
        CASE WHEN b.status = 'REFUNDED' THEN l."priceAmount" ELSE 0 END,
        round(l."priceAmount" * 0.029)::int + 25, l."priceAmount" - round(l."priceAmount" * 0.029)::int - 25,
        CASE WHEN l.language = 'de' THEN 'DE' ELSE (ARRAY['US', 'GB', 'DE', 'FR', 'NL', 'CA'])[1 + b.n % 6] END,
        b."paidAt", b."paidAt" - interval '2 minutes', b."paidAt"
     FROM lg_batch b JOIN "Listing" l ON l.id = b."listingId"`,
  );
  await client.query(
    `INSERT INTO "OrderItem" (id, "orderId", "listingId", title, "unitAmount", currency, "licenseTierId", "tierName", "licenseText")
     SELECT 'lg_oi_' || b.n, 'lg_o_' || b.n, l.id, l.title, l."priceAmount", l.currency, 'lg_t_' || substr(l.id, 6),
            'Personal', 'Personal use by one person.'
     FROM lg_batch b JOIN "Listing" l ON l.id = b."listingId"`,
  );
  await client.query(
    `INSERT INTO "Entitlement" (id, "userId", "listingId", source, "grantKey", "orderItemId", status, "revokedAt", "revokeReason", "seenVersion", "createdAt")
     SELECT 'lg_e_' || b.n, 'lg_u_b' || b.buyer, b."listingId", 'ORDER_ITEM',
            'order-item:lg_oi_' || b.n || ':listing:' || b."listingId", 'lg_oi_' || b.n,
            CASE WHEN b.status = 'PAID' THEN 'ACTIVE' ELSE 'REVOKED' END::"EntitlementStatus",
            CASE WHEN b.status = 'PAID' THEN NULL ELSE b."paidAt" + interval '3 days' END,
            CASE WHEN b.status = 'PAID' THEN NULL ELSE 'REFUNDED' END::"RevokeReason", 1, b."paidAt"
     FROM lg_batch b`,
  );
  // About one paid purchase in eight is reviewed, mostly well; one review per buyer and listing.
  await client.query(
    `INSERT INTO "Review" (id, "listingId", "userId", "orderItemId", rating, body, "createdAt", "updatedAt")
     SELECT 'lg_r_' || b.n, b."listingId", 'lg_u_b' || b.buyer, 'lg_oi_' || b.n,
            (ARRAY[5, 5, 5, 5, 5, 4, 4, 4, 3, 2, 1])[1 + floor(${rnd("b.n", 35)} * 11)::int],
            CASE WHEN l.language = 'de' THEN ${pick(words.de.reviews, rnd("b.n", 36))} ELSE ${pick(words.en.reviews, rnd("b.n", 36))} END,
            b."paidAt" + interval '4 days', b."paidAt" + interval '4 days'
     FROM lg_batch b JOIN "Listing" l ON l.id = b."listingId"
     WHERE b.status = 'PAID' AND ${rnd("b.n", 34)} < 0.125
     ON CONFLICT ("listingId", "userId") DO NOTHING`,
  );
  await client.query("COMMIT");
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

function readFlag(args: string[], name: string): number | undefined {
  const index = args.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number, e.g. --${name} 1000`);
  return value;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const args = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      "seed:large needs DATABASE_URL: a PostgreSQL database migrated with `npm run db:deploy` (the embedded database takes only a small seed).",
    );
    process.exit(1);
  }
  try {
    await seedLarge(databaseUrl, {
      listings: readFlag(args, "listings") ?? 100_000,
      orders: readFlag(args, "orders") ?? 1_000_000,
      shops: readFlag(args, "shops"),
      log: (line) => console.info(`[seed:large] ${line}`),
    });
  } catch (error) {
    console.error(`[seed:large] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
