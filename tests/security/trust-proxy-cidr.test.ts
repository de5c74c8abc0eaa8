// Baseline item 6 with TRUST_PROXY as a CIDR list that includes the loopback proxy: the address the
// proxy appended to X-Forwarded-For counts, and anything a client put in front of it does not.
import { describeTrustedProxy } from "./support/trust-proxy.ts";

describeTrustedProxy("TRUST_PROXY as a CIDR list that includes the loopback proxy", "127.0.0.0/8, ::1/128");
