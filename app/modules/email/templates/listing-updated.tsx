import { Button, Link, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/** "A new version of something you own": sent when the seller presses "notify buyers". */
export function ListingUpdatedEmail(props: {
  listingTitle: string;
  shopName: string;
  version: number;
  /** The seller's changelog, as plain text (emails never carry seller HTML). */
  changelog: string;
  libraryUrl: string;
  unsubscribeUrl: string;
}) {
  return (
    <EmailLayout preview={`${props.listingTitle}: version ${props.version} is in your library`}>
      <Text>
        {props.shopName} published version {props.version} of {props.listingTitle}. You have it already: open
        it in your library to get the latest.
      </Text>
      {props.changelog && (
        <Text style={{ whiteSpace: "pre-line", borderLeft: "3px solid #d9d6ea", paddingLeft: 12 }}>
          {props.changelog}
        </Text>
      )}
      <Button href={props.libraryUrl} style={buttonStyle}>
        Open in your library
      </Button>
      <Text style={{ fontSize: 12, color: "#6b6880" }}>
        Do not want emails about new versions from {props.shopName}? Unsubscribe here:{" "}
        <Link href={props.unsubscribeUrl}>{props.unsubscribeUrl}</Link>
      </Text>
    </EmailLayout>
  );
}
