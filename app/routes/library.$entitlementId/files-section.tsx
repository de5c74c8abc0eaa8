import type { LibraryFile } from "~/modules/delivery/library-files.server.ts";

const kib = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The item's files with their personal, short-lived download links. */
export function FilesSection({ files }: { files: LibraryFile[] }) {
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="files-heading" className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
      <h2 id="files-heading" className="font-bold">
        Files
      </h2>
      <ul className="mt-2 space-y-2">
        {files.map((file) => (
          <li key={file.id}>
            <a href={file.href} download={file.fileName} className="font-semibold text-brand-700 underline">
              Download {file.fileName}
            </a>{" "}
            <span className="text-sm text-gray-600">({kib(file.sizeBytes)})</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-gray-600">
        Download links are personal and expire after a few minutes; reload this page for fresh ones.
      </p>
    </section>
  );
}
