import { Button, Section, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "./layout.tsx";

export type ReceiptLine = { title: string; price: string; licenseKey?: string };

/** Money in `total` and `lines` comes formatted in the recipient's locale. */
export function ReceiptEmail(props: {
  shopName: string;
  orderId: string;
  total: string;
  lines: ReceiptLine[];
  libraryUrl: string;
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  return (
    <EmailLayout preview={t("email.receipt.subject", { shop: props.shopName })} language={language}>
      <Text>{t("email.receipt.body", { shop: props.shopName })}</Text>
      <Section>
        {props.lines.map((line) => (
          <Text key={line.title} style={{ margin: "4px 0" }}>
            {line.title}: {line.price}
            {line.licenseKey ? t("email.receipt.key", { key: line.licenseKey }) : ""}
          </Text>
        ))}
        <Text style={{ fontWeight: 700 }}>{t("email.receipt.total", { total: props.total })}</Text>
        <Text style={{ fontSize: 12, color: "#6b6880" }}>
          {t("email.receipt.order", { id: props.orderId })}
        </Text>
      </Section>
      <Button href={props.libraryUrl} style={buttonStyle}>
        {t("email.receipt.button")}
      </Button>
    </EmailLayout>
  );
}
