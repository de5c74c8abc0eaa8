import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as settingsRoute from "~/routes/dashboard.settings/route.tsx";
import * as shopRoute from "~/routes/s.$handle/route.tsx";
import * as sellRoute from "~/routes/sell/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, createUser, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectData, expectResponse } from "../support/routes.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

let counter = 0;
const freshHandle = () => `maker-${Date.now().toString(36)}${(counter++).toString(36)}`;

type Reply = { result: { error?: Record<string, string[] | null> } };
const errorsOf = (reply: Reply) => reply.result.error ?? {};

function post(cookie: string | null, path: string, fields: Record<string, string>) {
  return requestAs(cookie, path, { method: "POST", body: new URLSearchParams(fields) });
}

const valid = (handle: string) => ({
  handle,
  name: "Ada's Prompts",
  bio: "Prompts for people who write for a living.",
  links: "https://ada.example\nhttps://social.example/@ada",
  defaultCurrency: "USD",
});

describe("opening a shop at /sell", () => {
  it("opens the shop, makes the user a seller and lands them on the dashboard", async () => {
    const user = await createUser();
    const cookie = await signIn(user.id);
    const page = expectData(await callRoute(sellRoute.loader, requestAs(cookie, "/sell")));
    expect(page.status).toBe(200);

    const handle = freshHandle();
    const response = expectResponse(
      await callRoute(sellRoute.action, post(cookie, "/sell", valid(handle.toUpperCase()))),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/dashboard");

    const shop = await prisma.shop.findUniqueOrThrow({
      where: { ownerId: user.id },
      include: { owner: true },
    });
    expect(shop).toMatchObject({
      handle,
      name: "Ada's Prompts",
      bio: "Prompts for people who write for a living.",
      links: ["https://ada.example", "https://social.example/@ada"],
      defaultCurrency: "USD",
      stripeAccountId: null,
      stripeChargesEnabled: false,
    });
    expect(shop.owner.role).toBe("SELLER");

    // Back at /sell with a shop: straight to the dashboard; a second shop is refused.
    const again = expectResponse(await callRoute(sellRoute.loader, requestAs(cookie, "/sell")));
    expect(again.headers.get("Location")).toBe("/dashboard");
    const second = expectData<Reply>(
      await callRoute(sellRoute.action, post(cookie, "/sell", valid(freshHandle()))),
    );
    expect(second.status).toBe(409);
    expect(JSON.stringify(second.data)).toContain("You already have a shop");
    expect(await prisma.shop.count({ where: { ownerId: user.id } })).toBe(1);
  });

  it("needs only a handle, a name and a currency", async () => {
    const user = await createUser();
    const handle = freshHandle();
    const response = expectResponse(
      await callRoute(
        sellRoute.action,
        post(await signIn(user.id), "/sell", { handle, name: "Bare", defaultCurrency: "EUR" }),
      ),
    );
    expect(response.headers.get("Location")).toBe("/dashboard");
    expect(await prisma.shop.findUniqueOrThrow({ where: { handle } })).toMatchObject({ bio: "", links: [] });
  });

  it("sends a visitor who is not signed in to sign in, and opens nothing", async () => {
    const handle = freshHandle();
    const response = expectResponse(await callRoute(sellRoute.action, post(null, "/sell", valid(handle))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fsell");
    expect(await prisma.shop.findUnique({ where: { handle } })).toBeNull();
  });

  it("refuses reserved, malformed and taken handles with a message, storing nothing", async () => {
    const user = await createUser();
    const cookie = await signIn(user.id);
    const { shop: taken } = await createListingForSale();
    const cases: [string, string][] = [
      ["admin", "reserved"],
      ["Dashboard", "reserved"],
      ["sell", "reserved"],
      ["s", "3 to 30"],
      ["-ada", "3 to 30"],
      ["ada--x", "3 to 30"],
      ["ada/../x", "3 to 30"],
      ["a".repeat(31), "3 to 30"],
      ["", "Choose a handle"],
    ];
    for (const [handle, message] of cases) {
      const reply = expectData<Reply>(
        await callRoute(sellRoute.action, post(cookie, "/sell", valid(handle))),
      );
      expect(reply.status, handle).toBe(400);
      expect(errorsOf(reply.data).handle?.join(" "), handle).toContain(message);
    }
    const duplicate = expectData<Reply>(
      await callRoute(sellRoute.action, post(cookie, "/sell", valid(taken.handle.toUpperCase()))),
    );
    expect(duplicate.status).toBe(409);
    expect(errorsOf(duplicate.data).handle).toEqual(["This handle is taken: choose another one"]);
    expect(await prisma.shop.count({ where: { ownerId: user.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("BUYER");
  });

  it("refuses a bad name, links that are not https, too many links and an unknown currency", async () => {
    const user = await createUser();
    const cookie = await signIn(user.id);
    const send = async (fields: Partial<ReturnType<typeof valid>>) =>
      expectData<Reply>(
        await callRoute(sellRoute.action, post(cookie, "/sell", { ...valid(freshHandle()), ...fields })),
      );

    expect(errorsOf((await send({ name: "   " })).data).name).toEqual(["Give your shop a name"]);
    expect(JSON.stringify(errorsOf((await send({ links: "https://nul.example/\u0000" })).data))).toContain(
      "is not an https:// link",
    );
    const http = await send({ links: "http://plain.example" });
    expect(http.status).toBe(400);
    expect(JSON.stringify(errorsOf(http.data))).toContain(
      '\\"http://plain.example\\" is not an https:// link',
    );
    expect(JSON.stringify(errorsOf((await send({ links: "javascript:alert(1)" })).data))).toContain(
      "is not an https:// link",
    );
    const six = Array.from({ length: 6 }, (_, i) => `https://l${i}.example`).join("\n");
    expect(errorsOf((await send({ links: six })).data).links).toEqual(["At most 5 links"]);
    expect(errorsOf((await send({ defaultCurrency: "GBP" })).data).defaultCurrency).toEqual([
      "Choose EUR or USD as the shop's default currency",
    ]);
    expect(errorsOf((await send({ bio: "x".repeat(501) })).data).bio?.join(" ")).toContain("at most 500");
    expect(await prisma.shop.count({ where: { ownerId: user.id } })).toBe(0);
  });
});

describe("shop settings at /dashboard/settings", () => {
  it("lets the seller edit their own shop and refuses anyone without a shop (403)", async () => {
    const { seller, shop } = await createListingForSale();
    const cookie = await signIn(seller.id);
    const page = expectData(await callRoute(settingsRoute.loader, requestAs(cookie, "/dashboard/settings")));
    expect(page.data.settings).toMatchObject({ handle: shop.handle, name: shop.name });

    const saved = expectData(
      await callRoute(
        settingsRoute.action,
        post(cookie, "/dashboard/settings", {
          name: "Renamed",
          bio: "New bio",
          links: "https://renamed.example",
          defaultCurrency: "USD",
          // A handle or another shop's id in the form changes nothing: the shop comes from the session.
          handle: "hijacked",
          shopId: "someothershopid0000000000",
        }),
      ),
    );
    expect(saved.status).toBe(200);
    expect(await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } })).toMatchObject({
      handle: shop.handle,
      name: "Renamed",
      bio: "New bio",
      links: ["https://renamed.example"],
      defaultCurrency: "USD",
    });

    const bad = expectData<Reply>(
      await callRoute(
        settingsRoute.action,
        post(cookie, "/dashboard/settings", { name: "", links: "ftp://x.example", defaultCurrency: "EUR" }),
      ),
    );
    expect(bad.status).toBe(400);
    expect((await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } })).name).toBe("Renamed");

    const buyer = await createUser();
    const buyerCookie = await signIn(buyer.id);
    const refused = expectResponse(
      await callRoute(settingsRoute.loader, requestAs(buyerCookie, "/dashboard/settings")),
    );
    expect(refused.status).toBe(403);
    const refusedPost = expectResponse(
      await callRoute(
        settingsRoute.action,
        post(buyerCookie, "/dashboard/settings", { name: "X", defaultCurrency: "EUR" }),
      ),
    );
    expect(refusedPost.status).toBe(403);
  });

  it("sets the shop's avatar from one of its own images, shown on the shop page; another shop's image is 404", async () => {
    const { seller, shop } = await createListingForSale();
    const other = await createListingForSale();
    const image = (shopId: string) =>
      prisma.image.create({
        data: {
          shopId,
          alt: "Round logo",
          width: 400,
          height: 400,
          widths: [320],
          storagePrefix: `images/test-${shopId}-${Date.now()}`,
          sha256: "0".repeat(64),
        },
      });
    const own = await image(shop.id);
    const foreign = await image(other.shop.id);
    const cookie = await signIn(seller.id);
    const fields = { name: shop.name, defaultCurrency: "EUR" };

    const refused = expectData<Reply>(
      await callRoute(
        settingsRoute.action,
        post(cookie, "/dashboard/settings", { ...fields, avatarImageId: foreign.id }),
      ),
    );
    expect(refused.status).toBe(404);
    expect((await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } })).avatarImageId).toBeNull();

    const saved = expectData(
      await callRoute(
        settingsRoute.action,
        post(cookie, "/dashboard/settings", { ...fields, avatarImageId: own.id }),
      ),
    );
    expect(saved.status).toBe(200);
    const page = expectData(
      await callRoute(shopRoute.loader, requestAs(null, `/s/${shop.handle}`), { handle: shop.handle }),
    );
    expect(page.data.shop.avatarImage).toMatchObject({ id: own.id, alt: "Round logo", widths: [320] });

    // Saving without one removes it.
    await callRoute(settingsRoute.action, post(cookie, "/dashboard/settings", fields));
    expect((await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } })).avatarImageId).toBeNull();
  });
});
