// Seeded randomness keyed by a name, so that a recipient's fate does not depend on the order sends arrive in.
import { createHash } from "node:crypto";

/** A number in [0, 1) fixed by the seed and the key. */
export function chance(seed: number, key: string): number {
  return createHash("sha256").update(`${seed}:${key}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** A delay between min and max milliseconds, fixed by the seed and the key. */
export function delay(seed: number, key: string, minMs: number, maxMs: number): number {
  return Math.round(minMs + chance(seed, key) * (maxMs - minMs));
}
