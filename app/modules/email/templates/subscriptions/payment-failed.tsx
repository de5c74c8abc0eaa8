import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function PaymentFailedEmail(props: {
  planName: string;
  shopName: string;
  amountDue: string;
  /** Where the card is fixed: Stripe's hosted invoice page (pay with another card) or the account. */
  fixUrl: string;
  /** The last day of access unless the payment goes through. */
  accessUntil?: string;
}) {
  return (
    <EmailLayout preview={`Your payment for ${props.planName} did not go through`}>
      <Text>
        We could not charge your card {props.amountDue} for {props.planName} from {props.shopName}. Stripe
        will try again over the next days; you can fix it now by paying with another card.
      </Text>
      {props.accessUntil && (
        <Text>
          You keep your access until {props.accessUntil}. After that it pauses until the payment is made.
        </Text>
      )}
      <Button href={props.fixUrl} style={buttonStyle}>
        Update your payment
      </Button>
    </EmailLayout>
  );
}
