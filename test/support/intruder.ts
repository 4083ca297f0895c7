/**
 * A motivated intruder's tools, written apart from the app's own protection so that the two do not share
 * mistakes: a model of everything a reader sees of a survey as whole-number unknowns with bounds and
 * equations, and an exact solver (interval propagation with branching) that finds every value an
 * unknown can still take.
 */
export type Seen = { state: "shown"; count: number } | { state: "fewer" } | { state: "hidden" };

export interface Model {
  low: number[];
  high: number[];
  /** Each: the signed sum of its unknowns is 0. */
  equations: Array<Array<[number, 1 | -1]>>;
}

const BIG = 1e9;

function propagate(low: number[], high: number[], equations: Model["equations"]): boolean {
  for (let changed = true; changed; ) {
    changed = false;
    for (const terms of equations) {
      let min = 0;
      let max = 0;
      for (const [v, s] of terms) {
        min += s > 0 ? low[v]! : -high[v]!;
        max += s > 0 ? high[v]! : -low[v]!;
      }
      if (min > 0 || max < 0) return false;
      for (const [v, s] of terms) {
        const own = s > 0 ? [low[v]!, high[v]!] : [-high[v]!, -low[v]!];
        const lo = Math.max(own[0]!, -(max - own[1]!));
        const hi = Math.min(own[1]!, -(min - own[0]!));
        const [newLow, newHigh] = s > 0 ? [lo, hi] : [-hi, -lo];
        if (newLow > newHigh) return false;
        if (newLow > low[v]! || newHigh < high[v]!) {
          low[v] = newLow;
          high[v] = newHigh;
          changed = true;
        }
      }
    }
  }
  return true;
}

/** Whether some whole-number assignment satisfies everything (branching by halving domains). */
function feasible(low: number[], high: number[], equations: Model["equations"], budget: { nodes: number }): boolean {
  budget.nodes -= 1;
  if (budget.nodes < 0) throw new Error("the intruder's search ran out of budget");
  if (!propagate(low, high, equations)) return false;
  let pick = -1;
  for (let v = 0; v < low.length; v += 1)
    if (low[v] !== high[v] && (pick < 0 || high[v]! - low[v]! < high[pick]! - low[pick]!)) pick = v;
  if (pick < 0) return true;
  const middle = Math.floor((low[pick]! + high[pick]!) / 2);
  for (const [from, to] of [
    [low[pick]!, middle],
    [middle + 1, high[pick]!],
  ] as const) {
    const l = [...low];
    const h = [...high];
    l[pick] = from;
    h[pick] = to;
    if (feasible(l, h, equations, budget)) return true;
  }
  return false;
}

/**
 * Whether `unknown` could be something other than `value` in some whole-number solution: false means the
 * intruder has pinned it exactly.
 */
export function couldDiffer(model: Model, unknown: number, value: number): boolean {
  const budget = { nodes: 200_000 };
  return [
    [model.low[unknown]!, value - 1],
    [value + 1, model.high[unknown]!],
  ].some(([from, to]) => {
    if (from! > to!) return false;
    const low = [...model.low];
    const high = [...model.high];
    low[unknown] = Math.max(low[unknown]!, from!);
    high[unknown] = Math.min(high[unknown]!, to!);
    return low[unknown]! <= high[unknown]! && feasible(low, high, model.equations, budget);
  });
}

/** The values `unknown` can take in some whole-number solution, up to `limit` of them. */
export function possibleValues(model: Model, unknown: number, limit = 2): number[] {
  const low = [...model.low];
  const high = [...model.high];
  if (!propagate(low, high, model.equations)) return [];
  const found: number[] = [];
  const budget = { nodes: 200_000 };
  for (let value = low[unknown]!; value <= high[unknown]! && found.length < limit; value += 1) {
    const l = [...low];
    const h = [...high];
    l[unknown] = value;
    h[unknown] = value;
    if (feasible(l, h, model.equations, budget)) found.push(value);
  }
  return found;
}

/** A model under construction: unknowns with what was seen of them, and what the rules say holds. */
export class ModelBuilder {
  readonly model: Model = { low: [], high: [], equations: [] };
  /** No count can exceed the responses; `ceiling` is the most the intruder knows they could be. */
  constructor(
    private readonly maxNoise: number,
    private readonly minCell: number,
    private readonly ceiling = BIG,
  ) {}

  unknown(low = 0, high = this.ceiling): number {
    this.model.low.push(low);
    this.model.high.push(high);
    return this.model.low.length - 1;
  }

  /** A count seen as a number (± the noise), "fewer than" a threshold, hidden, or not at all (undefined). */
  seen(seen: Seen | undefined, threshold = this.minCell): number {
    if (!seen || seen.state === "hidden") return this.unknown();
    if (seen.state === "fewer") return this.unknown(0, threshold - 1 + this.maxNoise);
    return this.unknown(Math.max(0, seen.count - this.maxNoise), seen.count + this.maxNoise);
  }

  exactly(value: number): number {
    return this.unknown(value, value);
  }

  equal(plus: number[], minus: number[]) {
    this.model.equations.push([...plus.map((v): [number, 1] => [v, 1]), ...minus.map((v): [number, -1] => [v, -1])]);
  }

  atMost(small: number[], large: number[]) {
    this.equal([...small, this.unknown(0, this.ceiling * 8)], large);
  }

  /** One answer each: the cells add up; "choose any": each at most the total, together at least it. */
  row(answers: "one" | "any", cells: number[], total: number) {
    if (answers === "one") this.equal(cells, [total]);
    else {
      for (const cell of cells) this.atMost([cell], [total]);
      this.atMost([total], cells);
    }
  }
}
