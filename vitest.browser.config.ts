import { defineConfig } from "vitest/config";

// Browser tests drive Debian's Chromium; they run apart from `npm test` because they need that system package.
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
