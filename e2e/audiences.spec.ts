import { readFileSync } from "node:fs";
import { choose, expect, signInAs, test } from "./fixtures";

const FILE = [
  "\ufeffPhone;Name;Tier;Opted in;Consent time",
  "+34 611 222 001;Lucía Import;gold;yes;2025-03-01 10:00",
  '0034611222002;"Marco\r\nImport";silver;yes;2025-03-01',
  "611222003;Nadia Import;gold;no;",
  "12345;Bad Number;gold;yes;",
  "+34 611 222 001;Lucía Again;gold;yes;",
].join("\r\n");

test("an admin imports a CSV: maps columns, checks it, imports it with a progress bar, and downloads the rejected rows", async ({
  page,
}) => {
  await signInAs(page, "ADMIN");
  await page.goto("/audiences/contacts");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "spring-signups.csv", mimeType: "text/csv", buffer: Buffer.from(FILE) });
  await expect(page.getByText("Chosen: spring-signups.csv")).toBeVisible(); // the drop zone names the file
  await page.getByRole("button", { name: "Upload and map columns" }).click();

  await expect(page.getByRole("heading", { name: /What is in each column of spring-signups.csv/ })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Import column Phone as" })).toHaveText("Phone number");
  await expect(page.getByRole("combobox", { name: "Import column Opted in as" })).toHaveText(
    "Consent: opted in (yes/no)",
  );
  await expect(page.getByLabel("Attribute name for column Tier")).toHaveValue("Tier");
  await page.getByLabel("Attribute name for column Tier").fill("loyaltyTier");
  await choose(page, "Consent list for these contacts (optional)", "Promotions");
  await page
    .getByLabel("Wording or proof of consent, for the whole file")
    .fill("Spring fair sign-up sheet: 'WhatsApp offers, yes please'");

  await page.getByRole("button", { name: "2. Check the file (writes nothing)" }).click();
  await expect(page.getByRole("heading", { name: "What the import will do" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Nothing has been written yet.")).toBeVisible();
  const rejected = page.getByRole("table", { name: "Rejected rows" });
  await expect(rejected).toContainText("phone 12345");
  await expect(rejected).toContainText("duplicate of row 2");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all rejected rows (CSV)" }).click();
  const report = readFileSync(await (await download).path(), "utf8");
  expect(report.split("\r\n")[0]).toBe("row,reason,Phone,Name,Tier,Opted in,Consent time");

  await page.getByRole("button", { name: "3. Import 3 new or changed contacts" }).click();
  await expect(page.getByRole("progressbar").or(page.getByRole("heading", { name: "Imported" }))).toBeVisible();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 20_000 });

  await page.goto("/audiences/contacts?q=Import");
  const contacts = page.getByRole("table", { name: "Contacts" });
  await expect(contacts.getByRole("row")).toHaveCount(4);
  await contacts.getByRole("link", { name: "Lucía Import" }).click();
  // The file's consent time, read as laid out (a regular expression: a string would forgive a lost space).
  await expect(page.getByRole("listitem").filter({ hasText: "Promotions: opted in since" })).toContainText(
    /opted in since Mar 1, 2025/,
    { useInnerText: true },
  );
});

test("a marketer builds a segment, watches the live count, and saves it; a manager can only read it; the marketer deletes it after a confirmation", async ({
  page,
  browser,
}) => {
  await signInAs(page, "MARKETER");
  await page.goto("/audiences/segments");
  await page.getByRole("link", { name: "New segment" }).first().click();
  await page.getByLabel("Segment name").fill("Gold VIPs");
  const first = page.getByRole("group", { name: "Condition 1 of group 1" });
  // The attribute name suggests the names contacts carry.
  const attribute = first.getByRole("combobox", { name: "Condition 1 of group 1: attribute name" });
  await expect(page.locator('datalist option[value="loyaltyTier"]')).toHaveCount(1);
  await attribute.fill("loyaltyTier");
  await first.getByLabel("Condition 1 of group 1: value").fill("gold");
  const count = page.getByTestId("segment-count");
  await expect(count).toHaveText(/^\d[\d,]*$/);
  const gold = Number((await count.textContent())!.replace(/,/g, ""));
  expect(gold).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Add a condition" }).click();
  const second = page.getByRole("group", { name: "Condition 2 of group 1" });
  await second.getByRole("combobox", { name: "Condition 2 of group 1: field" }).click();
  await page.getByRole("option", { name: "Tag", exact: true }).click();
  // the new field's first comparison, shown
  await expect(second.getByRole("combobox", { name: "Condition 2 of group 1: comparison" })).toHaveText("has tag");
  await second.getByLabel("Condition 2 of group 1: value").fill("vip");
  await expect(async () => {
    const both = Number((await count.textContent())!.replace(/,/g, ""));
    expect(both).toBeLessThan(gold);
  }).toPass();
  await expect(page.getByRole("table", { name: "First matching contacts" }).getByRole("row").nth(1)).toBeVisible();

  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByRole("heading", { name: "Gold VIPs" })).toBeVisible();
  // The confirmation travels with the move to the segment's own page.
  const notifications = page.getByRole("region", { name: /Notifications/ });
  await expect(notifications.getByText("Segment saved. Campaigns evaluate it again when they launch.")).toBeVisible();

  const manager = await browser.newPage();
  await signInAs(manager, "MANAGER");
  await manager.goto("/audiences/segments");
  await manager.getByRole("link", { name: "Gold VIPs" }).click();
  await expect(manager.getByTestId("segment-count")).toHaveText(/^\d/);
  await expect(manager.getByRole("button", { name: "Save segment" })).toHaveCount(0);
  await expect(manager.getByLabel("Segment name")).toBeDisabled();
  await expect(manager.getByRole("button", { name: "Delete segment" })).toHaveCount(0);

  // The marketer deletes it, after a confirmation.
  await page.getByRole("button", { name: "Delete segment" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete the segment Gold VIPs?" });
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(page.getByRole("heading", { name: "Gold VIPs" })).toBeVisible();
  await page.getByRole("button", { name: "Delete segment" }).click();
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/audiences\/segments$/);
  await expect(notifications.getByText("Segment Gold VIPs deleted.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Gold VIPs" })).toHaveCount(0);
});

test("the contacts list filters by consent with the kit's select, which keeps the filter shown and sends 'either' as no filter", async ({
  page,
}) => {
  await signInAs(page, "MARKETER");
  await page.goto("/audiences/contacts");
  const filters = page.getByRole("search", { name: "Filter contacts" });
  await choose(page, "Consent", "Opted out");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]consent=out(&|$)/);
  await expect(page.getByRole("combobox", { name: "Consent", exact: true })).toHaveText("Opted out");

  await choose(page, "Consent", "Opted in or out");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]consent=(&|$)/);
  await expect(page.getByRole("combobox", { name: "Consent", exact: true })).toHaveText("Opted in or out");
});
