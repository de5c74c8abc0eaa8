import { accountEn } from "./account.ts";
import { accountMoreEn } from "./account-more.ts";
import { libraryItemEn } from "./library-item.ts";
import { planChangeEn } from "./plan-change.ts";
import { settingsEn } from "./settings.ts";

/**
 * The words of the pages under /account and /library only: a chunk of their own in the browser,
 * so the storefront's pages (the product page above all) do not download them.
 */
export const enAccount = {
  ...accountEn,
  ...accountMoreEn,
  ...settingsEn,
  ...planChangeEn,
  ...libraryItemEn,
} as const;
