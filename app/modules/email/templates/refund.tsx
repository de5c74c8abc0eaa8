import { Button, Section, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/**
 * One refund of an order. A partial refund keeps the buyer's access (they still paid for the item);
 * a refund that reaches the order's total ends it, and the email says which.
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
}) {
  return (
    <EmailLayout preview={`${props.shopName} refunded ${props.amount}`}>
      <Text>
        {props.shopName} refunded {props.amount} of your order. The money goes back to the card you paid with;
        banks usually show it within 5 to 10 business days.
      </Text>
      <Section>
        {props.items.map((title) => (
          <Text key={title} style={{ margin: "4px 0" }}>
            {title}
          </Text>
        ))}
        <Text style={{ fontWeight: 700 }}>
          Refunded so far: {props.refundedTotal} of {props.orderTotal}
        </Text>
        <Text style={{ fontSize: 12, color: "#6b6880" }}>Order {props.orderId}</Text>
      </Section>
      {props.accessEnded ? (
        <Text>The order is refunded in full, so these items are no longer in your library.</Text>
      ) : (
        <>
          <Text>This was a partial refund: you keep access to everything you bought.</Text>
          <Button href={props.libraryUrl} style={buttonStyle}>
            Open your library
          </Button>
        </>
      )}
    </EmailLayout>
  );
}
