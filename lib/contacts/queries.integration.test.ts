import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { countContacts, listContacts } from "./queries";

describe("contact search and filters", () => {
  it("find by name or phone digits, tag, and consent on a list", async () => {
    const { workspace } = await createWorkspace(["ADMIN"]);
    const ws = workspace.id;
    const list = await db.consentList.create({ data: { workspaceId: ws, name: "Promotions" } });
    const [ana, bruno] = await Promise.all([
      db.contact.create({ data: { workspaceId: ws, phone: "+34610000401", name: "Ana Silva", tags: ["vip"] } }),
      db.contact.create({ data: { workspaceId: ws, phone: "+34610000402", name: "Bruno Costa" } }),
      db.contact.create({ data: { workspaceId: ws, phone: "+447911000403", name: "Chen Wang", tags: ["vip"] } }),
    ]);
    await db.contactConsent.createMany({
      data: [
        { workspaceId: ws, contactId: ana!.id, consentListId: list.id, optedIn: true, changedAt: new Date() },
        { workspaceId: ws, contactId: bruno!.id, consentListId: list.id, optedIn: false, changedAt: new Date() },
      ],
    });
    const names = async (f: Parameters<typeof listContacts>[2]) =>
      (await listContacts(ws, undefined, f)).contacts.map((c) => c.name).sort();
    expect(await names({ q: "silva" })).toEqual(["Ana Silva"]);
    expect(await names({ q: "+34 610 000 402" })).toEqual(["Bruno Costa"]);
    expect(await names({ tag: "vip" })).toEqual(["Ana Silva", "Chen Wang"]);
    expect(await names({ listId: list.id, consent: "in" })).toEqual(["Ana Silva"]);
    expect(await names({ listId: list.id, consent: "out" })).toEqual(["Bruno Costa"]);
    expect(await countContacts(ws, { listId: list.id })).toBe(2);
    expect(await countContacts(ws)).toBe(3);
  });
});
