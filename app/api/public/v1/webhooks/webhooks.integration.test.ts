// Public API webhook endpoints (webhooks:manage): list, create (the secret answered once), delete; the
// scope enforced, the URL checked, another workspace's endpoint out of reach, every change audited.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { apiKeyFor, callApi } from "@/tests/public-api";
import { DELETE as remove } from "./endpoints/[id]/route";
import { GET as list, POST as create } from "./endpoints/route";

let workspaceId: string;
let key: string;

beforeAll(async () => {
  const { workspace } = await createWorkspace(["ADMIN"]);
  workspaceId = workspace.id;
  key = await apiKeyFor(workspaceId, ["webhooks:manage"]);
});

const body = { url: "https://8.8.8.8/hooks/parley", eventTypes: ["message.delivered", "message.failed"] };

describe("webhook endpoints through the API", () => {
  it("creates an endpoint, answering its signing secret, lists it without the secret, and deletes it", async () => {
    const created = await callApi(create, key, { path: "/webhooks/endpoints", body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: body.url,
      eventTypes: body.eventTypes,
      enabled: true,
      failingSince: null,
    });
    expect(created.body.secret).toMatch(/^whsec_/);

    const listed = await callApi(list, key, { path: "/webhooks/endpoints" });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([expect.objectContaining({ id: created.body.id, url: body.url })]);
    expect(JSON.stringify(listed.body)).not.toContain("whsec_");

    const deleted = await callApi(remove, key, {
      method: "DELETE",
      path: `/webhooks/endpoints/${created.body.id}`,
      params: { id: created.body.id },
    });
    expect(deleted).toMatchObject({ status: 200, body: { id: created.body.id, deleted: true } });
    expect(await db.webhookEndpoint.count({ where: { workspaceId } })).toBe(0);
    const audit = await db.auditLog.findMany({
      where: { workspaceId, action: { startsWith: "webhooks." } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId, (a.details as { apiKeyId?: string }).apiKeyId])).toEqual([
      ["webhooks.endpoint_created", null, expect.any(String)],
      ["webhooks.endpoint_deleted", null, expect.any(String)],
    ]);
  });

  it("refuses a private target and unknown event types with field errors", async () => {
    const answer = await callApi(create, key, {
      path: "/webhooks/endpoints",
      body: { url: "https://169.254.169.254/latest/meta-data", eventTypes: ["message.sent", "nope"] },
    });
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toContain("eventTypes");
    const privateTarget = await callApi(create, key, {
      path: "/webhooks/endpoints",
      body: { url: "https://169.254.169.254/latest/meta-data", eventTypes: ["message.sent"] },
    });
    expect(privateTarget.status).toBe(422);
    expect(JSON.stringify(privateTarget.body)).toMatch(/private, loopback or reserved/);
  });

  it("needs the webhooks:manage scope, and cannot reach another workspace's endpoint", async () => {
    const reader = await apiKeyFor(workspaceId, ["contacts:read"]);
    expect((await callApi(list, reader, { path: "/webhooks/endpoints" })).status).toBe(403);
    const other = (await createWorkspace(["ADMIN"])).workspace.id;
    const theirs = await callApi(create, await apiKeyFor(other, ["webhooks:manage"]), {
      path: "/webhooks/endpoints",
      body,
    });
    const answer = await callApi(remove, key, {
      method: "DELETE",
      path: `/webhooks/endpoints/${theirs.body.id}`,
      params: { id: theirs.body.id },
    });
    expect(answer.status).toBe(404);
    expect(await db.webhookEndpoint.count({ where: { id: theirs.body.id } })).toBe(1);
  });
});
