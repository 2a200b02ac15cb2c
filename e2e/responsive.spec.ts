import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

// A common phone (iPhone 12 to 15): the width the issue was reported at.
test.use({ viewport: { width: 390, height: 844 } });

/** What sticks out past the right edge (outside any container of its own that scrolls), to name it on a failure. */
async function sidewaysScroll(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    const culprits = [...document.body.querySelectorAll("*")]
      // An absolutely positioned box escapes a scrolling ancestor unless that ancestor is positioned too.
      .filter(
        (el) =>
          el.getBoundingClientRect().right > width + 1 &&
          (!clipped(el) || ["absolute", "fixed"].includes(getComputedStyle(el).position)),
      )
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}">`);
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, width, culprits } = await sidewaysScroll(page);
  expect
    .soft(scrollWidth, `${what} is ${scrollWidth}px wide on a ${width}px screen: ${culprits.join(", ")}`)
    .toBeLessThanOrEqual(width);
}

/** The address of the first link in the page's content that leads to one of `prefix`'s records. */
async function firstRecord(page: Page, prefix: string, exclude: string) {
  const hrefs = await page
    .locator(`main a[href^="${prefix}"]`)
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => /^[\w-]+$/.test(h.slice(prefix.length)) && h !== exclude);
  expect(href, `a link to one of ${prefix}`).toBeTruthy();
  return href!;
}

test("on a phone the menu button opens the navigation in a drawer, from the keyboard, and closes on the way", async ({
  page,
}) => {
  await signInAs(page, "MARKETER");
  await page.goto("/campaigns");
  // The sidebar is gone at this width; the menu button stands in for it.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  // includeHidden: while the drawer is open, Radix hides the rest of the page from assistive technology.
  const menu = page.getByRole("button", { name: "Main menu", exact: true, includeHidden: true });
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  await menu.focus();
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: /^Parley\s?menu$/ });
  await expect(drawer).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = drawer.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Campaigns" })).toHaveAttribute("aria-current", "page");
  // A marketer's links, as in the sidebar: no settings.
  await expect(nav.getByRole("link", { name: "Segments" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);

  // Focus stays in the drawer however far one tabs (past its ten links and the close button).
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press("Tab");
    expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  // Following a link closes the drawer on the new page.
  await page.keyboard.press("Enter");
  await drawer.getByRole("link", { name: "Templates" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
  await expect(drawer).toBeHidden();

  await menu.click();
  await drawer.getByRole("link", { name: "Segments" }).click();
  await expect(page).toHaveURL(/\/audiences\/segments$/);
  await expect(drawer).toBeHidden();
  await menu.click();
  await expect(drawer.getByRole("link", { name: "Segments" })).toHaveAttribute("aria-current", "page");
});

test("every page fits a phone's width: wide tables scroll inside their own box, never the page", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/login");
  await expectNoSidewaysScroll(page, "/login");
  await signInAs(page, "ADMIN");

  await page.goto("/campaigns");
  const campaign = await firstRecord(page, "/campaigns/", "/campaigns/new");
  await page.goto("/templates");
  const template = await firstRecord(page, "/templates/", "/templates/new");
  await page.goto("/audiences/contacts");
  const contact = await firstRecord(page, "/audiences/contacts/", "/audiences/contacts/import");
  await page.goto("/audiences/segments");
  const segment = await firstRecord(page, "/audiences/segments/", "/audiences/segments/new");

  for (const path of [
    "/home",
    "/campaigns",
    campaign,
    `${campaign}/recipients`,
    "/campaigns/new",
    "/templates",
    template,
    "/templates/new",
    "/audiences/contacts",
    contact,
    "/audiences/contacts/import",
    "/audiences/segments",
    segment,
    "/audiences/segments/new",
    "/audiences/consent-lists",
    "/inbox",
    "/inbox/quick-answers",
    "/analytics",
    "/settings/workspace",
    "/settings/whatsapp",
    "/settings/api",
    "/settings/webhooks",
    "/settings/users",
    "/settings/audit-log",
    "/account",
    "/developers",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expectNoSidewaysScroll(page, path);
  }
});

test("the inbox on a phone shows the list, then the conversation alone with a way back", async ({ page }) => {
  await signInAs(page, "MARKETER");
  await page.goto("/inbox");
  const list = page.getByRole("navigation", { name: "Conversations" });
  await expect(list).toBeVisible();
  await expect(page.getByText("Pick a conversation to read it and reply.")).toBeHidden();

  await list.getByRole("link").first().click();
  const thread = page.getByRole("region", { name: /Conversation with/ });
  await expect(thread).toBeVisible();
  await expect(list).toBeHidden();
  await expect(thread.getByRole("form", { name: "Reply" })).toBeVisible();
  await expectNoSidewaysScroll(page, "a conversation");

  await page.getByRole("link", { name: "← Conversations" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(list).toBeVisible();
  await expect(thread).toBeHidden();
});
