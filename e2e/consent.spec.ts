import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/**
 * A person of the test's own, opted in to Promotions, as the shop's systems add one through the public API (with a
 * new key the admin makes): a demo contact's consent or erasure would change what the specs running beside this
 * one send to and count. Answers their number.
 */
async function ownContact(page: Page, name: string) {
  await page.goto("/settings/api");
  await page.getByRole("button", { name: "Create key" }).click();
  const create = page.getByRole("dialog", { name: "Create an API key" });
  await create.getByLabel("Name").fill(`Consent desk ${Date.now()}`);
  for (const scope of [/Read contacts/, /Create and update contacts/, /Record opt-ins/])
    await create.getByRole("checkbox", { name: scope }).check();
  await create.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByRole("dialog", { name: "Copy your new API key" }).getByLabel("API key").inputValue();
  const headers = { Authorization: `Bearer ${key}` };
  const phone = `+3463${String(Date.now()).slice(-7)}`;
  const upserted = await page.request.put("/api/public/v1/contacts", { headers, data: { phone, name } });
  expect(upserted.status(), await upserted.text()).toBeLessThan(300);
  const { contact } = (await upserted.json()) as { contact: { id: string } };
  const lists = (await (await page.request.get("/api/public/v1/consent-lists", { headers })).json()) as {
    data: { id: string; name: string }[];
  };
  const consent = await page.request.post(`/api/public/v1/contacts/${contact.id}/consent`, {
    headers,
    data: {
      listId: lists.data.find((l) => l.name === "Promotions")!.id,
      action: "opt_in",
      source: "web_form",
      proof: "Checkout form: “Send me offers on WhatsApp”",
    },
  });
  expect(consent.status(), await consent.text()).toBeLessThan(300);
  return phone;
}

test("an admin records an opt-out on a contact, sees it in the history and exports the list's record", async ({
  page,
}) => {
  await signInAs(page, "ADMIN");
  const phone = await ownContact(page, "Olga Optout");
  await page.goto(`/audiences/contacts?q=${encodeURIComponent(phone)}`);
  await page.getByRole("table", { name: "Contacts" }).getByRole("link", { name: "Olga Optout" }).click();
  await expect(page.getByRole("heading", { name: "Consent now" })).toBeVisible();

  for (const [name, option] of [
    ["Consent list", "Promotions"],
    ["Change", "Opted out"],
    ["Source", "Phone call"],
  ]) {
    await page.getByRole("combobox", { name, exact: true }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  }
  await page.getByLabel("Wording or proof").fill("Asked by phone to stop offers, call ref 88");
  await page.getByRole("button", { name: "Record consent change" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Recorded." })).toBeVisible();
  await expect(page.getByText("Promotions: opted out")).toBeVisible();
  const history = page.getByRole("table", { name: "Consent history" });
  await expect(history.getByRole("row").nth(1)).toContainText("Asked by phone to stop offers, call ref 88");
  await expect(history.getByRole("row").nth(1)).toContainText("Ada Admin");

  await page.goto("/audiences/consent-lists");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export record (CSV) for Promotions" }).click();
  const file = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const csv = readFileSync(file, "utf8");
  expect(csv.split("\r\n")[0]).toBe(
    "occurredAt,recordedAt,phone,whatsappUserId,username,name,action,scope,source,proof,actor",
  );
  expect(csv).toContain("Asked by phone to stop offers, call ref 88");
});

test("a manager reads a contact's consent but cannot change or export it", async ({ page }) => {
  await signInAs(page, "MANAGER");
  await page.goto("/audiences/contacts");
  await page.getByRole("table", { name: "Contacts" }).getByRole("link").first().click();
  await expect(page.getByRole("table", { name: "Consent history" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Record consent change" })).toHaveCount(0);
  await page.goto("/audiences/consent-lists");
  await expect(page.getByRole("link", { name: /Export record/ })).toHaveCount(0);
  const api = await page.request.get(`/api/v1/consent-lists/anything/export`);
  expect(api.status()).toBe(403);
});

test("an admin erases a contact at their request", async ({ page }) => {
  await signInAs(page, "ADMIN");
  const phone = await ownContact(page, "Enzo Erase");
  const search = `/audiences/contacts?q=${encodeURIComponent(phone)}`;
  await page.goto(search);
  await expect(page.getByText(/^1 of [\d,]+ people match\.$/)).toBeVisible();
  await page.getByRole("table", { name: "Contacts" }).getByRole("link", { name: "Enzo Erase" }).click();
  await page.getByRole("button", { name: "Erase contact" }).click();
  await expect(page.getByRole("dialog")).toContainText("anonymised suppression");
  await page.getByRole("dialog").getByRole("button", { name: "Erase" }).click();
  await expect(page).toHaveURL(/\/audiences\/contacts$/);
  await expect(page.getByText(/people in this workspace/)).toBeVisible();
  // Gone from the list: their number finds nobody. (The workspace's total is not compared: other specs add people.)
  await page.goto(search);
  await expect(page.getByRole("heading", { name: "Nobody matches these filters" })).toBeVisible();
});

test("an admin creates a consent list, and a second one with the same name is refused", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/audiences/consent-lists");
  for (const attempt of [1, 2]) {
    await page.getByRole("button", { name: "New consent list" }).click();
    const dialog = page.getByRole("dialog", { name: "New consent list" });
    await dialog.getByLabel("Name").fill("Appointment reminders");
    await dialog.getByRole("combobox", { name: "Purpose" }).click();
    await page.getByRole("option", { name: "Utility (order and account updates)" }).click();
    await dialog.getByRole("button", { name: "Create list" }).click();
    if (attempt === 1) {
      await expect(dialog).toHaveCount(0);
      await expect(page.getByRole("heading", { name: "Appointment reminders" })).toBeVisible();
    } else {
      await expect(dialog.getByRole("alert")).toHaveText("A consent list named Appointment reminders already exists.");
    }
  }
});

test("an admin sets the workspace's keywords, and a word cannot be both", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/audiences/consent-lists");
  await page.getByLabel("Opt-out keywords").fill("STOP, BAJA, basta");
  await page.getByLabel("Opt-in keywords").fill("START, basta");
  await page.getByRole("button", { name: "Save keywords" }).click();
  await expect(
    page.getByText("Opt-in keywords: a word cannot be both an opt-out and an opt-in keyword."),
  ).toBeVisible();
  await page.getByLabel("Opt-in keywords").fill("START, ALTA");
  await page.getByRole("button", { name: "Save keywords" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Opt-out keywords")).toHaveValue("STOP, BAJA, BASTA");
});
