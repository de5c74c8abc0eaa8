import { Button, Text } from "@react-email/components";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";
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
  language?: Language;
}) {
  const language = props.language ?? "en";
  const t = translator(language);
  const names = { shop: props.shopName, title: props.listingTitle };
  return (
    <EmailLayout preview={t("email.claim.subject", names)} language={language}>
      <Text>
        {props.tierName
          ? t("email.claim.bodyTier", { ...names, tier: props.tierName })
          : t("email.claim.body", names)}
      </Text>
      {props.licenseKey ? <Text>{t("email.claim.key", { key: props.licenseKey })}</Text> : null}
      <Button href={props.libraryUrl} style={buttonStyle}>
        {t("email.claim.button")}
      </Button>
      <Text style={{ fontSize: 13, color: "#6b6880" }}>{t("email.paste", { url: props.libraryUrl })}</Text>
    </EmailLayout>
  );
}
