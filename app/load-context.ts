/** What the HTTP server hands every loader and action (server/http/remix-adapter.ts). */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Also in the X-Request-Id header, the request log and error pages ("reference"). */
    requestId: string;
    /** The Content-Security-Policy nonce of this response, for the scripts Remix renders. */
    nonce: string;
    /** The visitor's address: the socket's, or a trusted proxy's X-Forwarded-For (TRUST_PROXY). */
    clientAddress: string;
  }
}

export {};
