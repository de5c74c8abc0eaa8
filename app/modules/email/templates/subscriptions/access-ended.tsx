import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function AccessEndedEmail(props: {
  planName: string;
  shopName: string;
  /** Why, in a sentence: "your subscription ended", "the payment could not be collected". */
  reason: string;
  /** Where to subscribe again. */
  planUrl: string;
}) {
  return (
    <EmailLayout preview={`Your access to ${props.planName} has ended`}>
      <Text>
        Your access to {props.planName} from {props.shopName} has ended: {props.reason}. Anything you bought
        separately stays in your library.
      </Text>
      <Button href={props.planUrl} style={buttonStyle}>
        Subscribe again
      </Button>
    </EmailLayout>
  );
}
