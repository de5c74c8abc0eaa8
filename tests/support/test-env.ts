/** The settings every test file runs with, as the launcher would set them (minus the database). */
export const testEnv = {
  APP_URL: "http://stapel.test",
  SESSION_SECRET: "test-session-secret-0123456789abcdefghijklmnop",
  DOWNLOAD_SIGNING_SECRET: "test-download-secret-0123456789abcdefghijklmn",
  STRIPE_SECRET_KEY: "sk_test_not_reachable",
  STRIPE_WEBHOOK_SECRET: "whsec_test_secret_for_stapel_tests_0123456789",
  DOWNLOAD_LINK_TTL_SECONDS: "300",
  RUN_JOB_WORKER: "false",
};
