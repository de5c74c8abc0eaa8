/** Public addresses of an image's webp variants, for pages and components (no server code). */
export type PublicImage = { id: string; alt: string; width: number; height: number; widths: number[] };

export function imageVariantUrl(imageId: string, width: number): string {
  return `/images/${imageId}/${width}.webp`;
}

/** `srcset` with every stored width, so the browser picks the smallest that fills its slot. */
export function imageSrcSet(image: Pick<PublicImage, "id" | "widths">): string {
  return image.widths.map((width) => `${imageVariantUrl(image.id, width)} ${width}w`).join(", ");
}

/** The variant for browsers without srcset: the widest up to 640 px, else the narrowest. */
export function defaultVariantWidth(widths: number[]): number {
  const sorted = [...widths].sort((a, b) => a - b);
  return sorted.filter((width) => width <= 640).at(-1) ?? sorted[0] ?? 0;
}
