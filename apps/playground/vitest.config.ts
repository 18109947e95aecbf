import { defineConfig } from "vitest/config";

const conditions = ["@strata/source", "module", "node", "import", "default"];

// End-to-end tests drive Debian's Chromium through playwright-core against the built playground;
// the Node side of each comparison uses the sibling packages from source, as the page does.
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
