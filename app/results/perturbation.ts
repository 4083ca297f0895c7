/**
 * Cell-key perturbation, the method the Office for National Statistics used for the 2021 Census. Pure.
 *
 * Every response gets a random record key when it is stored. A published count's cell key is the sum of
 * the record keys of the responses it counts, modulo the key range; a fixed table maps the cell key to a
 * small adjustment. So the same responses always give the same published number (asking again teaches
 * nothing), while adding or removing one response changes the noise as well as the count.
 *
 * The table here is symmetric: `weights[d]` is how many of the key range's values give an adjustment of
 * +d (and as many give -d); `weights[0]` give none. The key range is their total, a power of two, so the
 * sum of uniform record keys modulo it is uniform too. The default has noise of about ±1 (standard
 * deviation 1.5, 95% within ±3) and at most ±8, the largest being 1 in 65,536: a count is never told
 * exactly, yet stays useful. A published count is never negative (a negative result is published as 0,
 * which is shown as "fewer than 5" anyway), and an empty cell has no records, so no noise.
 */
export interface NoiseTable {
  /** Key values per absolute adjustment 0, 1, 2, … (symmetric). */
  weights: number[];
  /** The total number of key values: weights[0] + 2 × the rest; a power of two. */
  keyRange: number;
  /** The largest adjustment the table can give. */
  maxAdjustment: number;
}

export const DEFAULT_NOISE_WEIGHTS = [20000, 13000, 7000, 2000, 600, 150, 14, 3, 1];

/** Record keys are drawn from [0, 2^31): any power-of-two key range up to that divides it evenly. */
export const RECORD_KEY_LIMIT = 2 ** 31;

/** A table from its weights, or the reason they are not one (used when configuration is read). */
export function noiseTable(weights: number[]): NoiseTable {
  if (weights.length < 1 || weights.length > 64) throw new Error("must list between 1 and 64 weights");
  if (weights.some((weight) => !Number.isInteger(weight) || weight < 0))
    throw new Error("must be whole numbers of 0 or more");
  if (weights[0]! < 1) throw new Error("must start with a weight of at least 1 (no adjustment)");
  const keyRange = weights[0]! + 2 * weights.slice(1).reduce((sum, weight) => sum + weight, 0);
  if (keyRange < 16 || keyRange > RECORD_KEY_LIMIT || (keyRange & (keyRange - 1)) !== 0)
    throw new Error("must add up (the first once, the others twice) to a power of two from 16 to 2^31");
  const maxAdjustment = weights.reduce((max, weight, d) => (weight > 0 ? d : max), 0);
  return { weights, keyRange, maxAdjustment };
}

export const DEFAULT_NOISE = noiseTable(DEFAULT_NOISE_WEIGHTS);

/** Parses "20000,13000,…" from configuration; throws with a message naming what is wrong. */
export function parseNoiseTable(text: string): NoiseTable {
  const parts = text.split(",").map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part))) throw new Error("must be whole numbers separated by commas");
  return noiseTable(parts.map(Number));
}

/** The table's adjustment for a cell key, before it meets the count (keys in order 0, -1, +1, -2, +2, …). */
export function tableAdjustment(table: NoiseTable, cellKey: number): number {
  let rest = ((cellKey % table.keyRange) + table.keyRange) % table.keyRange;
  if (rest < table.weights[0]!) return 0;
  rest -= table.weights[0]!;
  for (let d = 1; d < table.weights.length; d += 1) {
    const weight = table.weights[d]!;
    if (rest < weight) return -d;
    rest -= weight;
    if (rest < weight) return d;
    rest -= weight;
  }
  /* c8 ignore next */
  throw new Error("cell key outside the table");
}

/** The published value of a count whose records' keys sum to `cellKey` (modulo the key range). */
export function perturb(table: NoiseTable, count: number, cellKey: number): number {
  if (count <= 0) return 0;
  return Math.max(0, count + tableAdjustment(table, cellKey));
}

/** The cell key of a set of records: the sum of their record keys, modulo the key range. */
export const cellKey = (table: NoiseTable, recordKeys: number[]) =>
  recordKeys.reduce((sum, key) => (sum + key) % table.keyRange, 0);

/**
 * What anyone who knows the table can say about the true count behind a published number: within the
 * largest adjustment of it, and never negative.
 */
export function trueCountRange(table: NoiseTable, published: number): [number, number] {
  return [Math.max(0, published - table.maxAdjustment), published + table.maxAdjustment];
}
