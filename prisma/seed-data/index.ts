import {
  DEMO_ADMIN,
  DEMO_BUYER,
  DEMO_SELLER_EMAIL,
  DEMO_SUBSCRIPTION,
  REVIEWERS,
  REVIEWS,
} from "./accounts.ts";
import { flowsmith } from "./shop-flowsmith.ts";
import { marenWrites } from "./shop-maren-writes.ts";
import { pixelfjord } from "./shop-pixelfjord.ts";
import { vorlagenwerk } from "./shop-vorlagenwerk-de.ts";
import type { ShopSeed } from "./types.ts";

export * from "./types.ts";
export { DEMO_ADMIN, DEMO_BUYER, DEMO_SELLER_EMAIL, DEMO_SUBSCRIPTION, REVIEWERS, REVIEWS };

/** The demo shops. The first one is owned by the demo seller (seller@stapel.test). */
export const SHOPS: ShopSeed[] = [marenWrites, pixelfjord, flowsmith, vorlagenwerk];
export { listingTags } from "./tags.ts";
