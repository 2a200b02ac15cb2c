// Parley's mark: the "P" in the brand's colour, beside the name in the sidebar, on standalone error pages and on
// the API reference's way back. No hooks, so server and client components both draw it.
import { cn } from "@/lib/utils";

export function BrandMark({ small = false }: { small?: boolean }) {
  return (
    <span
      className={cn(
        "grid place-items-center rounded-md bg-brand-600 font-bold text-white",
        small ? "size-6 text-xs" : "size-7 text-sm",
      )}
      aria-hidden
    >
      P
    </span>
  );
}
