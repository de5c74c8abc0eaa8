import {
  defaultVariantWidth,
  imageSrcSet,
  imageVariantUrl,
  type PublicImage,
} from "~/modules/media/image-urls.ts";

/**
 * A seller's image with every stored width in `srcset`, so the browser downloads the smallest that
 * fills the slot `sizes` describes. Width and height keep the layout from jumping while it loads.
 * `priority` is for the one image likely to be the largest paint above the fold (the first card of a
 * page): loaded at once and fetched before the other images.
 */
export function ResponsiveImage({
  image,
  sizes = "(min-width: 768px) 50vw, 100vw",
  className = "",
  loading = "lazy",
  priority = false,
}: {
  image: PublicImage;
  sizes?: string;
  className?: string;
  loading?: "lazy" | "eager";
  priority?: boolean;
}) {
  return (
    <img
      src={imageVariantUrl(image.id, defaultVariantWidth(image.widths))}
      srcSet={imageSrcSet(image)}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={image.alt}
      loading={priority ? "eager" : loading}
      // React 18 knows no fetchPriority prop; the lowercase attribute passes through as written.
      {...(priority ? { fetchpriority: "high" } : {})}
      decoding={priority ? "auto" : "async"}
      className={`h-auto max-w-full ${className}`}
    />
  );
}
