// Every dashboard page that takes an id in its address shows the 404 page (never the error page, a 500) for
// an id that names nothing in the viewer's workspace: one that names nothing at all, one that cannot be an
// id, and a real row of another workspace. The pages are called as Next.js calls them, as the admin of one
// workspace; e2e/errors.spec.ts checks the status and the page a browser gets.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { actAs } from "@/tests/request-context";
import CampaignPage from "./campaigns/[id]/page";
import EditCampaignPage from "./campaigns/[id]/edit/page";
import RecipientsPage from "./campaigns/[id]/recipients/page";
import SegmentPage from "./audiences/segments/[id]/page";
import ContactPage from "./audiences/contacts/[id]/page";
import ImportDetailPage from "./audiences/contacts/import/[id]/page";
import ConversationPage from "./inbox/[id]/page";
import TemplatePage from "./templates/[id]/page";
import WebhookDeliveryLogPage from "./settings/webhooks/[endpointId]/page";
import FlowPage from "./flows/[id]/page";
import FlowResultsPage from "./flows/[id]/results/page";
import JourneyPage from "./journeys/[id]/page";
import JourneyReportPage from "./journeys/[id]/report/page";

type Ids = Record<
  "campaign" | "segment" | "contact" | "import" | "conversation" | "template" | "endpoint" | "flow" | "journey",
  string
>;

/** One row of each kind in a workspace of its own: "another workspace's id" for the viewer. */
async function otherWorkspaceRows(): Promise<Ids> {
  const { workspace } = await createWorkspace(["ADMIN"]);
  const workspaceId = workspace.id;
  const contact = await db.contact.create({ data: { workspaceId, phone: "+34600777001" } });
  const [campaign, segment, contactImport, conversation, template, endpoint, flow, journey] = await Promise.all([
    db.campaign.create({ data: { workspaceId, name: "Theirs" } }),
    db.segment.create({ data: { workspaceId, name: "Theirs", rules: { match: "all", conditions: [] } } }),
    db.contactImport.create({ data: { workspaceId, fileName: "theirs.csv", sizeBytes: 10 } }),
    db.conversation.create({ data: { workspaceId, contactId: contact.id } }),
    db.template.create({
      data: { workspaceId, name: "theirs", language: "en_US", category: "MARKETING", components: [] },
    }),
    db.webhookEndpoint.create({ data: { workspaceId, url: "https://example.com/hook", secretEncrypted: "x" } }),
    db.flow.create({ data: { workspaceId, name: "Theirs", category: "SURVEY", json: {} } }),
    db.journey.create({ data: { workspaceId, name: "Theirs", draft: {} } }),
  ]);
  return {
    campaign: campaign.id,
    segment: segment.id,
    contact: contact.id,
    import: contactImport.id,
    conversation: conversation.id,
    template: template.id,
    endpoint: endpoint.id,
    flow: flow.id,
    journey: journey.id,
  };
}

const params = (id: string) => ({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) });

const PAGES: [string, keyof Ids, (id: string) => Promise<unknown>][] = [
  ["campaign", "campaign", (id) => CampaignPage(params(id))],
  ["campaign edit", "campaign", (id) => EditCampaignPage(params(id))],
  ["campaign recipients", "campaign", (id) => RecipientsPage(params(id))],
  ["segment", "segment", (id) => SegmentPage(params(id))],
  ["contact", "contact", (id) => ContactPage(params(id))],
  ["import", "import", (id) => ImportDetailPage(params(id))],
  ["inbox thread", "conversation", (id) => ConversationPage(params(id))],
  ["template", "template", (id) => TemplatePage(params(id))],
  ["flow", "flow", (id) => FlowPage(params(id))],
  ["flow results", "flow", (id) => FlowResultsPage(params(id))],
  ["journey", "journey", (id) => JourneyPage(params(id))],
  ["journey report", "journey", (id) => JourneyReportPage(params(id))],
  [
    "webhook delivery log",
    "endpoint",
    (id) => WebhookDeliveryLogPage({ params: Promise.resolve({ endpointId: id }), searchParams: Promise.resolve({}) }),
  ],
];

/** What the page threw: Next.js renders the 404 page for notFound()'s digest, the error page for anything else. */
async function outcome(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
    return "rendered";
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    return typeof digest === "string" && digest.endsWith(";404") ? "404" : `error: ${String(error)}`;
  }
}

describe("dashboard pages and ids that name nothing here", () => {
  let theirs: Ids;
  let ours: string;
  beforeAll(async () => {
    const { workspace, users } = await createWorkspace(["ADMIN"]);
    await actAs(users.ADMIN.id, workspace.id);
    theirs = await otherWorkspaceRows();
    ours = (await db.segment.create({ data: { workspaceId: workspace.id, name: "Ours", rules: {} } })).id;
  });

  it("renders a page for an id of the viewer's own workspace", async () => {
    expect(await outcome(() => SegmentPage(params(ours)))).toBe("rendered");
  });

  it.each(PAGES)("the %s page answers 404", async (_name, kind, render) => {
    const ids = { unknown: "cmunknown000000000000000", malformed: "not an id", "another workspace's": theirs[kind] };
    const outcomes: Record<string, string> = {};
    for (const [which, id] of Object.entries(ids)) outcomes[which] = await outcome(() => render(id));
    expect(outcomes).toEqual({ unknown: "404", malformed: "404", "another workspace's": "404" });
  });
});
