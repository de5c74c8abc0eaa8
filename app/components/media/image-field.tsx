import { useEffect, useId, useRef, useState } from "react";
import { buttonClass } from "~/components/ui/button.tsx";
import { formatBytes, MAX_IMAGE_BYTES } from "~/modules/media/file-types.ts";
import type { PublicImage } from "~/modules/media/image-urls.ts";
import { ResponsiveImage } from "./responsive-image.tsx";
import { messagesOf } from "./upload-client.ts";

/**
 * An image picker for a page's own form (a listing's cover or example output, the shop's avatar):
 * choose a file, describe it (alt text is required), upload; the stored image's id goes into the
 * hidden input `name`, and the page's action attaches it with setListingCover / setShopAvatar /
 * setExampleImage. The picker's own inputs have no name, so they are never sent with that form.
 */
export function ImageField({
  name,
  label,
  defaultImage = null,
  errors,
}: {
  name: string;
  label: string;
  defaultImage?: PublicImage | null;
  /** The page's own errors for `name` (a refused attachment). */
  errors?: string[];
}) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [image, setImage] = useState<PublicImage | null>(defaultImage);
  const [chosen, setChosen] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [alt, setAlt] = useState("");
  const [messages, setMessages] = useState<{ image?: string[]; alt?: string[]; form?: string[] }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);

  function choose(file: File | undefined) {
    setMessages({});
    setChosen(file ?? null);
    setPreview(file ? URL.createObjectURL(file) : null);
    if (file && file.size > MAX_IMAGE_BYTES) {
      setMessages({
        image: [
          `This image is ${formatBytes(file.size)}; images can be at most ${formatBytes(MAX_IMAGE_BYTES)}.`,
        ],
      });
    }
  }

  async function upload() {
    if (!chosen) return setMessages({ image: ["Choose an image file first."] });
    if (!alt.trim())
      return setMessages({
        alt: ["Describe the image in a few words (alt text), for people who cannot see it."],
      });
    setBusy(true);
    setMessages({});
    const form = new FormData();
    form.set("alt", alt);
    form.set("image", chosen);
    try {
      const response = await fetch("/dashboard/uploads/images", {
        method: "POST",
        body: form,
        credentials: "same-origin",
      });
      const body = (await response.json().catch(() => ({}))) as {
        image?: PublicImage;
        result?: { error?: Record<string, string[] | null> };
      };
      if (response.status === 201 && body.image) {
        setImage(body.image);
        setChosen(null);
        setPreview(null);
        setAlt("");
        if (fileInput.current) fileInput.current.value = "";
      } else {
        const error = body.result?.error ?? {};
        setMessages({
          image: error.image ?? undefined,
          alt: error.alt ?? undefined,
          form: error.image || error.alt ? undefined : messagesOf({ status: response.status, body }),
        });
      }
    } catch {
      setMessages({ form: ["The server could not be reached. Check your connection and try again."] });
    } finally {
      setBusy(false);
    }
  }

  const allErrors = [...(messages.form ?? []), ...(errors ?? [])];
  return (
    <fieldset className="space-y-3 rounded-lg p-4 ring-1 ring-gray-200">
      <legend className="px-1 text-sm font-medium text-ink">{label}</legend>
      <input type="hidden" name={name} value={image?.id ?? ""} />
      {image && (
        <div className="flex items-start gap-3">
          <ResponsiveImage image={image} sizes="160px" className="w-40 rounded-md" />
          <div className="space-y-2 text-sm">
            <p className="text-gray-700">Alt text: {image.alt}</p>
            <button type="button" className={buttonClass("secondary")} onClick={() => setImage(null)}>
              Remove image
            </button>
          </div>
        </div>
      )}
      <div className="space-y-1">
        <label htmlFor={`${id}-file`} className="block text-sm font-medium text-ink">
          {image ? "Replace with another image" : "Image file"} (PNG, JPEG, WebP or GIF, up to{" "}
          {formatBytes(MAX_IMAGE_BYTES)})
        </label>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          aria-invalid={messages.image ? true : undefined}
          aria-describedby={messages.image ? `${id}-file-error` : undefined}
          onChange={(event) => choose(event.currentTarget.files?.[0])}
          className="block text-sm"
        />
        {messages.image && (
          <p id={`${id}-file-error`} className="text-sm text-red-700">
            {messages.image.join(" ")}
          </p>
        )}
      </div>
      {preview && <img src={preview} alt="Preview of the chosen file" className="max-h-48 rounded-md" />}
      <div className="space-y-1">
        <label htmlFor={`${id}-alt`} className="block text-sm font-medium text-ink">
          Alt text (what the image shows)
        </label>
        <input
          id={`${id}-alt`}
          type="text"
          maxLength={300}
          value={alt}
          onChange={(event) => setAlt(event.currentTarget.value)}
          aria-invalid={messages.alt ? true : undefined}
          aria-describedby={messages.alt ? `${id}-alt-error` : undefined}
          className="block w-full rounded-lg border-0 px-3 py-2.5 text-ink ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-brand-600 aria-[invalid]:ring-red-500"
        />
        {messages.alt && (
          <p id={`${id}-alt-error`} className="text-sm text-red-700">
            {messages.alt.join(" ")}
          </p>
        )}
      </div>
      {allErrors.length > 0 && (
        <p role="alert" className="text-sm text-red-700">
          {allErrors.join(" ")}
        </p>
      )}
      <button type="button" className={buttonClass("secondary")} disabled={busy || !chosen} onClick={upload}>
        {busy ? "Uploading…" : "Upload image"}
      </button>
    </fieldset>
  );
}
