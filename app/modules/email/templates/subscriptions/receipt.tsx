import { Button, Section, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function SubscriptionReceiptEmail(props: {
  planName: string;
  shopName: string;
  total: string;
  /** Tax included in the total, when Stripe charged any. */
  tax?: string;
  /** The period the payment covers, e.g. "1 December 2026 – 1 January 2027". */
  period: string;
  invoiceNumber: string | null;
  /** `key` tells lines apart (two lines may read the same, e.g. prorations). */
  lines: { key: string; description: string; amount: string }[];
  invoiceUrl?: string;
  accountUrl: string;
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  return (
    <EmailLayout
      preview={t("email.sub.receipt.subject", { plan: props.planName, total: props.total })}
      language={language}
    >
      <Text>
        {t("email.sub.receipt.body", { plan: props.planName, shop: props.shopName, period: props.period })}
      </Text>
      <Section>
        {props.lines.map((line) => (
          <Text key={line.key} style={{ margin: "4px 0" }}>
            {line.description}: {line.amount}
          </Text>
        ))}
        {props.tax && (
          <Text style={{ margin: "4px 0" }}>{t("email.sub.receipt.tax", { tax: props.tax })}</Text>
        )}
        <Text style={{ fontWeight: 700 }}>{t("email.receipt.total", { total: props.total })}</Text>
        {props.invoiceNumber && (
          <Text style={{ fontSize: 12, color: "#6b6880" }}>
            {t("email.sub.receipt.invoice", { number: props.invoiceNumber })}
          </Text>
        )}
      </Section>
      {props.invoiceUrl && (
        <Button href={props.invoiceUrl} style={buttonStyle}>
          {t("email.sub.receipt.button")}
        </Button>
      )}
      <Text style={{ fontSize: 12, color: "#6b6880" }}>
        {t("email.sub.receipt.account", { url: props.accountUrl })}
      </Text>
    </EmailLayout>
  );
}
