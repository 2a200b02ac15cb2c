import { NotFoundPage } from "@/components/errors/not-found-page";

/** notFound() under /home (an unknown id, or an address that names no page there): the section's 404. */
export default function HomeNotFound() {
  return <NotFoundPage section="home" />;
}
