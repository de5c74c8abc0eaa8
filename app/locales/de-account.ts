import { accountDe } from "./account.de.ts";
import { accountMoreDe } from "./account-more.de.ts";
import type { enAccount } from "./en-account.ts";
import { libraryItemDe } from "./library-item.de.ts";
import { planChangeDe } from "./plan-change.de.ts";
import { settingsDe } from "./settings.de.ts";

/** The account and library pages in German (see `en-account.ts`). */
export const deAccount: Record<keyof typeof enAccount, string> = {
  ...accountDe,
  ...accountMoreDe,
  ...settingsDe,
  ...planChangeDe,
  ...libraryItemDe,
};
