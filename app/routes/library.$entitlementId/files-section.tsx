import { CopyButton } from "~/components/copy-button.tsx";
import { useT } from "~/components/i18n.tsx";
import type { LibraryFile } from "~/modules/delivery/library-files.server.ts";
import { formatBytes } from "~/modules/media/file-types.ts";

/**
 * The item's files with their personal, short-lived download links, size, SHA-256 (to check the
 * download) and, when the seller limits downloads per purchase, how many are left.
 */
export function FilesSection({ files }: { files: LibraryFile[] }) {
  const t = useT();
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="files-heading" className="rounded-xl bg-white p-5 ring-1 ring-gray-200">
      <h2 id="files-heading" className="font-bold">
        {t("files.heading")}
      </h2>
      <ul className="mt-2 space-y-4">
        {files.map((file) => (
          <FileRow key={file.id} file={file} />
        ))}
      </ul>
      <p className="mt-3 text-xs text-gray-600">{t("files.note")}</p>
    </section>
  );
}

function FileRow({ file }: { file: LibraryFile }) {
  const usedUp = file.downloadsLeft === 0;
  const t = useT();
  const sizeId = `file-${file.id}-size`;
  return (
    <li className="space-y-1" data-file-id={file.id}>
      <div className="flex flex-wrap items-baseline gap-x-2">
        {usedUp ? (
          <span className="font-semibold text-gray-700">{file.fileName}</span>
        ) : (
          <a
            href={file.href}
            download={file.fileName}
            aria-describedby={sizeId}
            className="font-semibold text-brand-700 underline"
          >
            {t("files.download", { name: file.fileName })}
          </a>
        )}
        <span id={sizeId} className="text-sm text-gray-600" data-file-size={file.sizeBytes}>
          {formatBytes(file.sizeBytes)}
        </span>
      </div>
      {file.downloadLimit !== null && (
        <p className={`text-sm ${usedUp ? "font-semibold text-red-700" : "text-gray-700"}`}>
          {t("files.left", { left: file.downloadsLeft ?? 0, limit: file.downloadLimit })}
          {usedUp && t("files.usedUp")}
        </p>
      )}
      <div className="flex min-w-0 items-center gap-2 text-xs text-gray-700">
        <span className="shrink-0">SHA-256</span>
        <code
          className="min-w-0 truncate rounded bg-gray-100 px-1.5 py-0.5 font-mono"
          title={file.sha256}
          data-sha256={file.sha256}
        >
          {file.sha256}
        </code>
        <CopyButton text={file.sha256} label={t("files.copy")} />
      </div>
    </li>
  );
}
