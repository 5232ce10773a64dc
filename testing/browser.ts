import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { source as AXE_SOURCE } from "axe-core";
import type { AxeResults, RunOptions } from "axe-core";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { repoRoot } from "@agora-hub/runtime";

/** Debian's Chromium, or the browser AGORA_CHROMIUM names; `npm test` installs it first (scripts/test/ensure-chromium.sh). */
export const CHROMIUM_PATH = process.env.AGORA_CHROMIUM || "/usr/bin/chromium";

/**
 * Headless, as root in a container, and silent: without the background-networking flags Chromium keeps
 * calling Google's hosts, which a closed test network refuses. (`--headless` comes from `headless: true`.)
 */
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** Pages and screenshots at a common desktop width; full-page screenshots take the height they need. */
const VIEWPORT = { width: 1280, height: 800 };
/** A step that waits longer than this has failed: it says so well before Jest's own timeout. */
const STEP_TIMEOUT_MS = 10_000;
/** The WCAG 2.1 A and AA rules (axe's tags), which the directory's pages meet. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const ARTIFACTS = path.join(repoRoot(), "test-artifacts");

/** One browser for the tests of one file: open tabs with `newPage`, then `close` it in `afterAll`. */
export interface TestBrowser {
  context: BrowserContext;
  /** A new tab that records the errors its pages meet (see `pageErrors`). */
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

const errorsOfPage = new WeakMap<Page, string[]>();

/** Launches Chromium headless with a fresh profile that `close` removes. Fails, naming the fix, when there is no browser. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: run scripts/test/ensure-chromium.sh (as root on Debian it installs it), or set AGORA_CHROMIUM`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), "agora-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: VIEWPORT,
      timeout: 30_000,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  return {
    context,
    newPage: async () => {
      const page = await context.newPage();
      const errors: string[] = [];
      errorsOfPage.set(page, errors);
      // Something a page refers to that did not load (the browser's own /favicon.ico request aside), whatever
      // its CSP blocked, and uncaught exceptions. A navigation's own status is the test's to check.
      page.on("response", (response) => {
        const request = response.request();
        if (response.status() >= 400 && !request.isNavigationRequest() && new URL(request.url()).pathname !== "/favicon.ico") {
          errors.push(`${page.url()}: ${request.method()} ${request.url()} answered ${response.status()}`);
        }
      });
      page.on("requestfailed", (request) => errors.push(`${page.url()}: ${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`));
      page.on("console", (message) => {
        // The browser's line for a failed load names no address; the listeners above report it with its address.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The errors the tab's pages have met so far, oldest first: failed loads, CSP refusals, console errors, uncaught exceptions. */
export function pageErrors(page: Page): string[] {
  return [...(errorsOfPage.get(page) ?? [])];
}

/** One axe-core violation: the rule, how bad, what it asks for, and where (CSS selectors, with axe's summary of the first). */
export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
  summary: string | undefined;
}

/** Runs axe-core's WCAG 2.1 A and AA rules on the page as it is now; an empty list means none failed. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the pages' CSP (no scripts) does not apply to.
  await page.evaluate(AXE_SOURCE);
  const options: RunOptions = { runOnly: { type: "tag", values: WCAG_21_AA }, resultTypes: ["violations"] };
  const results = await page.evaluate(
    (runOptions) => (globalThis as unknown as { axe: { run: (options: RunOptions) => Promise<AxeResults> } }).axe.run(runOptions),
    options,
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 10).map((node) => node.target.join(" ")),
    summary: violation.nodes[0]?.failureSummary?.replace(/\s+/g, " "),
  }));
}

/** Saves a full-page screenshot of the page to `test-artifacts/<name>.png` (`name` like `directory/home`); returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(name)) throw new Error(`a screenshot name is lower-case words and slashes, not ${JSON.stringify(name)}`);
  const file = path.join(ARTIFACTS, `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
