// Pure: spaces sends evenly at a rate (a GCRA-style schedule: each send takes the next free slot, idle
// time is never saved up into a burst), slows down when Meta says 130429 and recovers gradually.
export class Pacer {
  private nextSlot = 0;
  private current: number;
  private target: number;

  constructor(rate: number) {
    this.target = rate;
    this.current = rate;
  }

  get rate() {
    return this.current;
  }

  /** A new target rate (the campaign's or the number's); a lowered current rate climbs back to it. */
  setTarget(rate: number) {
    this.target = rate;
    this.current = Math.min(this.current, rate);
  }

  /** Milliseconds to wait before the next send may go; reserves that slot. */
  reserve(now: number): number {
    const at = Math.max(this.nextSlot, now);
    this.nextSlot = at + 1000 / this.current;
    return at - now;
  }

  /** Meta's throughput error: nothing goes for `pauseMs`, then 10% slower. */
  backOff(now: number, pauseMs = 1000) {
    this.current = Math.max(1, this.current * 0.9);
    this.nextSlot = Math.max(this.nextSlot, now + pauseMs);
  }

  /** A batch without throughput errors: 5% faster, up to the target. */
  recover() {
    this.current = Math.min(this.target, this.current * 1.05);
  }

  /** Holds every send for a while (for example, Meta could not be reached). */
  hold(now: number, ms: number) {
    this.nextSlot = Math.max(this.nextSlot, now + ms);
  }
}
