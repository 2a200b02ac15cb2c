// The dashboard's top-level sections, each with its own not-found and error boundary
// (app/(dashboard)/<section>/not-found.tsx and error.tsx): where the section's "back" link leads. The
// heading and the link's words are errors.sections.<section> in the catalogs.
export const SECTION_PATHS = {
  home: "/home",
  campaigns: "/campaigns",
  templates: "/templates",
  audiences: "/audiences",
  inbox: "/inbox",
  analytics: "/analytics",
  journeys: "/journeys",
  flows: "/flows",
  settings: "/settings",
  account: "/account",
} as const;

export type Section = keyof typeof SECTION_PATHS;
