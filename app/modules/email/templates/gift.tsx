import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/** A seller gave someone a listing: what it is, and a sign-in link that opens their library. */
export function GiftEmail(props: {
  shopName: string;
  listingTitle: string;
  signInUrl: string;
  days: number;
}) {
  return (
    <EmailLayout preview={`${props.shopName} gave you ${props.listingTitle}`}>
      <Text>
        {props.shopName} gave you {props.listingTitle} on Stapel. It is waiting in your library.
      </Text>
      <Button href={props.signInUrl} style={buttonStyle}>
        Open your library
      </Button>
      <Text style={{ fontSize: 13, color: "#6b6880" }}>
        The button signs you in with this email address; it works once and for {props.days} days. Later, sign
        in at Stapel with this address to find the gift in your library.
        {"\n"}Or paste this link into your browser: {props.signInUrl}
      </Text>
    </EmailLayout>
  );
}
