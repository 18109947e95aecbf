import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

// Sibling packages resolve to their sources ("@strata/source"), so the playground never waits
// for a package build; the workloads' committed artifacts are served as static assets.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ["@strata/source", ...defaultClientConditions] },
  worker: { format: "es" },
  server: { fs: { allow: [repoRoot] } },
  build: { target: "es2022", chunkSizeWarningLimit: 4096 },
});
