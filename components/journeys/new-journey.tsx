"use client";
// A new journey: the starter gallery with the journeys' starters (a client component: it holds the schema).
import { createJourneyAction } from "@/app/(dashboard)/journeys/actions";
import { StarterGallery } from "@/components/forms/starter-gallery";
import { newJourneySchema, STARTER_IDS } from "@/lib/journeys/starters";

export function NewJourney() {
  return (
    <StarterGallery
      namespace="journeys.new"
      starters={STARTER_IDS}
      schema={newJourneySchema}
      create={createJourneyAction}
      href={(id) => `/journeys/${id}`}
    />
  );
}
