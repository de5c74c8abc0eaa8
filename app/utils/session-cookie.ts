/** The session cookie's name; the HTTP server also reads it to keep signed-in responses uncached. */
export const SESSION_COOKIE_NAME = "__stapel_session";
