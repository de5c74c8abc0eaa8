import { Button, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function AccessEndedEmail(props: {
  planName: string;
  shopName: string;
  /** Why, in a sentence in the recipient's language: "your subscription ended", … */
  reason: string;
  /** Where to subscribe again. */
  planUrl: string;
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  return (
    <EmailLayout preview={t("email.sub.ended.subject", { plan: props.planName })} language={language}>
      <Text>
        {t("email.sub.ended.body", { plan: props.planName, shop: props.shopName, reason: props.reason })}
      </Text>
      <Button href={props.planUrl} style={buttonStyle}>
        {t("email.sub.ended.button")}
      </Button>
    </EmailLayout>
  );
}
