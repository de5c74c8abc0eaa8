import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/** "The seller answered your review": the reply as plain text and a link to the listing. */
export function ReviewReplyEmail(props: {
  shopName: string;
  listingTitle: string;
  reply: string;
  listingUrl: string;
}) {
  return (
    <EmailLayout preview={`${props.shopName} replied to your review of ${props.listingTitle}`}>
      <Text>
        {props.shopName} replied to your review of {props.listingTitle}:
      </Text>
      <Text style={{ whiteSpace: "pre-line", borderLeft: "3px solid #d9d6ea", paddingLeft: 12 }}>
        {props.reply}
      </Text>
      <Button href={props.listingUrl} style={buttonStyle}>
        See it on the listing
      </Button>
    </EmailLayout>
  );
}
