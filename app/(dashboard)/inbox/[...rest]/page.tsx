// An address under /inbox that names no page: the section's 404 inside the shell, not the bare root one.
export { unknownAddress as default } from "@/lib/not-found";
