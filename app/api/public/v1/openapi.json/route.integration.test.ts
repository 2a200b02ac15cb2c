// The OpenAPI document is served to anyone (it holds no data), as JSON, with every operation in it.
import { describe, expect, it } from "vitest";
import { API_PREFIX } from "@/lib/api/operation";
import { ALL_OPERATIONS } from "@/lib/api/operations";
import { env } from "@/lib/env";
import { GET } from "./route";

describe("GET /api/public/v1/openapi.json", () => {
  it("serves the OpenAPI 3.1 document without a key", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0].url).toBe(new URL(API_PREFIX, env().APP_URL).toString());
    expect(ALL_OPERATIONS.length).toBeGreaterThan(0);
    for (const op of ALL_OPERATIONS) {
      expect(doc.paths[op.path]?.[op.method.toLowerCase()]?.operationId, op.id).toBe(op.id);
    }
    // Served twice, the same document.
    expect(await (await GET()).json()).toEqual(doc);
  });
});
