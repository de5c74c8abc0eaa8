import { Button, Section, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function SubscriptionReceiptEmail(props: {
  planName: string;
  shopName: string;
  total: string;
  /** Tax included in the total, when Stripe charged any. */
  tax?: string;
  /** The period the payment covers, e.g. "1 Dec 2026 – 1 Jan 2027". */
  period: string;
  invoiceNumber: string | null;
  /** `key` tells lines apart (two lines may read the same, e.g. prorations). */
  lines: { key: string; description: string; amount: string }[];
  invoiceUrl?: string;
  accountUrl: string;
}) {
  return (
    <EmailLayout preview={`Receipt for ${props.planName}: ${props.total}`}>
      <Text>
        Thank you: your payment for {props.planName} from {props.shopName} went through. Your access continues
        for {props.period}.
      </Text>
      <Section>
        {props.lines.map((line) => (
          <Text key={line.key} style={{ margin: "4px 0" }}>
            {line.description}: {line.amount}
          </Text>
        ))}
        {props.tax && <Text style={{ margin: "4px 0" }}>Tax: {props.tax}</Text>}
        <Text style={{ fontWeight: 700 }}>Total paid: {props.total}</Text>
        {props.invoiceNumber && (
          <Text style={{ fontSize: 12, color: "#6b6880" }}>Invoice {props.invoiceNumber}</Text>
        )}
      </Section>
      {props.invoiceUrl && (
        <Button href={props.invoiceUrl} style={buttonStyle}>
          View the invoice
        </Button>
      )}
      <Text style={{ fontSize: 12, color: "#6b6880" }}>
        Receipts and your subscription: {props.accountUrl}
      </Text>
    </EmailLayout>
  );
}
