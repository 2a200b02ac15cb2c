// Pure: spaces sends evenly at a rate (a GCRA-style schedule: each send takes the next free slot; at
// most TOLERANCE_MS of idle time is made up, so the short pauses between batches cost no throughput but
// a quiet spell never turns into a burst), slows down when Meta says 130429 and recovers gradually.
const TOLERANCE_MS = 100;

export class Pacer {
  private nextSlot = 0;
  private pausedUntil = 0;
  private current: number;
  private target: number;

  constructor(rate: number) {
    this.target = rate;
    this.current = rate;
  }

  get rate() {
    return this.current;
  }

  /** A new target rate (the campaign's or the number's); after a back-off the rate climbs back to it. */
  setTarget(rate: number) {
    const slowed = this.current < this.target;
    this.target = rate;
    this.current = slowed ? Math.min(this.current, rate) : rate;
  }

  /** Milliseconds to wait before the next send may go; reserves that slot. */
  reserve(now: number): number {
    const at = Math.max(this.nextSlot, now - TOLERANCE_MS);
    this.nextSlot = at + 1000 / this.current;
    return Math.max(0, at - now);
  }

  /**
   * Meta's throughput error: nothing goes for `pauseMs`, then at half the rate (it climbs back by 5% a
   * batch). The errors of one burst halve it once, not once each.
   */
  backOff(now: number, pauseMs = 1000) {
    if (now < this.pausedUntil) return;
    this.pausedUntil = now + pauseMs;
    this.current = Math.max(1, this.current / 2);
    this.nextSlot = Math.max(this.nextSlot, now + pauseMs);
  }

  /** A batch without throughput errors: 5% faster, up to the target. */
  recover() {
    this.current = Math.min(this.target, this.current * 1.05);
  }

  /** Milliseconds until the next free slot, reserving nothing (when the sends already reserved will have gone). */
  pending(now: number): number {
    return Math.max(0, this.nextSlot - now);
  }

  /** Holds every send for a while (for example, Meta could not be reached). */
  hold(now: number, ms: number) {
    this.nextSlot = Math.max(this.nextSlot, now + ms);
  }
}
