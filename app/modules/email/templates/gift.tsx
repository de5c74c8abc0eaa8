import { Button, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/** A seller gave someone a listing: what it is, and a sign-in link that opens their library. */
export function GiftEmail(props: {
  shopName: string;
  listingTitle: string;
  signInUrl: string;
  days: number;
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  const names = { shop: props.shopName, title: props.listingTitle };
  return (
    <EmailLayout preview={t("email.gift.subject", names)} language={language}>
      <Text>{t("email.gift.body", names)}</Text>
      <Button href={props.signInUrl} style={buttonStyle}>
        {t("email.library.button")}
      </Button>
      <Text style={{ fontSize: 13, color: "#6b6880" }}>
        {t("email.gift.note", { days: props.days })}
        {"\n"}
        {t("email.paste", { url: props.signInUrl })}
      </Text>
    </EmailLayout>
  );
}
