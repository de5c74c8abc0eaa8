import { Button, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/** Sent to the new address: following the link moves the account there. In the asker's language. */
export function EmailChangeConfirmEmail({
  url,
  currentEmail,
  minutes,
  language = "en",
}: {
  url: string;
  currentEmail: string;
  minutes: number;
  language?: Language;
}) {
  const t = translator(language);
  return (
    <EmailLayout preview={t("email.change.subject")} language={language}>
      <Text>{t("email.change.body", { current: currentEmail, minutes })}</Text>
      <Button href={url} style={buttonStyle}>
        {t("email.change.button")}
      </Button>
      <Text style={{ fontSize: 13, color: "#6b6880" }}>
        {t("email.change.paste", { url })}
        {"\n"}
        {t("email.change.ignore")}
      </Text>
    </EmailLayout>
  );
}
