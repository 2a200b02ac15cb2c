import { NotFoundPage } from "@/components/errors/not-found-page";

/** notFound() under /analytics (an unknown id, or an address that names no page there): the section's 404. */
export default function AnalyticsNotFound() {
  return <NotFoundPage section="analytics" />;
}
