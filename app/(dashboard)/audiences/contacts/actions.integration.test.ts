import { beforeEach, describe, expect, it } from "vitest";
import { CONSENT_EXPORT_COLUMNS, exportConsentRecord } from "@/lib/consent/admin";
import { toCsv } from "@/lib/csv";
import { recordConsentEvent } from "@/lib/consent/service";
import { recordConsentAction } from "./actions";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { createWorkspace } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";

beforeEach(() => actAnonymously());

async function setup() {
  const { workspace, users } = await createWorkspace();
  const list = await db.consentList.create({
    data: { workspaceId: workspace.id, name: "Promotions", category: "MARKETING" },
  });
  const contact = await db.contact.create({
    data: { workspaceId: workspace.id, phone: "+34610000301", name: '=HYPERLINK("http://evil")' },
  });
  return { ws: workspace.id, users, list, contact };
}

describe("consent recorded by hand", () => {
  it("is refused for a manager and a marketer, called directly, and changes nothing", async () => {
    const { ws, users, list, contact } = await setup();
    for (const role of ["MANAGER", "MARKETER"] as const) {
      await actAs(users[role].id, ws);
      const result = await recordConsentAction({
        contactId: contact.id,
        consentListId: list.id,
        action: "OPT_IN",
        source: "PAPER",
        proof: "Signed form #12 in the store",
      });
      expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await db.consentEvent.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("by an admin appends an event with its proof and actor, and changes the state", async () => {
    const { ws, users, list, contact } = await setup();
    await actAs(users.ADMIN.id, ws);
    const noProof = await recordConsentAction({
      contactId: contact.id,
      consentListId: list.id,
      action: "OPT_IN",
      source: "PAPER",
      proof: "",
    });
    expect(noProof).toMatchObject({
      ok: false,
      error: { fieldErrors: { proof: [expect.stringContaining("an opt-in needs the wording")] } },
    });
    const ok = await recordConsentAction({
      contactId: contact.id,
      consentListId: list.id,
      action: "OPT_IN",
      source: "PAPER",
      proof: "Signed form #12 in the store",
    });
    expect(ok).toEqual({ ok: true, data: undefined });
    expect(await db.contactConsent.findFirst({ where: { contactId: contact.id } })).toMatchObject({ optedIn: true });
    expect(await db.consentEvent.findFirst({ where: { contactId: contact.id } })).toMatchObject({
      action: "OPT_IN",
      source: "PAPER",
      actorId: users.ADMIN.id,
      proof: "Signed form #12 in the store",
    });
  });
});

describe("consent export", () => {
  it("holds the list's events and the global ones, with formulas defused", async () => {
    const { ws, users, list, contact } = await setup();
    await recordConsentEvent({
      workspaceId: ws,
      contactId: contact.id,
      consentListId: list.id,
      action: "OPT_IN",
      source: "WEB_FORM",
      proof: "+1 checkbox",
      actorId: users.ADMIN.id,
      occurredAt: new Date("2026-01-01T00:00:00Z"),
    });
    await recordConsentEvent({
      workspaceId: ws,
      contactId: contact.id,
      consentListId: null,
      action: "OPT_OUT",
      source: "KEYWORD",
      proof: 'Replied "STOP"',
      occurredAt: new Date("2026-02-01T00:00:00Z"),
    });
    const { rows } = await exportConsentRecord(ws, { consentListId: list.id });
    expect(rows.map((r) => [r.action, r.scope, r.source])).toEqual([
      ["OPT_IN", "Promotions", "WEB_FORM"],
      ["OPT_OUT", "All marketing lists", "KEYWORD"],
    ]);
    const csv = toCsv(CONSENT_EXPORT_COLUMNS, rows);
    expect(csv.split("\r\n")[0]).toBe(
      "occurredAt,recordedAt,phone,whatsappUserId,username,name,action,scope,source,proof,actor",
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("'+1 checkbox");
    expect(csv).toContain('"Replied ""STOP"""');
  });
});

describe("a contact's consent record", () => {
  it("downloads as CSV and JSON for an admin, every list and the global events, and is refused to a manager", async () => {
    const { ws, users, list, contact } = await setup();
    const other = await db.consentList.create({
      data: { workspaceId: ws, name: "Order updates", category: "UTILITY" },
    });
    await recordConsentEvent({
      workspaceId: ws,
      contactId: contact.id,
      consentListId: list.id,
      action: "OPT_IN",
      source: "WEB_FORM",
      proof: "Form v3",
      occurredAt: new Date("2026-01-01T00:00:00Z"),
    });
    await recordConsentEvent({
      workspaceId: ws,
      contactId: contact.id,
      consentListId: other.id,
      action: "OPT_IN",
      source: "CHAT",
      proof: "Asked in chat",
      occurredAt: new Date("2026-01-02T00:00:00Z"),
    });
    await recordConsentEvent({
      workspaceId: ws,
      contactId: contact.id,
      consentListId: null,
      action: "OPT_OUT",
      source: "KEYWORD",
      proof: "STOP",
      occurredAt: new Date("2026-02-01T00:00:00Z"),
    });
    const { GET } = await import("@/app/api/v1/contacts/[id]/consent/route");
    const call = (format = "") =>
      GET(new Request(`http://localhost/api/v1/contacts/${contact.id}/consent${format}`), {
        params: Promise.resolve({ id: contact.id }),
      });

    await actAs(users.ADMIN.id, ws);
    const csv = await call();
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines.map((l) => l.split(",").slice(6, 9).join(","))).toEqual([
      "action,scope,source",
      "OPT_IN,Promotions,WEB_FORM",
      "OPT_IN,Order updates,CHAT",
      "OPT_OUT,All marketing lists,KEYWORD",
    ]);
    const json = await (await call("?format=json")).json();
    expect(json.events).toHaveLength(3);

    await actAs(users.MANAGER.id, ws);
    expect((await call()).status).toBe(403);
  });
});

describe("erasing a contact", () => {
  it("deletes everything about them but keeps a suppression an admin cannot opt in past", async () => {
    const { eraseContact, exportContactData, suppressedSince } = await import("@/lib/contacts/privacy");
    const { ws, users, list, contact } = await setup();
    await recordConsentEvent({
      workspaceId: ws,
      contactId: contact.id,
      consentListId: list.id,
      action: "OPT_IN",
      source: "WEB_FORM",
      proof: "checkbox",
    });
    const exported = await exportContactData(ws, contact.id);
    expect(exported.contact.consentEvents).toHaveLength(1);

    await eraseContact(ws, users.ADMIN.id, contact.id);
    expect(await db.contact.count({ where: { id: contact.id } })).toBe(0);
    expect(await db.consentEvent.count({ where: { contactId: contact.id } })).toBe(0);
    expect(await suppressedSince(ws, { phone: "+34610000301" })).toBeInstanceOf(Date);
    const stored = JSON.stringify(await db.suppression.findMany({ where: { workspaceId: ws } }));
    expect(stored).not.toContain("34610000301");

    // The number comes back (an import, a message): it cannot be opted in again by hand.
    const again = await db.contact.create({ data: { workspaceId: ws, phone: "+34610000301" } });
    await actAs(users.ADMIN.id, ws);
    const result = await recordConsentAction({
      contactId: again.id,
      consentListId: list.id,
      action: "OPT_IN",
      source: "PAPER",
      proof: "A new paper form, supposedly",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", message: expect.stringContaining("asked to be erased") },
    });
  });

  it("leaves no consent event behind when a STOP is being recorded at the same moment", async () => {
    const { eraseContact } = await import("@/lib/contacts/privacy");
    const { ws, users, contact } = await setup();
    const stop = {
      workspaceId: ws,
      contactId: contact.id,
      consentListId: null,
      action: "OPT_OUT",
      source: "KEYWORD",
      proof: "STOP",
    } as const;
    // The STOP's transaction is still open when the erasure starts: the erasure waits for it, then removes its event too.
    let erasure: Promise<void> | undefined;
    await db.$transaction(async (tx) => {
      await recordConsentEvent(stop, tx);
      erasure = eraseContact(ws, users.ADMIN.id, contact.id);
      // Hold the STOP open until the erasure is really waiting for its lock (not for a guessed time).
      const waiting = async () =>
        (
          await db.$queryRaw<
            { n: number }[]
          >`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
        )[0]!.n;
      await expect.poll(waiting, { interval: 10, timeout: 10_000 }).toBeGreaterThan(0);
    });
    await erasure;
    expect(await db.consentEvent.count({ where: { workspaceId: ws } })).toBe(0);
    // The other way round: a STOP for a contact erased already is refused, not recorded.
    await expect(recordConsentEvent(stop)).rejects.toThrow(new NotFoundError("contact"));
    expect(await db.consentEvent.count({ where: { workspaceId: ws } })).toBe(0);
  });
});

describe("erasure and other workspaces", () => {
  const account = (workspaceId: string, phoneNumberId: string) =>
    db.whatsAppAccount.create({
      data: {
        workspaceId,
        wabaId: `waba-${phoneNumberId}`,
        phoneNumberId,
        accessTokenEncrypted: "x",
        appSecretEncrypted: "x",
        verifyTokenEncrypted: "x",
      },
    });
  const delivery = (body: Buffer) =>
    db.webhookDelivery.create({
      data: { rawBody: new Uint8Array(body), signature: "sha256=x", processedAt: new Date() },
    });
  const statusBody = (phoneNumberId: string, digits: string) =>
    Buffer.from(
      JSON.stringify({
        entry: [
          {
            changes: [
              { value: { metadata: { phone_number_id: phoneNumberId }, statuses: [{ recipient_id: digits }] } },
            ],
          },
        ],
      }),
    );

  it("deletes the stored webhooks of its own workspace only, non-UTF-8 bodies included", async () => {
    const { eraseContact } = await import("@/lib/contacts/privacy");
    const mine = await setup();
    const theirs = await createWorkspace(["ADMIN"]);
    const suffix = mine.ws.slice(-8);
    await account(mine.ws, `1${suffix}`);
    await account(theirs.workspace.id, `2${suffix}`);
    // The same person is a contact of both workspaces.
    await db.contact.create({ data: { workspaceId: theirs.workspace.id, phone: "+34610000301" } });
    const ownDelivery = await delivery(statusBody(`1${suffix}`, "34610000301"));
    const latin1 = await delivery(
      Buffer.concat([statusBody(`1${suffix}`, "34610000301"), Buffer.from([0xff, 0xfe, 0xe9])]),
    );
    const theirDelivery = await delivery(statusBody(`2${suffix}`, "34610000301"));

    await eraseContact(mine.ws, mine.users.ADMIN.id, mine.contact.id);
    expect(await db.webhookDelivery.count({ where: { id: { in: [ownDelivery.id, latin1.id] } } })).toBe(0);
    expect(await db.webhookDelivery.count({ where: { id: theirDelivery.id } })).toBe(1);
    expect(await db.contact.count({ where: { workspaceId: theirs.workspace.id, phone: "+34610000301" } })).toBe(1);
  });

  it("answers an unknown contact, or another workspace's, with not found and erases nothing", async () => {
    const { eraseContactAction } = await import("./actions");
    const mine = await setup();
    const theirs = await createWorkspace(["ADMIN"]);
    await actAs(theirs.users.ADMIN.id, theirs.workspace.id);
    expect(await eraseContactAction({ contactId: mine.contact.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await eraseContactAction({ contactId: "no-such-contact" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await db.contact.count({ where: { id: mine.contact.id } })).toBe(1);
    expect(await db.suppression.count({ where: { workspaceId: theirs.workspace.id } })).toBe(0);
  });
});

describe("creating a consent list", () => {
  it("is for admins only", async () => {
    const { createConsentListAction } = await import("../consent-lists/actions");
    const { ws, users } = await setup();
    await actAs(users.MARKETER.id, ws);
    expect(await createConsentListAction({ name: "Sneaky", description: "", category: "MARKETING" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    await actAs(users.ADMIN.id, ws);
    expect(
      await createConsentListAction({ name: "Newsletter", description: "Monthly", category: "MARKETING" }),
    ).toMatchObject({ ok: true });
    expect(
      await db.consentList.findMany({ where: { workspaceId: ws }, select: { name: true }, orderBy: { name: "asc" } }),
    ).toEqual([{ name: "Newsletter" }, { name: "Promotions" }]);
  });
});
