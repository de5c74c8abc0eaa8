import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function SubscriptionCancelledEmail(props: {
  planName: string;
  shopName: string;
  /** The last day of access (the end of the paid period). */
  accessUntil?: string;
  accountUrl: string;
}) {
  return (
    <EmailLayout preview={`Your ${props.planName} subscription is cancelled`}>
      <Text>
        Your subscription to {props.planName} from {props.shopName} is cancelled and will not renew.
        {props.accessUntil ? ` You keep your access until ${props.accessUntil}.` : ""}
      </Text>
      <Text>Changed your mind? You can resume it in your account until then.</Text>
      <Button href={props.accountUrl} style={buttonStyle}>
        Open your account
      </Button>
    </EmailLayout>
  );
}
