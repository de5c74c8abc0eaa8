import {
  AI_MODELS,
  CATEGORIES,
  DEMO_ADMIN,
  DEMO_BUYER,
  DEMO_SELLER_EMAIL,
  REVIEWERS,
  REVIEWS,
  type ShopSeed,
} from "./index.ts";

/** Fails loudly on catalog mistakes (typos in slugs, tags or categories) before anything is written. */
export function validateCatalog(shops: ShopSeed[]): void {
  const problems: string[] = [];
  const slugs = new Set<string>();
  const handles = new Set<string>();
  const emails = new Set<string>();
  for (const account of [DEMO_BUYER, DEMO_ADMIN, ...REVIEWERS, ...shops.map((shop) => shop.owner)]) {
    if (emails.has(account.email)) problems.push(`duplicate email ${account.email}`);
    emails.add(account.email);
  }
  if (shops[0]?.owner.email !== DEMO_SELLER_EMAIL)
    problems.push(`the first shop must be owned by ${DEMO_SELLER_EMAIL}`);
  for (const shop of shops) {
    if (handles.has(shop.handle)) problems.push(`duplicate shop handle ${shop.handle}`);
    handles.add(shop.handle);
    const shopSlugs = new Map(shop.listings.map((listing) => [listing.slug, listing]));
    for (const listing of shop.listings) {
      const where = `${shop.handle}/${listing.slug}`;
      if (slugs.has(listing.slug)) problems.push(`duplicate slug ${listing.slug}`);
      slugs.add(listing.slug);
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(listing.slug)) problems.push(`${where}: slug is not kebab-case`);
      if (!Number.isSafeInteger(listing.priceAmount) || listing.priceAmount <= 0) {
        problems.push(`${where}: price must be a positive integer in minor units`);
      }
      if (listing.currency !== shop.defaultCurrency)
        problems.push(`${where}: currency differs from the shop's`);
      const firstTierPrice = listing.tiers?.[0]?.prices.find((price) => price.currency === listing.currency);
      if (listing.tiers && firstTierPrice?.amount !== listing.priceAmount)
        problems.push(`${where}: the first tier's ${listing.currency} price must be the listing's price`);
      for (const tier of listing.tiers ?? []) {
        if (new Set(tier.prices.map((price) => price.currency)).size !== tier.prices.length)
          problems.push(`${where}: tier ${tier.name} has two prices in one currency`);
        if (tier.prices.some((price) => !Number.isSafeInteger(price.amount) || price.amount <= 0))
          problems.push(`${where}: tier ${tier.name} needs positive integer prices in minor units`);
      }
      if (!(CATEGORIES as readonly string[]).includes(listing.category))
        problems.push(`${where}: unknown category`);
      for (const model of listing.aiModels) {
        if (!(AI_MODELS as readonly string[]).includes(model))
          problems.push(`${where}: unknown AI model ${model}`);
      }
      if (listing.aiModels.length === 0) problems.push(`${where}: no AI model tags`);
      if (listing.status === "PUBLISHED" && listing.publishedDaysAgo === undefined) {
        problems.push(`${where}: published listings need publishedDaysAgo`);
      }
      if ((listing.publishedDaysAgo ?? 0) < 0 || (listing.publishedDaysAgo ?? 0) >= 90) {
        problems.push(`${where}: publishedDaysAgo must be within the last 90 days`);
      }
      if (listing.examples.length < 2) problems.push(`${where}: needs at least 2 examples`);
      if (listing.body.trim() === "") problems.push(`${where}: empty body`);
      if (listing.teaser.trim() !== "" && listing.body.includes(listing.teaser)) {
        problems.push(`${where}: the teaser gives away the body`);
      }
      const fileNames = new Set<string>();
      for (const file of listing.files ?? []) {
        if (fileNames.has(file.fileName)) problems.push(`${where}: duplicate file ${file.fileName}`);
        fileNames.add(file.fileName);
      }
      if ((listing.type === "BUNDLE") !== (listing.bundleOf !== undefined)) {
        problems.push(`${where}: bundleOf is required for bundles and only for bundles`);
      }
      for (const slug of listing.bundleOf ?? []) {
        const item = shopSlugs.get(slug);
        if (!item) problems.push(`${where}: bundled ${slug} is not a listing of this shop`);
        else if (item.type === "BUNDLE" || item.status !== "PUBLISHED") {
          problems.push(`${where}: bundled ${slug} must be a published non-bundle listing`);
        }
      }
    }
    for (const plan of shop.plans) {
      const where = `${shop.handle}/${plan.name}`;
      if (plan.prices.length === 0) problems.push(`${where}: needs at least one price`);
      const slots = new Set<string>();
      for (const price of plan.prices) {
        if (!Number.isSafeInteger(price.amount) || price.amount < 50)
          problems.push(`${where}: price amounts are integer minor units of at least 50`);
        const slot = `${price.interval}/${price.currency}`;
        if (slots.has(slot)) problems.push(`${where}: two ${slot} prices`);
        slots.add(slot);
      }
      if (
        !Number.isSafeInteger(plan.trialDays ?? 0) ||
        (plan.trialDays ?? 0) < 0 ||
        (plan.trialDays ?? 0) > 730
      )
        problems.push(`${where}: trialDays must be 0-730`);
      const selective = plan.listingSlugs !== undefined || plan.includedCategories !== undefined;
      if (plan.includesAllListings === selective) {
        problems.push(
          `${where}: give listingSlugs or includedCategories exactly when includesAllListings is false`,
        );
      }
      for (const slug of plan.listingSlugs ?? []) {
        if (shopSlugs.get(slug)?.status !== "PUBLISHED") problems.push(`${where}: ${slug}`);
      }
      for (const category of plan.includedCategories ?? []) {
        const listed = shop.listings.some(
          (listing) => listing.status === "PUBLISHED" && listing.category === category,
        );
        if (!listed) problems.push(`${where}: no published listing in category ${category}`);
      }
    }
  }
  const published = new Set(
    shops.flatMap((shop) =>
      shop.listings.filter((listing) => listing.status === "PUBLISHED").map((l) => l.slug),
    ),
  );
  const reviewers = new Set(REVIEWERS.map((reviewer) => reviewer.email));
  const reviewKeys = new Set<string>();
  for (const review of REVIEWS) {
    const key = `${review.listingSlug}|${review.reviewerEmail}`;
    if (reviewKeys.has(key)) problems.push(`duplicate review ${key}`);
    reviewKeys.add(key);
    if (!published.has(review.listingSlug)) problems.push(`review on unknown listing ${review.listingSlug}`);
    if (!reviewers.has(review.reviewerEmail))
      problems.push(`review by unknown reviewer ${review.reviewerEmail}`);
  }
  if (problems.length > 0) throw new Error(`Demo catalog is invalid:\n  - ${problems.join("\n  - ")}`);
}
