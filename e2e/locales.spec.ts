// Parley in each of its six languages: the language chosen by the cookie the login page's picker and the
// Account page set (lib/i18n/config.ts), so the demo users' saved language stays unset for the other specs.
// Each page has the language in <html lang>, one heading in that language (read from the catalog, so a
// reworded message does not break the test) and no serious accessibility problem (as accessibility.spec.ts).
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { LOCALE_COOKIE, localeNames, locales, type Locale } from "../lib/i18n/config";
import { demoUser, expect, seriousViolations, test } from "./fixtures";

type Catalog = Record<string, unknown>;
const catalog = (locale: Locale, namespace: string) =>
  JSON.parse(readFileSync(new URL(`../messages/${locale}/${namespace}.json`, import.meta.url), "utf8")) as Catalog;
const message = (tree: Catalog, path: string) =>
  path.split(".").reduce<unknown>((node, key) => (node as Catalog)[key], tree) as string;

async function expectPage(page: Page, locale: Locale, heading: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  expect(await seriousViolations(page), page.url()).toEqual([]);
}

// The six languages share nothing but the admin's sign-in, so they spread over both workers (one after another
// they were the suite's longest file, five minutes and more on a busy machine).
test.describe.configure({ mode: "parallel" });

for (const locale of locales) {
  test(`Parley in ${localeNames[locale]}`, async ({ page }) => {
    test.setTimeout(240_000);
    const t = (namespace: string, path: string) => message(catalog(locale, namespace), path);
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, domain: "localhost", path: "/" }]);

    await page.goto("/login");
    await expectPage(page, locale, t("auth", "heading"));
    // Signing in keeps the picked language (the admin has saved none).
    const admin = demoUser("ADMIN");
    await page.locator("#email").fill(admin.email);
    await page.locator("#password").fill(admin.password);
    await page.getByRole("button", { name: t("auth", "form.submit") }).click();
    await expect(page.getByRole("heading", { level: 1, name: t("home", "title"), exact: true })).toBeVisible();
    await expectPage(page, locale, t("home", "title"));

    await page.goto("/campaigns");
    await page.getByRole("link", { name: "Summer sale launch" }).first().click();
    await expectPage(page, locale, t("analytics", "report.title"));

    await page.goto("/templates/new");
    await expectPage(page, locale, t("templates", "new.title"));

    await page.goto("/inbox");
    await expectPage(page, locale, t("inbox", "title"));

    await page.goto("/analytics");
    await expectPage(page, locale, t("analytics", "page.title"));

    await page.goto("/account");
    await expectPage(page, locale, t("account", "title"));
  });
}
