import { Button, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function PaymentFailedEmail(props: {
  planName: string;
  shopName: string;
  amountDue: string;
  /** Where the card is fixed: Stripe's hosted invoice page (pay with another card) or the account. */
  fixUrl: string;
  /** The last day of access unless the payment goes through, formatted. */
  accessUntil?: string;
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  return (
    <EmailLayout preview={t("email.sub.failed.subject", { plan: props.planName })} language={language}>
      <Text>
        {t("email.sub.failed.body", { amount: props.amountDue, plan: props.planName, shop: props.shopName })}
      </Text>
      {props.accessUntil && <Text>{t("email.sub.failed.until", { day: props.accessUntil })}</Text>}
      <Button href={props.fixUrl} style={buttonStyle}>
        {t("email.sub.failed.button")}
      </Button>
    </EmailLayout>
  );
}
