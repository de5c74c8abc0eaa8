import { Button, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/** "The seller answered your review": the reply as plain text (never translated) and a link to the listing. */
export function ReviewReplyEmail(props: {
  shopName: string;
  listingTitle: string;
  reply: string;
  listingUrl: string;
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  const names = { shop: props.shopName, title: props.listingTitle };
  return (
    <EmailLayout preview={t("email.reply.preview", names)} language={language}>
      <Text>{t("email.reply.body", names)}</Text>
      <Text style={{ whiteSpace: "pre-line", borderLeft: "3px solid #d9d6ea", paddingLeft: 12 }}>
        {props.reply}
      </Text>
      <Button href={props.listingUrl} style={buttonStyle}>
        {t("email.reply.button")}
      </Button>
    </EmailLayout>
  );
}
