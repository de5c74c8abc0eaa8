// Baseline item 6 with TRUST_PROXY=1 (one proxy hop): the address the proxy appended to
// X-Forwarded-For counts, and anything a client put in front of it does not.
import { describeTrustedProxy } from "./support/trust-proxy.ts";

describeTrustedProxy("TRUST_PROXY=1 (one proxy hop)", "1");
