import { Button, Section, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout.tsx";

export type ReceiptLine = { title: string; price: string; licenseKey?: string };

export function ReceiptEmail(props: {
  shopName: string;
  orderId: string;
  total: string;
  lines: ReceiptLine[];
  libraryUrl: string;
}) {
  return (
    <EmailLayout preview={`Your purchase from ${props.shopName}`}>
      <Text>Thank you for your purchase from {props.shopName}. Your items are ready in your library.</Text>
      <Section>
        {props.lines.map((line) => (
          <Text key={line.title} style={{ margin: "4px 0" }}>
            {line.title}: {line.price}
            {line.licenseKey ? ` (licence key ${line.licenseKey})` : ""}
          </Text>
        ))}
        <Text style={{ fontWeight: 700 }}>Total paid: {props.total}</Text>
        <Text style={{ fontSize: 12, color: "#6b6880" }}>Order {props.orderId}</Text>
      </Section>
      <Button href={props.libraryUrl} style={buttonStyle}>
        Open your library
      </Button>
    </EmailLayout>
  );
}
