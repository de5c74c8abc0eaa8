import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ReceiptView } from "~/components/receipt.tsx";
import { getOrderReceipt } from "~/modules/portal/receipts.server.ts";
import { invariantResponse, privateNoStore } from "~/utils/http.ts";
import { recordId } from "~/utils/schemas.ts";
import { requireUser } from "~/utils/session.server.ts";

const NOT_FOUND = "You have no such order.";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Receipt ${data?.receipt.reference ?? ""} · Stapel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = recordId().safeParse(params.orderId);
  invariantResponse(id.success, NOT_FOUND, { status: 404 });
  const receipt = await getOrderReceipt(user.id, id.data);
  invariantResponse(receipt, NOT_FOUND, { status: 404 });
  return data({ receipt }, { headers: privateNoStore });
}

export default function OrderReceipt() {
  const { receipt } = useLoaderData<typeof loader>();
  return <ReceiptView receipt={receipt} />;
}
