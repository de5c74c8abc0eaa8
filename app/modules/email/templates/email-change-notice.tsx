import { Text } from "@react-email/components";
import { EmailLayout } from "./layout.tsx";

/** Sent to the old address when a move is asked for, so a hijacked session cannot move it silently. */
export function EmailChangeNoticeEmail({
  maskedNewEmail,
  minutes,
  settingsUrl,
}: {
  maskedNewEmail: string;
  minutes: number;
  settingsUrl: string;
}) {
  return (
    <EmailLayout preview="Someone asked to move your Stapel account to another address">
      <Text>
        Someone signed in to your Stapel account asked to move it to {maskedNewEmail}. The account moves only
        if the link sent to that address is followed within {minutes} minutes.
      </Text>
      <Text>
        If it wasn't you, sign in and choose "Sign out everywhere else" on your account settings (
        {settingsUrl}): that ends every other session and withdraws the move. Until the link is followed, your
        account stays at this address.
      </Text>
    </EmailLayout>
  );
}
