import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout.tsx";

export function MagicLinkEmail({ url, minutes }: { url: string; minutes: number }) {
  return (
    <EmailLayout preview="Your Stapel sign-in link">
      <Text>
        Click the button to sign in to Stapel. The link works once and expires in {minutes} minutes.
      </Text>
      <Button href={url} style={buttonStyle}>
        Sign in to Stapel
      </Button>
      <Text style={{ fontSize: 13, color: "#6b6880" }}>
        Or paste this link into your browser: {url}
        {"\n"}If you did not ask to sign in, ignore this email.
      </Text>
    </EmailLayout>
  );
}
