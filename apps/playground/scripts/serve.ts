/**
 * Serves the built playground (vite preview of dist/) and prints its URL. With --once (or
 * CI=true) it checks that the page and its lane worker are served, then exits: the main job's
 * mode for CI.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { preview } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));
const once = process.argv.includes("--once") || process.env.CI === "true";
const port = Number(process.env.PORT ?? 4173);

if (!existsSync(`${root}/dist/index.html`)) {
  console.error("playground: dist/ is missing; run `pnpm build` first");
  process.exit(1);
}

const server = await preview({ root, logLevel: "warn", preview: { port, host: "127.0.0.1", strictPort: false, open: false } });
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`Strata playground: ${url}`);

if (once) {
  const page = await fetch(url);
  const html = await page.text();
  const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
  const js = script ? await fetch(new URL(script, url)) : undefined;
  const ok = page.ok && html.includes('id="root"') && js?.ok === true;
  console.log(ok ? "playground: page and bundle served (CI mode, exiting)" : "playground: the page is NOT served correctly");
  await server.close();
  process.exit(ok ? 0 : 1);
} else {
  console.log("Open it in a browser; Ctrl-C stops the server.");
}
