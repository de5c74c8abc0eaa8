import { Button, Section, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/**
 * One refund of an order. A partial refund keeps the buyer's access (they still paid for the item);
 * a refund that reaches the order's total ends it, and the email says which.
 * Money comes formatted in the recipient's locale.
 */
export function RefundEmail(props: {
  shopName: string;
  orderId: string;
  /** This refund's amount, formatted. */
  amount: string;
  /** Everything refunded on the order so far, and what the order cost, formatted. */
  refundedTotal: string;
  orderTotal: string;
  items: string[];
  accessEnded: boolean;
  libraryUrl: string;
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  return (
    <EmailLayout
      preview={t("email.refund.preview", { shop: props.shopName, amount: props.amount })}
      language={language}
    >
      <Text>{t("email.refund.body", { shop: props.shopName, amount: props.amount })}</Text>
      <Section>
        {props.items.map((title) => (
          <Text key={title} style={{ margin: "4px 0" }}>
            {title}
          </Text>
        ))}
        <Text style={{ fontWeight: 700 }}>
          {t("email.refund.sofar", { refunded: props.refundedTotal, total: props.orderTotal })}
        </Text>
        <Text style={{ fontSize: 12, color: "#6b6880" }}>
          {t("email.receipt.order", { id: props.orderId })}
        </Text>
      </Section>
      {props.accessEnded ? (
        <Text>{t("email.refund.full")}</Text>
      ) : (
        <>
          <Text>{t("email.refund.partial")}</Text>
          <Button href={props.libraryUrl} style={buttonStyle}>
            {t("email.library.button")}
          </Button>
        </>
      )}
    </EmailLayout>
  );
}
