import { Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { EmailLayout } from "./layout.tsx";

/**
 * Sent to the old address when a move is asked for, so a hijacked session cannot move it silently.
 * In the language of the request that asked (the account stores no language of its own yet).
 */
export function EmailChangeNoticeEmail({
  maskedNewEmail,
  minutes,
  settingsUrl,
  language = "en",
}: {
  maskedNewEmail: string;
  minutes: number;
  settingsUrl: string;
  language?: Language;
}) {
  const t = translator(language);
  return (
    <EmailLayout preview={t("email.notice.preview")} language={language}>
      <Text>{t("email.notice.body", { email: maskedNewEmail, minutes })}</Text>
      <Text>{t("email.notice.action", { url: settingsUrl })}</Text>
    </EmailLayout>
  );
}
