import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Cookie, type Locator, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/seed/demo-users";
import type { Role } from "../lib/db/generated/enums";

export { expect };

export function demoUser(role: Role) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`No demo user for ${role}`);
  return user;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// The demo users' sessions, signed in once per worker process (each has its own copy of this module) and reused:
// each test starts in its own browser context with a copy of the session's cookies, on the user's home. Two
// workers' sessions of one user stand side by side, each its own row (lib/auth/sessions.ts). A test about
// signing in itself, or that signs out, passes `fresh` (signing out ends only the session it used).
const sessions = new Map<Role, Cookie[]>();

export async function signInAs(page: Page, role: Role, { fresh = false } = {}) {
  const user = demoUser(role);
  const saved = fresh ? undefined : sessions.get(role);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto("/home");
    await hydrated(page);
  } else {
    await signIn(page, user.email, user.password);
  }
  await expect(page.getByRole("button", { name: `Account menu for ${user.name}` })).toBeVisible();
  if (!fresh && !saved) sessions.set(role, await page.context().cookies());
}

/** Until React has hydrated a page built by Next.js (components/providers/hydration-marker.tsx); other pages at once. */
async function hydrated(page: Page) {
  await page.waitForFunction(
    () => document.documentElement.dataset.hydrated === "true" || !document.querySelector('script[src*="/_next/"]'),
  );
}

/**
 * Playwright's test, whose page waits for hydration after each `goto` and `reload` (see hydrated()), and which
 * fails when the browser could not find a message: a part of the app not sent the messages its Client
 * Components translate (lib/i18n/client-messages.ts) would otherwise show a key instead of words.
 */
export const test = base.extend({
  page: async ({ page }, provide) => {
    const missing: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && message.text().includes("MISSING_MESSAGE"))
        missing.push(`${page.url()}: ${message.text()}`);
    });
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args) => {
      const response = await goto(...args);
      await hydrated(page);
      return response;
    };
    page.reload = async (...args) => {
      const response = await reload(...args);
      await hydrated(page);
      return response;
    };
    await provide(page);
    expect(missing, "messages the browser was not sent").toEqual([]);
  },
});

/**
 * Picks an option in one of the kit's selects (Radix Select, components/ui/select.tsx): opens the combobox (by its
 * name, or the locator given), then clicks the option by its words. Clicking waits for the select's code to load.
 */
export async function choose(page: Page, select: string | RegExp | Locator, option: string | RegExp) {
  const combobox =
    typeof select === "string" || select instanceof RegExp
      ? page.getByRole("combobox", { name: select, exact: true })
      : select;
  await combobox.click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/**
 * The delivery state under the business's message that says `text`, in a conversation's thread: not the thread's
 * last, which may be a campaign another spec sends the same person meanwhile. The innermost element holding both the
 * words and a delivery state is that message's bubble (components/inbox/message-bubble.tsx).
 */
export function deliveryStateOf(thread: Locator, text: string) {
  const state = thread.page().getByTestId("delivery-state");
  return thread.locator("div", { hasText: text }).filter({ has: state }).last().getByTestId("delivery-state");
}

/** Builds a campaign of order_shipped to the "VIP customers" segment and leaves the browser on its review page. */
export async function buildVipCampaign(page: Page, name: string) {
  await page.goto("/campaigns/new");
  await page.getByLabel("Name").fill(name);
  await choose(page, "Template", /^order_shipped \(/);
  await choose(page, "Body {{1}}", "Contact field");
  await choose(page, "Body {{2}}", "The same text for everyone");
  await page.locator("#var-body-2-value").fill("#10423");
  await choose(page, "Body {{3}}", "The same text for everyone");
  await page.locator("#var-body-3-value").fill("Friday");
  await choose(page, /Track order/, "The same text for everyone");
  await page.locator("#var-button-0-value").fill("10423");
  await choose(page, "Consent list", "Order updates (utility)");
  await page.getByRole("checkbox", { name: "VIP customers" }).first().check();
  await page.getByRole("button", { name: "Save and review" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible({ timeout: 20_000 });
}

/** axe's serious and critical findings on the page as it is, each with where it is (empty: none). */
export async function seriousViolations(page: Page) {
  return axeFindings(page, (impact) => impact === "serious" || impact === "critical");
}

/** Everything axe finds on the page as it is, whatever its impact (empty: none). */
export async function allViolations(page: Page) {
  return axeFindings(page, () => true);
}

/**
 * In legacy mode axe runs once in the page, rather than in each frame and then again in a blank page of its own to
 * put the results together (which only cross-origin frames need; Parley has no frames). Twice as fast: on the API
 * reference 2.4 s rather than 5.6 s on a quiet machine, and a busy one multiplies both.
 */
async function axeFindings(page: Page, counts: (impact: string | null | undefined) => boolean) {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return results.violations
    .filter((v) => counts(v.impact))
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(" ")} ${n.any[0]?.message ?? ""}`).join("; ")})`,
    );
}
