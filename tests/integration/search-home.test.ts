// The home page's rows and the category and model landing pages.
import { describe, expect, it } from "vitest";
import * as homeRoute from "~/routes/_index/route.tsx";
import * as categoryRoute from "~/routes/c.$category/route.tsx";
import * as modelRoute from "~/routes/m.$model/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { requestAs } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";
import { createSearchListing, createSearchShop, unique } from "./search-fixtures.ts";

type Card = { slug: string; title: string };
const slugs = (cards: Card[]) => cards.map((card) => card.slug);

async function sell(listingId: string, shopId: string, quantity: number, daysAgo: number) {
  const buyer = await prisma.user.create({ data: { email: `buyer-${unique()}@example.com` } });
  const paidAt = new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000);
  await prisma.order.create({
    data: {
      shopId,
      buyerId: buyer.id,
      email: buyer.email,
      status: "PAID",
      currency: "EUR",
      subtotalAmount: 900 * quantity,
      totalAmount: 900 * quantity,
      paidAt,
      items: { create: { listingId, title: "Sold", unitAmount: 900, quantity, currency: "EUR" } },
    },
  });
}

describe("the home page", () => {
  it("shows top rated, best-selling this week and new, each listing once, never hidden ones", async () => {
    const shop = await createSearchShop();
    const loved = await createSearchListing(shop.id, { title: "Loved one", ratingCount: 4, ratingSum: 19 });
    const weekly = await createSearchListing(shop.id, { title: "Weekly hit", salesCount: 1 });
    const old = await createSearchListing(shop.id, { title: "Old hit", salesCount: 40 });
    await sell(weekly.id, shop.id, 5, 1);
    await sell(old.id, shop.id, 3, 30);
    const draft = await createSearchListing(shop.id, { title: "Draft", status: "DRAFT", salesCount: 99 });
    const takenDown = await createSearchListing(shop.id, {
      title: "Taken down",
      takenDownAt: new Date(),
      ratingCount: 9,
      ratingSum: 45,
      salesCount: 99,
    });
    await sell(takenDown.id, shop.id, 50, 1);

    const home = expectData(await callRoute(homeRoute.loader, requestAs(null, "/"))).data;
    expect(slugs(home.featured)).toContain(loved.slug);
    expect(slugs(home.bestSelling)[0]).toBe(weekly.slug);
    expect(slugs(home.bestSelling)).toContain(old.slug);
    const everything = [...home.featured, ...home.bestSelling, ...home.newest] as Card[];
    expect(new Set(slugs(everything)).size).toBe(everything.length);
    expect(slugs(everything)).not.toContain(draft.slug);
    expect(slugs(everything)).not.toContain(takenDown.slug);
  });
});

describe("landing pages", () => {
  it("show a category's and a model's listings under their own title, and 404 for unknown names", async () => {
    const shop = await createSearchShop();
    const design = await createSearchListing(shop.id, {
      title: "Poster styles",
      category: "Design",
      aiModels: ["Stable Diffusion"],
    });
    await createSearchListing(shop.id, {
      title: "Hidden design",
      category: "Design",
      takenDownAt: new Date(),
    });
    const category = expectData(
      await callRoute(categoryRoute.loader, requestAs(null, "/c/design"), { category: "design" }),
    ).data;
    expect(category.name).toBe("Design");
    expect(category.canonical).toBe("http://stapel.test/c/design");
    expect(slugs(category.page.results)).toEqual([design.slug]);
    const model = expectData(
      await callRoute(modelRoute.loader, requestAs(null, "/m/stable-diffusion?sort=price-asc"), {
        model: "stable-diffusion",
      }),
    ).data;
    expect(model.name).toBe("Stable Diffusion");
    expect(slugs(model.page.results)).toEqual([design.slug]);
    // A category only a taken-down listing has does not exist for the storefront.
    await createSearchListing(shop.id, {
      title: "Only hidden",
      category: "Education",
      takenDownAt: new Date(),
    });
    for (const [route, name, value] of [
      [categoryRoute, "category", "education"],
      [categoryRoute, "category", "no-such-thing"],
      [categoryRoute, "category", "Design"],
      [modelRoute, "model", "%00"],
      [modelRoute, "model", "x".repeat(200)],
    ] as const) {
      const response = expectResponse(
        await callRoute(route.loader, requestAs(null, `/${name[0]}/${value}`), { [name]: value }),
      );
      expect(response.status, `${name} ${value}`).toBe(404);
    }
  });
});
