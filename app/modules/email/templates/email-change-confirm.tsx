import { Button, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout.tsx";

/** Sent to the new address: following the link moves the account there. */
export function EmailChangeConfirmEmail({
  url,
  currentEmail,
  minutes,
}: {
  url: string;
  currentEmail: string;
  minutes: number;
}) {
  return (
    <EmailLayout preview="Confirm your new email address for Stapel">
      <Text>
        Someone signed in to the Stapel account {currentEmail} asked to use this address for it from now on.
        Click the button to confirm. The link works once and expires in {minutes} minutes.
      </Text>
      <Button href={url} style={buttonStyle}>
        Use this address
      </Button>
      <Text style={{ fontSize: 13, color: "#6b6880" }}>
        Or paste this link into your browser: {url}
        {"\n"}If you did not ask for this, ignore this email: nothing changes.
      </Text>
    </EmailLayout>
  );
}
