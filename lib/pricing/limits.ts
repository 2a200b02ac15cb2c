// The rate-card import's limits, without zod: the import form checks a file's size before it reads it.

/** No rate-card file is larger: a bigger one is refused before it is read. */
export const MAX_RATE_CARD_BYTES = 512 * 1024;
