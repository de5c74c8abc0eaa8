import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/**
 * A buyer claimed a free listing: no order and nothing paid, so not a receipt (a receipt's
 * "Order <id>" would name the entitlement as if it were an order); what they got and where it is.
 */
export function ClaimEmail(props: {
  shopName: string;
  listingTitle: string;
  tierName?: string;
  licenseKey?: string;
  libraryUrl: string;
}) {
  return (
    <EmailLayout preview={`You claimed ${props.listingTitle} (free)`}>
      <Text>
        You claimed {props.listingTitle} from {props.shopName} for free
        {props.tierName ? ` (${props.tierName} licence)` : ""}. It is in your library.
      </Text>
      {props.licenseKey ? <Text>Licence key: {props.licenseKey}</Text> : null}
      <Button href={props.libraryUrl} style={buttonStyle}>
        Open it in your library
      </Button>
      <Text style={{ fontSize: 13, color: "#6b6880" }}>
        Or paste this link into your browser: {props.libraryUrl}
      </Text>
    </EmailLayout>
  );
}
