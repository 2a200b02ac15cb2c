import { deliveryStateOf, expect, signInAs, test } from "./fixtures";

test("a person who shows only a WhatsApp username is in the inbox, is answered at their user id, and their contact page says how they are known", async ({
  page,
}) => {
  await signInAs(page, "MARKETER");
  await page.goto("/inbox");
  // The demo's Marta wrote an hour ago with a username and no phone; other tests' conversations may be newer, so
  // she is found as an agent would, by name.
  await page.getByLabel("Search by name or number").fill("Marta");
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("link", { name: /Marta/ }).click();
  const thread = page.getByRole("region", { name: "Conversation with Marta" });
  await expect(thread.getByText("@marta.rivera", { exact: false }).first()).toBeVisible();
  await expect(thread.getByText("¿Tenéis el café de Etiopía en grano?")).toBeVisible();
  await expect(thread.getByTestId("window-state")).toContainText("window open");

  // The reply goes to her business-scoped user id; WhatsApp (the sandbox, told at start who wrote in the last
  // 24 hours) delivers it. "Sent" is not enough: a refusal outside the window arrives after it.
  await thread.getByLabel("Message", { exact: true }).fill("¡Sí! Lo tenemos en grano y molido.");
  await thread.getByRole("button", { name: "Send" }).click();
  await expect(thread.getByText("¡Sí! Lo tenemos en grano y molido.")).toBeVisible();
  await expect(deliveryStateOf(thread, "¡Sí! Lo tenemos en grano y molido.")).toContainText(/Delivered|Read/, {
    timeout: 30_000,
  });

  await page.goto("/audiences/contacts?q=marta.rivera");
  await page.getByRole("link", { name: "Marta" }).click();
  await expect(page.getByText("Not shared (username only)")).toBeVisible();
  await expect(page.getByText("@marta.rivera", { exact: true })).toBeVisible();
  await expect(page.getByText(/^ES\.\d+$/)).toBeVisible();
});
