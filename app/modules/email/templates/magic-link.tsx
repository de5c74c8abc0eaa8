import { Button, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "./layout.tsx";

export function MagicLinkEmail({
  url,
  minutes,
  language = "en",
}: {
  url: string;
  minutes: number;
  language?: Language;
}) {
  const t = translator(language);
  return (
    <EmailLayout preview={t("email.magic.subject")} language={language}>
      <Text>{t("email.magic.body", { minutes })}</Text>
      <Button href={url} style={buttonStyle}>
        {t("email.magic.button")}
      </Button>
      <Text style={{ fontSize: 13, color: "#6b6880" }}>
        {t("email.magic.paste", { url })}
        {"\n"}
        {t("email.magic.ignore")}
      </Text>
    </EmailLayout>
  );
}
