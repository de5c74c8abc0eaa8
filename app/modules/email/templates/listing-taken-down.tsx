import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/** To the seller: an admin took one of their listings down after a report, with the reason. */
export function ListingTakenDownEmail(props: { listingTitle: string; reason: string; respondUrl: string }) {
  return (
    <EmailLayout preview={`${props.listingTitle} was taken down`}>
      <Text>
        After a report, we took your listing {props.listingTitle} down. It no longer appears in the shop, in
        search or on its page, and it cannot be bought. Buyers who already own it keep it in their library.
      </Text>
      <Text style={{ fontWeight: 700, margin: "16px 0 4px" }}>The reason</Text>
      <Text style={{ whiteSpace: "pre-line", borderLeft: "3px solid #d9d6ea", paddingLeft: 12 }}>
        {props.reason}
      </Text>
      <Text>
        If you think this is a mistake, or you have changed the listing, tell us once in your dashboard: an
        admin reads every response and can put the listing back.
      </Text>
      <Button href={props.respondUrl} style={buttonStyle}>
        Respond in your dashboard
      </Button>
    </EmailLayout>
  );
}
