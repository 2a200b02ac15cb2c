"use client";
// A new journey: the starter gallery with the journeys' starters (a client component: it holds the resolver).
import { createJourneyAction } from "@/app/(dashboard)/journeys/actions";
import { StarterGallery } from "@/components/forms/starter-gallery";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { STARTER_IDS } from "@/lib/journeys/starter-ids";

const resolver = lazyZodResolver(() => import("@/lib/journeys/starters").then((m) => m.newJourneySchema));

export function NewJourney() {
  return (
    <StarterGallery
      namespace="journeys.new"
      starters={STARTER_IDS}
      resolver={resolver}
      create={createJourneyAction}
      href={(id) => `/journeys/${id}`}
    />
  );
}
