import { publicCacheHeaders } from "~/utils/http.ts";

/**
 * Search and landing pages are public, but their prices and ranking follow the viewer's languages
 * (currency and language from Accept-Language when the URL does not say): shared caches keep one
 * copy per header value as well as per cookie.
 */
export const searchCacheHeaders = {
  ...publicCacheHeaders,
  Vary: `${publicCacheHeaders.Vary}, Accept-Language`,
};
