import { useRevalidator } from "@remix-run/react";
import { FileUploadField } from "~/components/media/file-upload-field.tsx";
import { formatBytes } from "~/modules/media/file-types.ts";

/**
 * The listing's paid files: the media components' upload field (progress, retry, SHA-256) and the
 * files already attached, each downloadable by the seller. An upload becomes a ListingFile at once;
 * on a published listing the next save turns it into a version with a changelog.
 */
export function ListingFiles({
  listingId,
  files,
}: {
  listingId: string;
  files: { id: string; fileName: string; sizeBytes: number; sha256: string }[];
}) {
  const revalidator = useRevalidator();
  return (
    <section
      aria-labelledby="files-heading"
      className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-gray-200"
    >
      <h3 id="files-heading" className="font-bold">
        Files (paid)
      </h3>
      {files.length === 0 ? (
        <p className="text-sm text-gray-600">No files yet.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {files.map((file) => (
            <li key={file.id} className="break-all">
              <a href={`/dashboard/files/${file.id}`} className="font-medium text-brand-700 underline">
                {file.fileName}
              </a>{" "}
              <span className="text-gray-600">
                {formatBytes(file.sizeBytes)} · SHA-256 <code className="text-xs">{file.sha256}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      <FileUploadField listingId={listingId} onUploaded={() => revalidator.revalidate()} />
    </section>
  );
}
