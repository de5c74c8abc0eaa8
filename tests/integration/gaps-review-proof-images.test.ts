// A reviewer's proof image, through the real review route: stored as webp without metadata under the
// listing's shop but never usable by the seller, shown on the review with its alt text, answered 404
// while the review is hidden, and deleted (row and bytes) when replaced or removed. Refusals change
// nothing: not an image, no alt text, too large, not a buyer, an image id instead of a file.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setListingCover } from "~/modules/media/images.server.ts";
import * as imagesRoute from "~/routes/images.$imageId.$variant/route.ts";
import * as reviewRoute from "~/routes/p.$slug_.review/route.tsx";
import * as allReviewsRoute from "~/routes/p.$slug_.reviews/route.tsx";
import { prisma } from "~/utils/db.server.ts";
import { startTestApp } from "../support/app-env.ts";
import { expectData, expectResponse } from "../support/routes.ts";
import { callRoute, createUser, listingWithBuyer, requestAs, signIn } from "./reviews-fixtures.ts";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

/** A JPEG carrying EXIF (camera and a GPS position), as a phone would send it. */
const photo = (width = 900, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: "PhoneCo", Model: "Snap 9" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 31/1 0/1" },
    })
    .toBuffer();

type Fields = Record<string, string | { bytes: Buffer; name: string; type?: string }>;

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers loosely
type Json = Record<string, any>;

/** Posts the review form as a browser does with a file input: multipart, with Content-Length. */
async function postMultipart(cookie: string | null, slug: string, fields: Fields) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") form.set(name, value);
    else
      form.set(
        name,
        new Blob([new Uint8Array(value.bytes)], { type: value.type ?? "image/jpeg" }),
        value.name,
      );
  }
  const probe = new Request("http://stapel.test/", { method: "POST", body: form });
  const body = Buffer.from(await probe.arrayBuffer());
  return callRoute(
    reviewRoute.action,
    requestAs(cookie, `/p/${slug}/review`, {
      method: "POST",
      body,
      headers: {
        "Content-Type": probe.headers.get("Content-Type") ?? "",
        "Content-Length": String(body.byteLength),
      },
    }),
    { slug },
  );
}

const aReview = { rating: "5", body: "It drew exactly the poster I asked for." };

const variant = async (imageId: string, name: string) =>
  expectResponse(
    await callRoute(imagesRoute.loader, requestAs(null, `/images/${imageId}/${name}`), {
      imageId,
      variant: name,
    }),
  );

const proofOf = async (listingId: string, userId: string) =>
  (
    await prisma.review.findUniqueOrThrow({
      where: { listingId_userId: { listingId, userId } },
      select: {
        proofImageId: true,
        proofImage: { select: { storagePrefix: true, alt: true, shopId: true } },
      },
    })
  ).proofImage;

const storedProofs = async (shopId: string) =>
  readdir(join(process.env.FILE_STORAGE_DIR ?? "", "review-proofs", shopId), { recursive: true }).catch(
    () => [],
  );

describe("a review's proof image", { timeout: 60_000 }, () => {
  it("is stored without metadata, shown on the review with its alt text, and not the seller's to use", async () => {
    const { shop, listing, sale, buyerCookie } = await listingWithBuyer();
    const posted = expectResponse(
      await postMultipart(buyerCookie, listing.slug, {
        ...aReview,
        proofImage: { bytes: await photo(), name: "IMG_0001.jpg" },
        proofImageAlt: "A blue poster the prompt made",
      }),
    );
    expect(posted.status).toBe(302);
    const proof = await proofOf(listing.id, sale.buyer.id);
    expect(proof).toMatchObject({ alt: "A blue poster the prompt made", shopId: shop.id });
    expect(proof?.storagePrefix).toMatch(new RegExp(`^review-proofs/${shop.id}/`));

    const page = expectData(
      await callRoute(allReviewsRoute.loader, requestAs(null, `/p/${listing.slug}/reviews`), {
        slug: listing.slug,
      }),
    ).data as Json;
    const shown = page.reviews[0].proofImage;
    expect(shown).toMatchObject({
      alt: "A blue poster the prompt made",
      width: 900,
      height: 600,
      widths: [320, 640],
    });

    const served = await variant(shown.id, "640.webp");
    expect(served.status).toBe(200);
    // An admin can hide the review: caches ask again (a 304 by ETag) instead of keeping it a year.
    expect(served.headers.get("Cache-Control")).toBe("public, no-cache");
    const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(metadata).toMatchObject({ format: "webp", width: 640 });
    expect(metadata.exif).toBeUndefined();

    // The seller sees its id on the page, but cannot make it a cover.
    expect(await setListingCover(shop.id, listing.id, shown.id)).toMatchObject({
      ok: false,
      refusal: "not-found",
    });
  });

  it("is answered 404 while the review is hidden, and again once it is shown", async () => {
    const { listing, sale, buyerCookie } = await listingWithBuyer();
    await postMultipart(buyerCookie, listing.slug, {
      ...aReview,
      proofImage: { bytes: await photo(400, 400), name: "out.jpg" },
      proofImageAlt: "Proof",
    });
    const review = await prisma.review.findUniqueOrThrow({
      where: { listingId_userId: { listingId: listing.id, userId: sale.buyer.id } },
    });
    const imageId = review.proofImageId ?? "";
    expect((await variant(imageId, "320.webp")).status).toBe(200);
    await prisma.review.update({ where: { id: review.id }, data: { hiddenAt: new Date() } });
    expect((await variant(imageId, "320.webp")).status).toBe(404);
    await prisma.review.update({ where: { id: review.id }, data: { hiddenAt: null } });
    expect((await variant(imageId, "320.webp")).status).toBe(200);
  });

  it("is deleted with its bytes when replaced or removed; an edit of the alt text alone keeps it", async () => {
    const { shop, listing, sale, buyerCookie } = await listingWithBuyer();
    await postMultipart(buyerCookie, listing.slug, {
      ...aReview,
      proofImage: { bytes: await photo(), name: "first.jpg" },
      proofImageAlt: "First try",
    });
    const first =
      (await prisma.review.findFirstOrThrow({ where: { listingId: listing.id } })).proofImageId ?? "";

    await postMultipart(buyerCookie, listing.slug, {
      ...aReview,
      proofImageAlt: "The first try, a blue poster",
    });
    expect(await proofOf(listing.id, sale.buyer.id)).toMatchObject({ alt: "The first try, a blue poster" });

    expect(
      expectResponse(
        await postMultipart(buyerCookie, listing.slug, {
          ...aReview,
          proofImage: { bytes: await photo(500, 500), name: "second.jpg" },
          proofImageAlt: "Second try",
        }),
      ).status,
    ).toBe(302);
    const second =
      (await prisma.review.findFirstOrThrow({ where: { listingId: listing.id } })).proofImageId ?? "";
    expect(second).not.toBe(first);
    expect(await prisma.image.findUnique({ where: { id: first } })).toBeNull();
    expect((await variant(first, "320.webp")).status).toBe(404);
    expect(await storedProofs(shop.id)).toHaveLength(3); // the folder and the second image's two variants

    // Remove it (a plain form, as the page sends it without a new file).
    await postMultipart(buyerCookie, listing.slug, { ...aReview, removeProofImage: "on" });
    expect(await proofOf(listing.id, sale.buyer.id)).toBeNull();
    expect(await prisma.image.findUnique({ where: { id: second } })).toBeNull();
    expect((await storedProofs(shop.id)).filter((name) => name.endsWith(".webp"))).toEqual([]);
  });

  it("refuses what is not a buyer's readable image, with a message, and stores nothing", async () => {
    const { shop, listing, sale, buyerCookie } = await listingWithBuyer();
    const before = await prisma.image.count();
    const refusal = async (cookie: string, fields: Fields) => {
      const { data, status } = expectData<{ result: Json }>(
        await postMultipart(cookie, listing.slug, fields),
      );
      return { status, error: data.result.error as Record<string, string[]> };
    };
    const notAnImage = await refusal(buyerCookie, {
      ...aReview,
      proofImage: { bytes: Buffer.from('<svg onload="alert(1)"/>'), name: "proof.png", type: "image/png" },
      proofImageAlt: "x",
    });
    expect(notAnImage.status).toBe(400);
    expect(notAnImage.error.proofImage?.[0]).toMatch(/not an image we can read|PNG, JPEG, WebP or GIF/);

    const noAlt = await refusal(buyerCookie, {
      ...aReview,
      proofImage: { bytes: await photo(), name: "a.jpg" },
    });
    expect(noAlt.status).toBe(400);
    expect(noAlt.error.proofImageAlt?.[0]).toMatch(/alt text/);

    // Someone else's image id in place of a file: not a file, refused (no id can be attached).
    const stranger = await listingWithBuyer();
    await postMultipart(stranger.buyerCookie, stranger.listing.slug, {
      ...aReview,
      proofImage: { bytes: await photo(), name: "theirs.jpg" },
      proofImageAlt: "Theirs",
    });
    const theirs = (await prisma.review.findFirstOrThrow({ where: { listingId: stranger.listing.id } }))
      .proofImageId;
    const byId = await refusal(buyerCookie, {
      ...aReview,
      proofImage: theirs ?? "",
      proofImageAlt: "Mine now",
    });
    expect(byId.status).toBe(400);
    expect(byId.error.proofImage?.[0]).toBe("Choose an image file");

    const tooLarge = await refusal(buyerCookie, {
      ...aReview,
      proofImage: { bytes: Buffer.alloc(5_000_001, 1), name: "huge.jpg" },
      proofImageAlt: "Huge",
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.error.proofImage).toEqual(["The image can be at most 5 MB"]);

    // A body cut off before its closing boundary (from a buyer who may review): nothing written.
    const boundary = "----gapsboundary";
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="rating"\r\n\r\n5\r\n--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\nA review that must not be written.`;
    const truncated = expectData(
      await callRoute(
        reviewRoute.action,
        requestAs(buyerCookie, `/p/${listing.slug}/review`, {
          method: "POST",
          body: cut,
          headers: {
            "Content-Type": `multipart/form-data; boundary=${boundary}`,
            "Content-Length": String(Buffer.byteLength(cut)),
          },
        }),
        { slug: listing.slug },
      ),
    );
    expect(truncated.status).toBe(400);

    const notABuyer = await signIn((await createUser()).id);
    const { status } = expectData(
      await postMultipart(notABuyer, listing.slug, {
        ...aReview,
        proofImage: { bytes: await photo(), name: "a.jpg" },
        proofImageAlt: "Mine",
      }),
    );
    expect(status).toBe(403);

    expect(await prisma.image.count()).toBe(before + 1); // the stranger's own, nothing else
    expect(await prisma.review.count({ where: { listingId: listing.id, userId: sale.buyer.id } })).toBe(0);
    expect(await storedProofs(shop.id)).toEqual([]);
  });
});
