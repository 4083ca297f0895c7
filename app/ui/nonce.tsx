import { createContext, useContext } from "react";

/**
 * The per-request Content-Security-Policy nonce, for the few inline scripts Remix writes. In the browser
 * it is empty: browsers hide nonce values from the DOM, and hydration does not need them.
 */
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
