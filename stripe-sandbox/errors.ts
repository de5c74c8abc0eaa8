/** Stripe's error body: `{ error: { type, message, code?, param?, decline_code? } }`. */
export type StripeErrorType =
  | "invalid_request_error"
  | "api_error"
  | "card_error"
  | "idempotency_error"
  | "authentication_error";

export interface StripeErrorBody {
  error: {
    type: StripeErrorType;
    message: string;
    code?: string;
    param?: string;
    decline_code?: string;
    doc_url?: string;
    request_log_url?: string;
  };
}

export class ApiError extends Error {
  /** For card errors: Stripe's decline code (`generic_decline`, `insufficient_funds`, …). */
  declineCode?: string;

  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }

  toBody(): StripeErrorBody {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code && {
          code: this.code,
          doc_url: `https://stripe.com/docs/error-codes/${this.code.replaceAll("_", "-")}`,
        }),
        ...(this.param && { param: this.param }),
        ...(this.declineCode && { decline_code: this.declineCode }),
      },
    };
  }
}

export function invalidRequest(message: string, param?: string, code?: string): ApiError {
  const exclusive = message.startsWith("You may only specify one of these parameters");
  return new ApiError(
    400,
    "invalid_request_error",
    message,
    code ?? (exclusive ? "parameters_exclusive" : undefined),
    param,
  );
}

/** 404 for an id that does not exist, worded as Stripe does: `No such customer: 'cus_x'`. */
export function resourceMissing(kind: string, id: string, param = "id"): ApiError {
  return new ApiError(404, "invalid_request_error", `No such ${kind}: '${id}'`, "resource_missing", param);
}

export function unrecognizedUrl(method: string, path: string): ApiError {
  return new ApiError(
    404,
    "invalid_request_error",
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  );
}
