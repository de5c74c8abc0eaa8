import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function PaymentActionRequiredEmail(props: {
  planName: string;
  shopName: string;
  amountDue: string;
  /** Stripe's hosted invoice page, where the bank's confirmation (3-D Secure) is completed. */
  confirmUrl: string;
}) {
  return (
    <EmailLayout preview={`Please confirm your payment for ${props.planName}`}>
      <Text>
        Your bank asks you to confirm the payment of {props.amountDue} for {props.planName} from{" "}
        {props.shopName}. It takes a moment, and your subscription continues as before.
      </Text>
      <Button href={props.confirmUrl} style={buttonStyle}>
        Confirm the payment
      </Button>
    </EmailLayout>
  );
}
