import { Button, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function PaymentActionRequiredEmail(props: {
  planName: string;
  shopName: string;
  amountDue: string;
  /** Stripe's hosted invoice page, where the bank's confirmation (3-D Secure) is completed. */
  confirmUrl: string;
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  return (
    <EmailLayout preview={t("email.sub.action.subject", { plan: props.planName })} language={language}>
      <Text>
        {t("email.sub.action.body", { amount: props.amountDue, plan: props.planName, shop: props.shopName })}
      </Text>
      <Button href={props.confirmUrl} style={buttonStyle}>
        {t("email.sub.action.button")}
      </Button>
    </EmailLayout>
  );
}
