import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function TrialEndingEmail(props: {
  planName: string;
  shopName: string;
  trialEndsOn: string;
  /** What the first charge will be, when known. */
  price?: string;
  accountUrl: string;
}) {
  return (
    <EmailLayout preview={`Your ${props.planName} trial ends on ${props.trialEndsOn}`}>
      <Text>
        Your free trial of {props.planName} from {props.shopName} ends on {props.trialEndsOn}.
        {props.price ? ` Then your subscription continues at ${props.price}.` : ""} Nothing to do if you want
        to keep it; to stop, cancel before then.
      </Text>
      <Button href={props.accountUrl} style={buttonStyle}>
        Manage your subscription
      </Button>
    </EmailLayout>
  );
}
