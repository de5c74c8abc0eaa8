import { Button, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function TrialEndingEmail(props: {
  planName: string;
  shopName: string;
  trialEndsOn: string;
  /** What the first charge will be, when known. */
  price?: string;
  accountUrl: string;
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  const names = { plan: props.planName, shop: props.shopName, day: props.trialEndsOn };
  return (
    <EmailLayout preview={t("email.sub.trial.subject", names)} language={language}>
      <Text>
        {t("email.sub.trial.body", names)}
        {props.price ? ` ${t("email.sub.trial.price", { price: props.price })}` : ""}{" "}
        {t("email.sub.trial.keep")}
      </Text>
      <Button href={props.accountUrl} style={buttonStyle}>
        {t("email.sub.trial.button")}
      </Button>
    </EmailLayout>
  );
}
