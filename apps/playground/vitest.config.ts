import { defineConfig } from "vitest/config";

// End-to-end tests drive Debian's Chromium through playwright-core against the built playground.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
