import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of the page being rendered on the server. In the browser it is
 * empty: scripts that run after hydration are loaded by URL from our own origin.
 */
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
