import { Button, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function SubscriptionCancelledEmail(props: {
  planName: string;
  shopName: string;
  /** The last day of access (the end of the paid period), formatted. */
  accessUntil?: string;
  accountUrl: string;
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  return (
    <EmailLayout preview={t("email.sub.cancelled.subject", { plan: props.planName })} language={language}>
      <Text>
        {t("email.sub.cancelled.body", { plan: props.planName, shop: props.shopName })}
        {props.accessUntil ? ` ${t("email.sub.cancelled.until", { day: props.accessUntil })}` : ""}
      </Text>
      <Text>{t("email.sub.cancelled.resume")}</Text>
      <Button href={props.accountUrl} style={buttonStyle}>
        {t("email.sub.account.button")}
      </Button>
    </EmailLayout>
  );
}
