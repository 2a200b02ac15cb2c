// The contacts list reads its filters from the address. A parameter given twice (?q=a&q=b, as a hand-edited
// or doubled link makes) arrives as an array: the page filters by the first value instead of failing with
// a 500.
import { isValidElement, type ReactNode } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { actAs } from "@/tests/request-context";
import ContactsPage from "./page";

/** Every piece of text in a rendered element tree (the server component's output, before React renders it). */
function texts(node: ReactNode): string[] {
  if (typeof node === "string" || typeof node === "number") return [String(node)];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (isValidElement<{ children?: ReactNode }>(node)) return texts(node.props.children);
  return [];
}

const render = async (searchParams: Record<string, string | string[]>) =>
  texts((await ContactsPage({ searchParams: Promise.resolve(searchParams) })) as ReactNode);

describe("the contacts list and repeated parameters", () => {
  let alba: string;
  beforeAll(async () => {
    const { workspace, users } = await createWorkspace(["ADMIN"]);
    await actAs(users.ADMIN.id, workspace.id);
    const workspaceId = workspace.id;
    const data = { workspaceId, phone: "+34600888001", name: "Alba Ruiz", tags: ["vip"] };
    alba = (await db.contact.create({ data })).id;
    await db.contact.create({ data: { workspaceId, phone: "+34600888002", name: "Bruno Sanz" } });
  });

  it("filters by the first of a repeated q or tag", async () => {
    const byName = await render({ q: ["Alba", "Bruno"] });
    expect(byName).toContain("Alba Ruiz");
    expect(byName).not.toContain("Bruno Sanz");
    const byTag = await render({ tag: ["vip", "other"] });
    expect(byTag).toContain("Alba Ruiz");
    expect(byTag).not.toContain("Bruno Sanz");
  });

  it("pages from the first of a repeated cursor", async () => {
    const firstPage = await render({});
    expect(firstPage).toEqual(expect.arrayContaining(["Alba Ruiz", "Bruno Sanz"]));
    const afterAlba = await render({ after: [alba, "not an id"] });
    expect(afterAlba).toContain("Bruno Sanz");
    expect(afterAlba).not.toContain("Alba Ruiz");
  });
});
