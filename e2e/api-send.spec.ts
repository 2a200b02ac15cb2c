// The public API from a shell, as docs/api.md shows it: an order update sent with curl reaches the person
// (the sandbox), shows on the contact page and in the inbox thread, and comes back as a signed webhook.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { expect, signInAs, test } from "./fixtures";

type Delivery = { headers: Record<string, string>; body: string };

test("an order update sent with curl shows on the contact page, in the inbox thread and at a signed webhook receiver", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const deliveries: Delivery[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      deliveries.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString() });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/parley`;

  await signInAs(page, "ADMIN");

  // A webhook endpoint for sent and delivered messages, and its signing secret.
  await page.goto("/settings/webhooks");
  await page.getByRole("button", { name: "Add endpoint" }).first().click();
  const form = page.getByRole("dialog", { name: "Add a webhook endpoint" });
  await form.getByLabel("Endpoint URL").fill(hookUrl);
  await form.getByLabel("Description (optional)").fill("Shop (e2e)");
  await form.getByRole("checkbox", { name: /message\.sent/ }).check();
  await form.getByRole("checkbox", { name: /message\.delivered/ }).check();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(form).toBeHidden();
  const card = page.getByRole("region", { name: hookUrl });
  await card.getByRole("button", { name: "Reveal" }).click();
  await expect(card.getByLabel("Signing secret")).toHaveValue(/^whsec_[A-Za-z0-9+/=]+$/); // revealed, not the mask
  const secret = await card.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_/);

  // A key that may send messages.
  await page.goto("/settings/api");
  await page.getByRole("button", { name: "Create key" }).click();
  const create = page.getByRole("dialog", { name: "Create an API key" });
  await create.getByLabel("Name").fill(`Shop ${Date.now()}`);
  await create.getByRole("checkbox", { name: /Send messages/ }).check();
  await create.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByRole("dialog", { name: "Copy your new API key" }).getByLabel("API key").inputValue();

  // Someone who has written to the shop and shared a phone (the demo's Marta shows only a username): their
  // thread and their contact page.
  await page.goto("/inbox?filter=all");
  await page
    .getByRole("navigation", { name: "Conversations" })
    .getByRole("link")
    .filter({ hasNotText: "Marta" })
    .first()
    .click();
  const thread = page.getByRole("region", { name: /Conversation with/ });
  await expect(page).toHaveURL(/\/inbox\/[^/?]+/);
  const threadUrl = page.url();
  const phone = /\+\d{8,15}/.exec((await thread.locator("header p").first().textContent()) ?? "")![0];

  // docs/api.md's curl example, with this person's number.
  const answer = execFileSync(
    "curl",
    [
      "-sS",
      "-X",
      "POST",
      `${testInfo.project.use.baseURL}/api/public/v1/messages`,
      "-H",
      `Authorization: Bearer ${key}`,
      "-H",
      "Content-Type: application/json",
      "-H",
      `Idempotency-Key: order-10423-shipped-${Date.now()}`,
      "-d",
      JSON.stringify({
        to: phone,
        template: {
          name: "order_shipped",
          language: "en_US",
          variables: { body: ["Ada", "#10423", "Friday"] },
          buttons: [{ index: 0, urlSuffix: "10423" }],
        },
      }),
    ],
    { encoding: "utf8" },
  );
  const message = JSON.parse(answer) as { id: string; status: string };
  expect(message.status).toBe("queued");

  // Back as signed webhooks: the standardwebhooks library verifies each with the endpoint's secret.
  const verifier = new Webhook(secret);
  const events = () =>
    deliveries
      .map((d) => verifier.verify(d.body, d.headers) as { type: string; data: { messageId: string; origin: string } })
      .filter((e) => e.data.messageId === message.id);
  await expect.poll(() => events().map((e) => e.type), { timeout: 45_000 }).toContain("message.sent");
  expect(events()[0]!.data.origin).toBe("api");

  // On the contact page, as what the shop's systems sent.
  await thread.getByRole("link", { name: "Contact details" }).click();
  await expect(page).toHaveURL(/\/audiences\/contacts\//);
  const sent = page.getByRole("table", { name: "Messages sent" });
  await expect(sent.getByRole("row", { name: /order_shipped \(transactional, API\)/ }).first()).toBeVisible();

  // In the inbox thread, with the text the person read.
  await page.goto(threadUrl);
  await expect(
    thread.getByText("Good news, Ada! Your order #10423 has shipped and should arrive by Friday."),
  ).toBeVisible();
  await expect(thread.getByText("Sent by your systems (API)").last()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("inbox-thread-api-message.png"), fullPage: true });
  receiver.close();
});
