/**
 * Test fixture: the built playground served by vite preview on a free loopback port, and
 * Debian's Chromium (installed by scripts/toolchain.sh; never a downloaded browser) driven by
 * playwright-core with the flags this machine's closed network needs; usePlayground gives a test
 * file both, and pages opened on an experiment.
 */
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { preview, type PreviewServer } from "vite";
import { afterAll, beforeAll, expect } from "vitest";
import { encodeExperiment, type Experiment } from "../src/experiment";

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

export interface PlaygroundUnderTest {
  readonly browser: () => Browser;
  /** The served playground's base URL. */
  readonly url: () => string;
  /** A new page on experiment `e` (the default page without one), rendered with no page errors. */
  readonly open: (e?: Experiment) => Promise<Page>;
}

/** Serves the built playground and launches Chromium for the calling test file (beforeAll/afterAll). */
export function usePlayground(): PlaygroundUnderTest {
  let server: PreviewServer | undefined;
  let url = "";
  let browser: Browser | undefined;
  beforeAll(async () => {
    ({ server, url } = await startServer());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = (): Browser => {
    if (!browser) throw new Error("usePlayground: the browser starts in beforeAll");
    return browser;
  };
  return {
    browser: started,
    url: () => url,
    open: async (e) => {
      const page = await started().newPage();
      const errors: string[] = [];
      page.on("pageerror", (err) => errors.push(err.message));
      await page.goto(e ? `${url}#${encodeExperiment(e)}` : url);
      await page.waitForSelector("[data-testid=run]");
      expect(errors).toEqual([]);
      return page;
    },
  };
}
