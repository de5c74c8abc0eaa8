import {
  defaultVariantWidth,
  imageSrcSet,
  imageVariantUrl,
  type PublicImage,
} from "~/modules/media/image-urls.ts";

/**
 * A seller's image with every stored width in `srcset`, so the browser downloads the smallest that
 * fills the slot `sizes` describes. Width and height keep the layout from jumping while it loads.
 */
export function ResponsiveImage({
  image,
  sizes = "(min-width: 768px) 50vw, 100vw",
  className = "",
  loading = "lazy",
}: {
  image: PublicImage;
  sizes?: string;
  className?: string;
  loading?: "lazy" | "eager";
}) {
  return (
    <img
      src={imageVariantUrl(image.id, defaultVariantWidth(image.widths))}
      srcSet={imageSrcSet(image)}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={image.alt}
      loading={loading}
      decoding="async"
      className={`h-auto max-w-full ${className}`}
    />
  );
}
