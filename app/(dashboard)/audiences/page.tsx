import { redirect } from "next/navigation";

export default function AudiencesPage() {
  redirect("/audiences/contacts");
}
