/**
 * Test fixture: the built playground served by vite preview on a free loopback port, and
 * Debian's Chromium (installed by scripts/toolchain.sh; never a downloaded browser) driven by
 * playwright-core with the flags this machine's closed network needs.
 */
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { preview, type PreviewServer } from "vite";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function startServer(): Promise<{ server: PreviewServer; url: string }> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const server = await preview({ root, logLevel: "silent", preview: { port: 0, host: "127.0.0.1", open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report a URL");
  return { server, url };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
