// The demo shops' Connect accounts (prisma/demo-connect.ts): the launcher onboards each seeded shop
// on the sandbox's hosted page so the demo keeps selling; a second start changes nothing, and a
// shop whose account the sandbox forgot gets a new one.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDiskFileStore } from "~/integrations/storage.server.ts";
import { startCheckout } from "~/modules/checkout/start-checkout.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { connectDemoShops } from "../../prisma/demo-connect.ts";
import { seedDemoShop } from "../../prisma/seed.ts";
import { SHOPS } from "../../prisma/seed-data/index.ts";
import { startTestApp } from "../support/app-env.ts";
import { createUser } from "../support/fixtures.ts";
import { settleWebhooks } from "../support/webhooks.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemoShop(prisma, { fileStore: createDiskFileStore(mkdtempSync(join(tmpdir(), "stapel-demo-"))) });
});
afterAll(async () => {
  await app.stop();
});

const handles = SHOPS.map((shop) => shop.handle);
const demoShops = () =>
  prisma.shop.findMany({
    where: { handle: { in: handles } },
    select: { id: true, handle: true, stripeAccountId: true, stripeChargesEnabled: true },
    orderBy: { handle: "asc" },
  });

it("onboards every seeded shop once, so its listings can be bought", { timeout: 60_000 }, async () => {
  const lines: string[] = [];
  expect((await connectDemoShops((line) => lines.push(line))).sort()).toEqual([...handles].sort());
  expect(lines).toHaveLength(1);
  const shops = await demoShops();
  expect(shops.every((shop) => shop.stripeAccountId?.startsWith("acct_") && shop.stripeChargesEnabled)).toBe(
    true,
  );

  // A second start: nothing to do.
  expect(await connectDemoShops()).toEqual([]);
  expect(await demoShops()).toEqual(shops);

  const listing = await prisma.listing.findFirstOrThrow({
    where: { status: "PUBLISHED", priceAmount: { gt: 0 }, shop: { handle: handles[0] } },
  });
  expect((await startCheckout(await createUser(), listing.id)).kind).toBe("redirect-to-stripe");

  // The sandbox's state was deleted: that shop gets a new account.
  const [first] = shops;
  await prisma.shop.update({
    where: { id: first?.id },
    data: { stripeAccountId: "acct_1ForgottenBySandbox" },
  });
  expect(await connectDemoShops()).toEqual([first?.handle]);
  const again = await prisma.shop.findUniqueOrThrow({ where: { id: first?.id } });
  expect(again).toMatchObject({ stripeChargesEnabled: true });
  expect(again.stripeAccountId).not.toBe("acct_1ForgottenBySandbox");
  await settleWebhooks(app.sandbox);
});
