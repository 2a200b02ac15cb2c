import { NotFoundPage } from "@/components/errors/not-found-page";

/** notFound() under /templates (an unknown id, or an address that names no page there): the section's 404. */
export default function TemplatesNotFound() {
  return <NotFoundPage section="templates" />;
}
