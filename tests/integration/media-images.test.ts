// Sellers' images through the real routes: sharp decides from the bytes whether it is an image,
// variants are webp at 320/640/1280 px (never upscaled), served with year-long immutable caching and
// an ETag; alt text is required; only the shop's own images can become its covers and avatar.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setExampleImage, setListingCover, setShopAvatar } from "~/modules/media/images.server.ts";
import * as imageUploadRoute from "~/routes/dashboard.uploads.images/route.ts";
import * as imagesRoute from "~/routes/images.$imageId.$variant/route.ts";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { createListingForSale, requestAs, signIn } from "../support/fixtures.ts";
import { callRoute, expectResponse } from "../support/routes.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function seller() {
  const sale = await createListingForSale();
  return { ...sale, cookie: await signIn(sale.seller.id) };
}

const picture = (width: number, height: number, format: "png" | "jpeg" | "gif" | "webp" = "png") =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .toFormat(format)
    .toBuffer();

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers loosely
type Json = Record<string, any>;

async function upload(cookie: string, fields: { alt?: string; image?: Blob; fileName?: string }) {
  const form = new FormData();
  if (fields.alt !== undefined) form.set("alt", fields.alt);
  if (fields.image) form.set("image", fields.image, fields.fileName ?? "picture.png");
  // A Request computes Content-Length only when sent; the route needs it, as browsers send it.
  const probe = new Request("http://stapel.test/", { method: "POST", body: form });
  const body = Buffer.from(await probe.arrayBuffer());
  const response = expectResponse(
    await callRoute(
      imageUploadRoute.action,
      requestAs(cookie, "/dashboard/uploads/images", {
        method: "POST",
        body,
        headers: {
          "Content-Type": probe.headers.get("Content-Type") ?? "",
          "Content-Length": String(body.byteLength),
        },
      }),
    ),
  );
  return { status: response.status, body: (await response.json()) as Json };
}

const variant = async (imageId: string, name: string, headers: Record<string, string> = {}) =>
  expectResponse(
    await callRoute(imagesRoute.loader, requestAs(null, `/images/${imageId}/${name}`, { headers }), {
      imageId,
      variant: name,
    }),
  );

const storedImages = async (shopId: string) =>
  readdir(join(process.env.FILE_STORAGE_DIR ?? "", "images", shopId), { recursive: true }).catch(() => []);

describe("an image upload", { timeout: 60_000 }, () => {
  it("stores webp variants at 320, 640, 960 and 1280 px, served for a year with an ETag", async () => {
    const { cookie, shop } = await seller();
    const png = await picture(2000, 1000);
    const uploaded = await upload(cookie, { alt: "A rust-red square", image: new Blob([png]) });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.image).toMatchObject({
      alt: "A rust-red square",
      width: 2000,
      height: 1000,
      widths: [320, 640, 960, 1280],
    });
    const imageId = uploaded.body.image.id as string;
    expect(await prisma.image.findUniqueOrThrow({ where: { id: imageId } })).toMatchObject({
      shopId: shop.id,
    });

    const served = await variant(imageId, "640.webp");
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect(served.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ format: "webp", width: 640, height: 320 });

    const etag = served.headers.get("ETag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{32}-640"$/);
    const revalidated = await variant(imageId, "640.webp", { "If-None-Match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");

    for (const missing of ["800.webp", "640.png", "..%2F640.webp", "0.webp"]) {
      expect((await variant(imageId, missing)).status, missing).toBe(404);
    }
    expect((await variant("cmissing00000000000000000", "640.webp")).status).toBe(404);
  });

  it("never upscales: a small image keeps its own width, and JPEG, GIF and WebP are read too", async () => {
    const { cookie } = await seller();
    const small = await upload(cookie, { alt: "Small", image: new Blob([await picture(200, 100)]) });
    expect(small.body.image.widths).toEqual([200]);
    for (const format of ["jpeg", "gif", "webp"] as const) {
      const other = await upload(cookie, { alt: format, image: new Blob([await picture(700, 700, format)]) });
      expect(other.status, format).toBe(201);
      expect(other.body.image.widths, format).toEqual([320, 640]);
    }
  });

  it("refuses a file that is not an image, whatever its name and type say, and stores nothing", async () => {
    const { cookie, shop } = await seller();
    const before = await prisma.image.count();
    for (const [bytes, fileName] of [
      [Buffer.from("%PDF-1.7 definitely not a picture"), "cover.png"],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "logo.svg"],
      [(await picture(300, 300)).subarray(0, 60), "truncated.png"],
    ] as const) {
      const refused = await upload(cookie, {
        alt: "x",
        image: new Blob([bytes], { type: "image/png" }),
        fileName,
      });
      expect(refused.status, fileName).toBe(400);
      expect(refused.body.result.error.image[0], fileName).toMatch(
        /not an image we can read|damaged|upload a PNG, JPEG, WebP or GIF/,
      );
    }
    expect(await prisma.image.count()).toBe(before);
    expect(await storedImages(shop.id)).toEqual([]);
  });

  it("requires alt text and refuses images over 10 MB", async () => {
    const { cookie } = await seller();
    const png = await picture(400, 400);
    const noAlt = await upload(cookie, { alt: "   ", image: new Blob([png]) });
    expect(noAlt.status).toBe(400);
    expect(noAlt.body.result.error.alt[0]).toMatch(/alt text/);
    const noImage = await upload(cookie, { alt: "A picture" });
    expect(noImage.status).toBe(400);
    const huge = await upload(cookie, { alt: "Huge", image: new Blob([Buffer.alloc(10_000_001)]) });
    expect(huge.status).toBe(413);
    expect(huge.body.message).toBe("Images can be at most 10 MB.");
  });

  it("becomes a cover, an example output or an avatar only for its own shop", async () => {
    const a = await seller();
    const b = await seller();
    const imageA = (await upload(a.cookie, { alt: "Cover of A", image: new Blob([await picture(800, 600)]) }))
      .body.image;

    expect(await setListingCover(a.shop.id, a.listing.id, imageA.id)).toEqual({ ok: true });
    expect((await prisma.listing.findUniqueOrThrow({ where: { id: a.listing.id } })).coverImageId).toBe(
      imageA.id,
    );
    expect(await setShopAvatar(a.shop.id, imageA.id)).toEqual({ ok: true });
    expect(await setExampleImage(a.shop.id, a.listing.id, 0, imageA.id)).toEqual({ ok: true });

    // B can use neither A's image nor A's listing; both look missing.
    expect(await setListingCover(b.shop.id, b.listing.id, imageA.id)).toMatchObject({
      ok: false,
      refusal: "not-found",
    });
    expect(await setListingCover(b.shop.id, a.listing.id, null)).toMatchObject({
      ok: false,
      refusal: "not-found",
    });
    expect(await setShopAvatar(b.shop.id, imageA.id)).toMatchObject({ ok: false, refusal: "not-found" });
    expect(await setExampleImage(b.shop.id, a.listing.id, 0, null)).toMatchObject({
      ok: false,
      refusal: "not-found",
    });
    expect((await prisma.listing.findUniqueOrThrow({ where: { id: a.listing.id } })).coverImageId).toBe(
      imageA.id,
    );
    expect((await prisma.shop.findUniqueOrThrow({ where: { id: b.shop.id } })).avatarImageId).toBeNull();

    expect(await setListingCover(a.shop.id, a.listing.id, null)).toEqual({ ok: true });
  });
});
