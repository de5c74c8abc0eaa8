import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "../layout.tsx";

export function SubscriptionWelcomeEmail(props: {
  planName: string;
  shopName: string;
  /** Set while the subscription is on a free trial: the day the first charge is made. */
  trialEndsOn?: string;
  libraryUrl: string;
  accountUrl: string;
}) {
  return (
    <EmailLayout preview={`Welcome to ${props.planName}`}>
      <Text>
        Welcome to {props.planName} from {props.shopName}. Everything the plan includes is in your library
        now, and new additions appear there as they are published.
      </Text>
      {props.trialEndsOn && (
        <Text>
          Your free trial runs until {props.trialEndsOn}. Cancel before then in your account and you will not
          be charged.
        </Text>
      )}
      <Button href={props.libraryUrl} style={buttonStyle}>
        Open your library
      </Button>
      <Text style={{ fontSize: 12, color: "#6b6880" }}>Manage your subscription at {props.accountUrl}</Text>
    </EmailLayout>
  );
}
