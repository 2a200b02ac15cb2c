import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

/** `caption` names the table for screen readers (and tests); sighted users have the heading above it. */
export function Table({ className, caption, children, ...props }: ComponentProps<"table"> & { caption: string }) {
  return (
    // `relative`: a screen-reader-only label in a cell is positioned absolutely; without a positioned box here it
    // escaped the scrolling and widened the whole page on a phone. A named group in the tab order, so a
    // keyboard can scroll a table wider than the screen (axe: scrollable-region-focusable); a group, not a
    // region: a region is a landmark, and one named as the section around it duplicated it (landmark-unique).
    <div
      role="group"
      aria-label={caption}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-line bg-white"
    >
      <table className={cn("w-full text-left text-sm [&_tbody_tr:last-child_td]:border-b-0", className)} {...props}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
export function Th({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={cn("border-b border-line bg-gray-50 px-4 py-2.5 font-medium text-muted", className)}
      {...props}
    />
  );
}
export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("border-b border-line px-4 py-3 align-middle", className)} {...props} />;
}

/** The one row a table shows when it has nothing to list: say why, or what to do next. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <Td colSpan={columns} className="py-6 text-center text-muted">
        {children}
      </Td>
    </tr>
  );
}
