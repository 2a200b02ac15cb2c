import { NotFoundPage } from "@/components/errors/not-found-page";

/** notFound() under /journeys (an unknown id, or an address that names no page there): the section's 404. */
export default function JourneysNotFound() {
  return <NotFoundPage section="journeys" />;
}
