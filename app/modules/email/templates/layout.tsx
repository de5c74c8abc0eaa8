import { Body, Container, Head, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";

export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f6f5fb", fontFamily: "system-ui, sans-serif", padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 12, padding: 32, maxWidth: 520 }}>
          <Text style={{ fontSize: 20, fontWeight: 700, color: "#5b34f2", margin: 0 }}>Stapel</Text>
          {children}
          <Hr />
          <Text style={{ fontSize: 12, color: "#6b6880" }}>
            You get this email because of activity on your Stapel account.
          </Text>
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
