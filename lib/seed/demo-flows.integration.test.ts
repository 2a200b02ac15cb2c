// The demo's booking Flow is ready for the endpoint: published with the booking JSON, the workspace's key pair
// registered (its private key encrypted as at runtime, so the real route decrypts with it), opening hours set,
// tastings already booked within capacity; and what `npm start` gives the sandbox holds the key and endpoint_uri.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { endpointUrl } from "@/lib/flows/endpoint-keys";
import { decryptExchangeResponse, encryptExchangeRequest } from "@/lib/flows/exchange-crypto";
import { flowProblems } from "@/lib/flows/flow-json";
import { createFlowToken } from "@/lib/flows/flow-token";
import { signBody } from "@/lib/webhooks/signature";
import { POST } from "@/app/api/flows/endpoint/[workspaceId]/route";
import { workspaceFlows } from "@/sandbox/bootstrap";
import { addOptedInContacts } from "@/tests/campaigns";
import { createWorkspace } from "@/tests/factories";
import { APP_SECRET, connectAccount } from "@/tests/whatsapp";
import { DEMO_FLOW_IDS, seedFlows } from "./demo-flows";

describe("the demo's tasting booking flow", () => {
  it("is published, its key registered and usable by the endpoint, its hours set and its first tastings booked", async () => {
    const { workspace, users } = await createWorkspace(["MARKETER"]);
    const ws = workspace.id;
    await connectAccount(ws);
    const list = await db.consentList.create({ data: { workspaceId: ws, name: "Promotions" } });
    await addOptedInContacts(ws, list.id, 110, `+3468${String(Math.floor(Math.random() * 900) + 100)}`);
    const contacts = await db.contact.findMany({
      where: { workspaceId: ws },
      orderBy: { phone: "asc" },
      select: { id: true, phone: true },
    });
    const template = await db.template.create({
      data: { workspaceId: ws, name: "nps_survey", language: "en_US", category: "MARKETING", components: [] },
    });
    let n = 0;
    await db.$transaction(
      (tx) =>
        seedFlows(tx, ws, {
          publisherId: users.MARKETER.id,
          templateId: template.id,
          listId: list.id,
          contacts: contacts.map((c) => ({ id: c.id, phone: c.phone! })),
          optedOut: new Set(),
          random: () => (n++ * 0.37) % 1,
        }),
      { timeout: 30_000 },
    );

    const flow = await db.flow.findFirstOrThrow({ where: { workspaceId: ws, name: "Book a tasting" } });
    expect(flow).toMatchObject({ status: "PUBLISHED", metaFlowId: DEMO_FLOW_IDS.booking });
    expect(flowProblems(flow.json)).toEqual([]);
    const key = await db.flowEndpointKey.findUniqueOrThrow({ where: { workspaceId: ws } });
    expect(key.registeredAt).not.toBeNull();

    // What the sandbox is given on every start: the key and the flow's endpoint.
    const meta = await workspaceFlows(ws);
    expect(meta.businessPublicKey).toBe(key.publicKeyPem);
    expect(meta.flows.find((f) => f.id === DEMO_FLOW_IDS.booking)).toMatchObject({ endpoint_uri: endpointUrl(ws) });

    // The real route opens a request sealed for that key, and offers days from the demo's hours.
    const { body, aesKey, iv } = encryptExchangeRequest(
      { version: "3.0", action: "INIT", flow_token: createFlowToken(ws) },
      key.publicKeyPem,
    );
    const raw = JSON.stringify(body);
    const response = await POST(
      new Request(`http://localhost/api/flows/endpoint/${ws}`, {
        method: "POST",
        body: raw,
        headers: { "x-hub-signature-256": signBody(raw, APP_SECRET) },
      }),
      { params: Promise.resolve({ workspaceId: ws }) },
    );
    expect(response.status).toBe(200);
    const answer = decryptExchangeResponse(await response.text(), aesKey, iv) as {
      screen: string;
      data: { days: { id: string; enabled?: boolean }[] };
    };
    expect(answer.screen).toBe("APPOINTMENT");
    expect(answer.data.days.filter((d) => d.enabled !== false).length).toBeGreaterThan(5);

    // Tastings already booked: each answer has its confirmed seat, never more than two a slot.
    const answers = await db.flowResponse.findMany({ where: { flowId: flow.id } });
    const bookings = await db.booking.findMany({ where: { workspaceId: ws } });
    expect(answers).toHaveLength(8);
    expect(bookings.map((b) => [b.flowToken, b.contactId, b.status]).sort()).toEqual(
      answers.map((a) => [a.flowToken, a.contactId, "CONFIRMED"]).sort(),
    );
    const perSlot = new Map<number, number>();
    for (const b of bookings) perSlot.set(b.slotStart.getTime(), (perSlot.get(b.slotStart.getTime()) ?? 0) + 1);
    expect(Math.max(...perSlot.values())).toBeLessThanOrEqual(2);
  });
});
