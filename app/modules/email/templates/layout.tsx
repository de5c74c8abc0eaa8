import { Body, Container, Head, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { translator } from "~/modules/i18n/messages.server.ts";
import type { Language } from "~/modules/i18n/viewer.ts";

export function EmailLayout({
  preview,
  children,
  language = "en",
}: {
  preview: string;
  children: ReactNode;
  /** The recipient's language (emails not yet translated stay English). */
  language?: Language;
}) {
  return (
    <Html lang={language}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f6f5fb", fontFamily: "system-ui, sans-serif", padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 12, padding: 32, maxWidth: 520 }}>
          <Text style={{ fontSize: 20, fontWeight: 700, color: "#5b34f2", margin: 0 }}>Stapel</Text>
          {children}
          <Hr />
          <Text style={{ fontSize: 12, color: "#6b6880" }}>{translator(language)("email.footer")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#5b34f2",
  color: "#ffffff",
  borderRadius: 8,
  padding: "12px 20px",
  fontWeight: 600,
  textDecoration: "none",
} as const;
