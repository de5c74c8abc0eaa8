import { Button, Link, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/** "A new version of something you own": sent when the seller presses "notify buyers". */
export function ListingUpdatedEmail(props: {
  listingTitle: string;
  shopName: string;
  version: number;
  /** The seller's changelog, as plain text (emails never carry seller HTML; never translated). */
  changelog: string;
  libraryUrl: string;
  unsubscribeUrl: string;
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  const names = { shop: props.shopName, title: props.listingTitle, version: props.version };
  return (
    <EmailLayout preview={t("email.updated.preview", names)} language={language}>
      <Text>{t("email.updated.body", names)}</Text>
      {props.changelog && (
        <Text style={{ whiteSpace: "pre-line", borderLeft: "3px solid #d9d6ea", paddingLeft: 12 }}>
          {props.changelog}
        </Text>
      )}
      <Button href={props.libraryUrl} style={buttonStyle}>
        {t("email.updated.button")}
      </Button>
      <Text style={{ fontSize: 12, color: "#6b6880" }}>
        {t("email.updated.unsubscribe", names)}{" "}
        <Link href={props.unsubscribeUrl}>{props.unsubscribeUrl}</Link>
      </Text>
    </EmailLayout>
  );
}
