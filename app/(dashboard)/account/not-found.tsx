import { NotFoundPage } from "@/components/errors/not-found-page";

/** notFound() under /account (an unknown id, or an address that names no page there): the section's 404. */
export default function AccountNotFound() {
  return <NotFoundPage section="account" />;
}
