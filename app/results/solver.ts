/**
 * An exact integer solver for what an observer can deduce from published counts: interval propagation
 * with branching. Pure. Every variable is a whole number in [low, high]; every equation says that a sum
 * of variables with signs +1 or -1 is 0 (inequalities become equations with a slack variable of 0 or
 * more). `pinned` answers whether a variable's value follows from everything else.
 */
export const UNBOUNDED = 1e12;

export interface Problem {
  low: number[];
  high: number[];
  equations: Array<Array<[variable: number, sign: 1 | -1]>>;
}

export class Solver {
  private readonly low: number[];
  private readonly high: number[];
  private readonly trail: Array<[variable: number, low: number, high: number]> = [];
  private readonly equationsOf: number[][];
  nodes = 0;

  /** False when the problem has no solution at all. */
  readonly consistent: boolean;

  constructor(private readonly problem: Problem) {
    this.low = [...problem.low];
    this.high = [...problem.high];
    this.equationsOf = problem.low.map(() => []);
    problem.equations.forEach((terms, equation) => {
      for (const [variable] of terms) this.equationsOf[variable]!.push(equation);
    });
    // What the equations imply holds in every solution: narrow once, for every question asked later.
    this.consistent = this.propagate(problem.equations.map((_, equation) => equation));
    this.trail.length = 0;
  }

  private set(variable: number, low: number, high: number) {
    this.trail.push([variable, this.low[variable]!, this.high[variable]!]);
    this.low[variable] = low;
    this.high[variable] = high;
  }

  private undo(mark: number) {
    while (this.trail.length > mark) {
      const [variable, low, high] = this.trail.pop()!;
      this.low[variable] = low;
      this.high[variable] = high;
    }
  }

  /** Narrows every bound the equations imply, from the given equations outwards. False when none fits. */
  private propagate(queue: number[]): boolean {
    const queued = new Set(queue);
    while (queue.length > 0) {
      const equation = queue.pop()!;
      queued.delete(equation);
      const terms = this.problem.equations[equation]!;
      let sumLow = 0;
      let sumHigh = 0;
      for (const [variable, sign] of terms) {
        sumLow += sign > 0 ? this.low[variable]! : -this.high[variable]!;
        sumHigh += sign > 0 ? this.high[variable]! : -this.low[variable]!;
      }
      if (sumLow > 0 || sumHigh < 0) return false;
      for (const [variable, sign] of terms) {
        const termLow = sign > 0 ? this.low[variable]! : -this.high[variable]!;
        const termHigh = sign > 0 ? this.high[variable]! : -this.low[variable]!;
        // This term is minus the sum of the others.
        const newTermLow = Math.max(termLow, -(sumHigh - termHigh));
        const newTermHigh = Math.min(termHigh, -(sumLow - termLow));
        const low = sign > 0 ? newTermLow : -newTermHigh;
        const high = sign > 0 ? newTermHigh : -newTermLow;
        if (low > high) return false;
        if (low !== this.low[variable] || high !== this.high[variable]) {
          this.set(variable, low, high);
          for (const other of this.equationsOf[variable]!) {
            if (other !== equation && !queued.has(other)) {
              queued.add(other);
              queue.push(other);
            }
          }
        }
      }
    }
    return true;
  }

  /** Narrows one variable and propagates; on failure the bounds are left as they were. */
  private restrict(variable: number, low: number, high: number): boolean {
    const mark = this.trail.length;
    const newLow = Math.max(low, this.low[variable]!);
    const newHigh = Math.min(high, this.high[variable]!);
    if (newLow > newHigh) return false;
    if (newLow === this.low[variable] && newHigh === this.high[variable]) return true;
    this.set(variable, newLow, newHigh);
    if (this.propagate([...this.equationsOf[variable]!])) return true;
    this.undo(mark);
    return false;
  }

  /**
   * Depth-first search for one whole-number solution, values nearest `near` first, variables in `order`.
   * Null when the node budget ran out before an answer.
   */
  private search(order: number[], near: number[], budget: number): boolean | null {
    const next = order.find((variable) => this.low[variable] !== this.high[variable]);
    if (next === undefined) return true;
    const target = Math.min(Math.max(near[next]!, this.low[next]!), this.high[next]!);
    let undecided = false;
    for (let distance = 0; ; distance += 1) {
      const candidates = distance === 0 ? [target] : [target - distance, target + distance];
      const inRange = candidates.filter((value) => value >= this.low[next]! && value <= this.high[next]!);
      if (inRange.length === 0 && target - distance < this.low[next]! && target + distance > this.high[next]!)
        return undecided ? null : false;
      for (const value of inRange) {
        this.nodes += 1;
        if (this.nodes > budget) return null;
        const mark = this.trail.length;
        if (this.restrict(next, value, value)) {
          const found = this.search(order, near, budget);
          if (found) return true;
          if (found === null) undecided = true;
        }
        this.undo(mark);
        if (undecided) return null;
      }
    }
  }

  /**
   * A quick certificate that `variable` could be other than its true value: a small change to the truth
   * (the variable by `delta`, then each equation put right again by changing another of its variables)
   * that keeps every equation and every bound. Variables in few equations (slacks, unseen counts) are
   * tried first, as they absorb a change without passing it on. Any change found is a whole-number
   * solution, so finding one is proof; not finding one proves nothing (the full search decides).
   */
  private smallChange(variable: number, delta: number, truth: number[], budget = 2_000): boolean {
    const change = new Map<number, number>([[variable, delta]]);
    const fits = (v: number, d: number) => truth[v]! + d >= this.problem.low[v]! && truth[v]! + d <= this.problem.high[v]!;
    if (!fits(variable, delta)) return false;
    let nodes = 0;
    const imbalance = (equation: number) =>
      this.problem.equations[equation]!.reduce((sum, [v, sign]) => sum + sign * (change.get(v) ?? 0), 0);
    const unbalanced = (): number | undefined => {
      for (const v of change.keys())
        for (const equation of this.equationsOf[v]!) if (imbalance(equation) !== 0) return equation;
      return undefined;
    };
    const solve = (depth: number): boolean => {
      const equation = unbalanced();
      if (equation === undefined) return true;
      if (depth > 14 || ++nodes > budget) return false;
      const off = imbalance(equation);
      const candidates = this.problem.equations[equation]!
        .map(([v, sign]) => ({ v, d: (change.get(v) ?? 0) - off * sign }))
        .filter(({ v, d }) => v !== variable && Math.abs(d) <= 2 && fits(v, d))
        .sort((a, b) => this.equationsOf[a.v]!.length - this.equationsOf[b.v]!.length);
      for (const { v, d } of candidates) {
        const before = change.get(v);
        if (d === 0) change.delete(v);
        else change.set(v, d);
        if (solve(depth + 1)) return true;
        if (before === undefined) change.delete(v);
        else change.set(v, before);
      }
      return false;
    };
    return solve(0);
  }

  /** The bounds propagation alone gives (no branching): what a quick observer sees at once. */
  bounds(): Array<[number, number]> | null {
    const mark = this.trail.length;
    const ok = this.propagate(this.problem.equations.map((_, equation) => equation));
    const result = ok ? this.low.map((low, variable): [number, number] => [low, this.high[variable]!]) : null;
    this.undo(mark);
    return result;
  }

  /**
   * Whether `variable` must equal `value` in every whole-number solution, given that `truth` is one
   * (its values guide the search). "unknown" when the search ran out of budget: callers treat that as
   * pinned, to be safe.
   */
  pinned(variable: number, value: number, truth: number[], budget = 20_000): boolean | "unknown" {
    if (value === truth[variable] && (this.smallChange(variable, -1, truth) || this.smallChange(variable, 1, truth)))
      return false;
    const order = this.nearestFirst(variable);
    let unknown = false;
    for (const [low, high] of [
      [this.problem.low[variable]!, value - 1],
      [value + 1, this.problem.high[variable]!],
    ] as const) {
      if (low > high) continue;
      const mark = this.trail.length;
      this.nodes = 0;
      if (this.consistent && this.restrict(variable, low, high)) {
        const found = this.search(order, truth, budget);
        this.undo(mark);
        if (found) return false;
        if (found === null) unknown = true;
      } else this.undo(mark);
    }
    return unknown ? "unknown" : true;
  }

  /** Variables in the order they are reached from `start` through shared equations. */
  private nearestFirst(start: number): number[] {
    const seen = new Set([start]);
    const order = [start];
    for (let index = 0; index < order.length; index += 1) {
      for (const equation of this.equationsOf[order[index]!]!) {
        for (const [variable] of this.problem.equations[equation]!) {
          if (!seen.has(variable)) {
            seen.add(variable);
            order.push(variable);
          }
        }
      }
    }
    return order;
  }
}
