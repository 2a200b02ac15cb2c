import { NotFoundPage } from "@/components/errors/not-found-page";

/** notFound() under /inbox (an unknown id, or an address that names no page there): the section's 404. */
export default function InboxNotFound() {
  return <NotFoundPage section="inbox" />;
}
