"use client";
// A new flow: the starter gallery with the flows' starters (a client component: it holds the schema).
import { createFlowAction } from "@/app/(dashboard)/flows/actions";
import { StarterGallery } from "@/components/forms/starter-gallery";
import { FLOW_STARTER_IDS, newFlowSchema } from "@/lib/flows/starters";

export function NewFlow() {
  return (
    <StarterGallery
      namespace="flows.new"
      starters={FLOW_STARTER_IDS}
      schema={newFlowSchema}
      create={createFlowAction}
      href={(id) => `/flows/${id}`}
    />
  );
}
