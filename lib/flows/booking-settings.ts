// A workspace's booking availability as the settings form shows and saves it. The endpoint reads it with the
// flow token's booking in one query (lib/flows/bookings.ts bookingContext).
import "server-only";
import { recordAudit } from "@/lib/audit/service";
import type { CurrentUser } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import type { OpeningHours, Weekday } from "./availability";
import { weeklyHoursSchema, type AvailabilityInput } from "./endpoint-schemas";

const DEFAULT_FROM = "09:00";
const DEFAULT_TO = "17:00";

/** The form's values: every weekday, closed ones with a default time to start from. */
export async function availabilityForm(workspaceId: string): Promise<AvailabilityInput & { timeZone: string }> {
  const [row, workspace] = await Promise.all([
    db.bookingAvailability.findUnique({
      where: { workspaceId },
      select: { weeklyHours: true, slotMinutes: true, capacity: true },
    }),
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } }),
  ]);
  const hours = weeklyHoursSchema.parse(row?.weeklyHours ?? []);
  const days = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => {
    const open = hours.find((h) => h.weekday === weekday);
    return { weekday, open: Boolean(open), from: open?.open ?? DEFAULT_FROM, to: open?.close ?? DEFAULT_TO };
  });
  return { days, slotMinutes: row?.slotMinutes ?? 30, capacity: row?.capacity ?? 1, timeZone: workspace.timeZone };
}

export async function saveAvailability(user: CurrentUser, input: AvailabilityInput): Promise<void> {
  const weeklyHours: OpeningHours[] = input.days
    .filter((d) => d.open)
    .map((d) => ({ weekday: d.weekday as Weekday, open: d.from, close: d.to }));
  const data = { weeklyHours, slotMinutes: input.slotMinutes, capacity: input.capacity };
  await db.$transaction(async (tx) => {
    await tx.bookingAvailability.upsert({
      where: { workspaceId: user.workspaceId },
      create: { workspaceId: user.workspaceId, ...data },
      update: data,
    });
    await recordAudit(
      user.workspaceId,
      user.userId,
      { action: "flows.availability_changed", targetType: "booking_availability", details: data },
      tx,
    );
  });
}
