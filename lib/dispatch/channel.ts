// Moved to the platform layer (lib/db/notify.ts), which campaigns and messages import without reaching up
// into dispatch; this file goes when the worker's wiring imports it from there.
export { DISPATCH_CHANNEL } from "@/lib/db/notify";
