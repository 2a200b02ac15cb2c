"use client";
// A new flow: the starter gallery with the flows' starters (a client component: it holds the resolver).
import { createFlowAction } from "@/app/(dashboard)/flows/actions";
import { StarterGallery } from "@/components/forms/starter-gallery";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { FLOW_STARTER_IDS } from "@/lib/flows/starter-ids";

const resolver = lazyZodResolver(() => import("@/lib/flows/starters").then((m) => m.newFlowSchema));

export function NewFlow() {
  return (
    <StarterGallery
      namespace="flows.new"
      starters={FLOW_STARTER_IDS}
      resolver={resolver}
      create={createFlowAction}
      href={(id) => `/flows/${id}`}
    />
  );
}
