import { Button, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function SubscriptionWelcomeEmail(props: {
  planName: string;
  shopName: string;
  /** Set while the subscription is on a free trial: the day the first charge is made, formatted. */
  trialEndsOn?: string;
  libraryUrl: string;
  accountUrl: string;
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  return (
    <EmailLayout preview={t("email.sub.welcome.subject", { plan: props.planName })} language={language}>
      <Text>{t("email.sub.welcome.body", { plan: props.planName, shop: props.shopName })}</Text>
      {props.trialEndsOn && <Text>{t("email.sub.welcome.trial", { day: props.trialEndsOn })}</Text>}
      <Button href={props.libraryUrl} style={buttonStyle}>
        {t("email.library.button")}
      </Button>
      <Text style={{ fontSize: 12, color: "#6b6880" }}>
        {t("email.sub.welcome.manage", { url: props.accountUrl })}
      </Text>
    </EmailLayout>
  );
}
