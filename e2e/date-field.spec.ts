// The date field (components/ui/date-field.tsx) speaks the reader's language, whatever the browser's is: a Swedish
// marketer on an English Chrome sees Swedish dates and a Swedish calendar whose week starts on Monday, and picks a
// day from the keyboard. In a dialog (an API key's expiry) it is picked with the mouse, within its limits, and
// cleared again.
import { LOCALE_COOKIE } from "../lib/i18n/config";
import { buildVipCampaign, expect, seriousViolations, signInAs, test } from "./fixtures";

const DAY_MS = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);
/** A day as the app writes it (lib/i18n/format.ts): short month, in the given language. */
const written = (locale: string, date: Date) =>
  new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);

test("a Swedish marketer picks the analytics period in Swedish from the keyboard", async ({ page }) => {
  await signInAs(page, "MARKETER");
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "sv", domain: "localhost", path: "/" }]);
  // Two weeks that end two days ago, so every day is in the past in any time zone.
  const to = new Date(Date.now() - 2 * DAY_MS);
  const from = new Date(to.getTime() - 14 * DAY_MS);
  await page.goto(`/analytics?from=${iso(from)}&to=${iso(to)}`);

  const fromField = page.getByRole("button", { name: `Från: ${written("sv", from)}. Ändra datumet` });
  await expect(fromField).toBeEnabled();
  await expect(page.getByRole("button", { name: `Till: ${written("sv", to)}. Ändra datumet` })).toBeVisible();

  await fromField.focus();
  await page.keyboard.press("Enter");
  const calendar = page.getByRole("dialog", { name: "Kalender: Från" });
  const month = new Intl.DateTimeFormat("sv", { month: "long", year: "numeric", timeZone: "UTC" }).format(from);
  await expect(calendar.getByRole("grid", { name: month })).toBeVisible();
  // The week starts on Monday, as it does in Sweden (the weekdays' row is hidden from assistive technology, whose
  // day buttons say each day's name in full).
  await expect(calendar.locator("thead th")).toHaveText(["må", "ti", "on", "to", "fr", "lö", "sö"]);
  expect(await seriousViolations(page)).toEqual([]);

  // The chosen day has the focus; the next one is a keystroke away, and Enter chooses it and closes the calendar.
  const next = new Date(from.getTime() + DAY_MS);
  await expect(calendar.getByRole("button", { name: /, vald$/ })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(calendar).toBeHidden();
  const chosen = page.getByRole("button", { name: `Från: ${written("sv", next)}. Ändra datumet` });
  await expect(chosen).toBeFocused();

  // Open again, the focus is on the chosen day; Escape closes it without a change, and the focus goes back.
  await page.keyboard.press("Space");
  await expect(calendar.getByRole("button", { name: /, vald$/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(calendar).toBeHidden();
  await expect(chosen).toBeFocused();

  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`from=${iso(next)}&to=${iso(to)}`));
  await expect(page.getByText(`${written("sv", next)} – ${written("sv", to)}`).first()).toBeVisible();
});

test("an API key's expiry is picked with the mouse, never in the past, and can be cleared", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/settings/api");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  const expiry = dialog.getByRole("button", { name: "Expires on (optional): no date yet. Choose a date" });
  await expiry.click();
  const calendar = page.getByRole("dialog", { name: "Calendar: Expires on (optional)" });
  // The calendar opens on this month and goes no further back: the days before today cannot be picked.
  await expect(calendar.getByRole("button", { name: "Go to the Previous Month" })).toHaveAttribute(
    "aria-disabled",
    "true",
  );
  await calendar.getByRole("button", { name: "Go to the Next Month" }).click();
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 15));
  const month = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" }).format(day);
  await calendar.getByRole("grid", { name: month }).getByRole("button", { name: /15th/ }).click();
  const chosen = dialog.getByRole("button", { name: `Expires on (optional): ${written("en", day)}. Change the date` });
  await expect(chosen).toBeFocused();

  await chosen.click();
  await calendar.getByRole("button", { name: "Clear the date" }).click();
  await expect(expiry).toBeFocused();

  await expiry.click();
  await calendar.getByRole("button", { name: "Go to the Next Month" }).click();
  await calendar.getByRole("grid", { name: month }).getByRole("button", { name: /15th/ }).click();
  const name = `Expiring ${Date.now()}`;
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("checkbox", { name: /Read contacts/ }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  await page
    .getByRole("dialog", { name: "Copy your new API key" })
    .getByRole("button", { name: "I have copied it" })
    .click();
  // The key stops at the end of that day in UTC, shown in the reader's zone: the 15th or, east of UTC, the 16th.
  const row = page.getByRole("table", { name: "API keys" }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(new RegExp(`${written("en", day).replace("15", "1[56]")}`));
});

test("a campaign is scheduled with a day from the calendar and a time beside it", async ({ page }) => {
  test.setTimeout(90_000); // a whole campaign built and edited twice on a busy machine
  await signInAs(page, "MARKETER");
  await buildVipCampaign(page, `Scheduled ${Date.now()}`);
  const review = page.url();
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await page.getByRole("radio", { name: "At a date and time" }).check();
  const when = page.getByRole("group", { name: "Date and time" });
  await page.getByRole("button", { name: "Save and review" }).click();
  await expect(when.getByText("Pick a date and a time.")).toBeVisible();
  await when.getByRole("button", { name: "Date: no date yet. Choose a date" }).click();
  const calendar = page.getByRole("dialog", { name: "Calendar: Date" });
  await calendar.getByRole("button", { name: "Go to the Next Month" }).click();
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 15));
  await calendar.getByRole("button", { name: /15th/ }).click();
  // Half a moment is not enough: the time is still asked for.
  await page.getByRole("button", { name: "Save and review" }).click();
  await expect(when.getByText("Pick a date and a time.")).toBeVisible();
  await when.getByLabel("Time").fill("10:30");
  await page.getByRole("button", { name: "Save and review" }).click();
  await expect(page).toHaveURL(review);

  // Back in the builder, the moment reads as it was picked.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(
    page.getByRole("group", { name: "Date and time" }).getByRole("button", {
      name: `Date: ${written("en", day)}. Change the date`,
    }),
  ).toBeVisible();
  await expect(page.getByRole("group", { name: "Date and time" }).getByLabel("Time")).toHaveValue("10:30");
});

test("on a phone the calendar fits the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "MANAGER");
  await page.goto("/analytics");
  await page.getByRole("button", { name: /^To: / }).click();
  const calendar = page.getByRole("dialog", { name: "Calendar: To" });
  await expect(calendar.getByRole("grid")).toBeVisible();
  const box = (await calendar.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
