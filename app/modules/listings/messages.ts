import type { EditorRefusal } from "./editor.server.ts";

/** What the seller reads when the editor refuses, and which field it belongs to (if any). */
export const editorRefusalMessages: Record<
  EditorRefusal,
  { message: string; field?: "slug" | "changelog" | "coverImageId" }
> = {
  "not-found": { message: "Your shop has no such listing." },
  "type-changed": { message: "A listing's type cannot change: duplicate it, or create a new listing." },
  "slug-taken": { message: "This address is taken: choose another.", field: "slug" },
  "slug-reserved": { message: "This address is reserved: choose another.", field: "slug" },
  "image-not-found": {
    message: "That image was not found: upload the cover again.",
    field: "coverImageId",
  },
  "changelog-required": {
    message: "This changes what your buyers get: say what changed, so they see it with the new version.",
    field: "changelog",
  },
};
