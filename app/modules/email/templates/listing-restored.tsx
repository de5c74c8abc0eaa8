import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/** To the seller: the admin put a taken-down listing back on sale. */
export function ListingRestoredEmail(props: { listingTitle: string; listingUrl: string }) {
  return (
    <EmailLayout preview={`${props.listingTitle} is back on sale`}>
      <Text>
        We reviewed the takedown of {props.listingTitle} and put it back: it is in the shop, in search and on
        sale again.
      </Text>
      <Button href={props.listingUrl} style={buttonStyle}>
        Open the listing
      </Button>
    </EmailLayout>
  );
}
