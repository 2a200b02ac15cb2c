import { NotFoundPage } from "@/components/errors/not-found-page";

/**
 * An id that names nothing in this workspace (lib/not-found.ts), outside any section with its own boundary:
 * shown inside the shell, so the navigation is still there to go on from.
 */
export default function DashboardNotFound() {
  return <NotFoundPage />;
}
