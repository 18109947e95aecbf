// Shared vitest settings: resolve sibling workspace packages to their sources (the
// "@strata/source" export condition), so tests never need a build of their dependencies.
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@strata/source", "module", "node", "import", "default"] },
  ssr: { resolve: { conditions: ["@strata/source", "module", "node", "import", "default"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
