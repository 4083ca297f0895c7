/**
 * Disclosure control for survey results: what inspectors may see of the counts without anyone's answer
 * being worked out. Pure and deterministic.
 *
 * - A question's results appear only once it has `minAnswers` answers (10, as Ofsted Parent View).
 * - Any count from 1 to `minCell - 1` (1 to 4) is shown as "fewer than 5", its percentage hidden
 *   (primary suppression).
 * - Secondary suppression then hides other counts until no suppressed count can be worked out from the
 *   totals and the other numbers shown: every shown total is an equation over the cells, an observer's
 *   knowledge is propagated through those equations as intervals, and no cell whose true value is small
 *   may end up pinned to a single value.
 * - In a breakdown, only groups with `minGroup` answers are shown. The rest of the respondents (smaller
 *   groups and those who did not say) form a remainder nobody sees, but whose counts an observer could
 *   work out by subtraction; those are protected as well.
 */
export interface DisclosureRules {
  minAnswers: number;
  minCell: number;
  minGroup: number;
}

export const DEFAULT_RULES: DisclosureRules = { minAnswers: 10, minCell: 5, minGroup: 10 };

/** How one count appears: the number itself, "fewer than 5", or hidden to protect another count. */
export type Shown = { state: "shown"; count: number } | { state: "fewer" } | { state: "hidden" };

export interface Row {
  /** Counts for each answer, in the table's column order ("don't know" included). */
  cells: number[];
  /** How many answered: for single-answer questions the sum of the cells. */
  total: number;
}

export interface ProtectedRow {
  total: number;
  cells: Shown[];
}

// ---------------------------------------------------------------------------------------------------
// The observer's view: cells (shown or hidden), and the equations shown totals give them, each a sum of
// cells with coefficients +1 or -1 equal to a known number.

interface Model {
  values: number[];
  hidden: boolean[];
  /** Unseen remainder cells: never shown, protected when small. */
  remainder: boolean[];
  equations: Array<{ terms: Array<[cell: number, sign: 1 | -1]>; total: number }>;
  /** The most an observer knows each hidden cell could be (the total of its row). */
  ceiling: number[];
}

export type Interval = [low: number, high: number];

/** What an observer who knows the rules can deduce about each cell: the range it must lie in. */
function deduce(model: Model, rules: DisclosureRules): Interval[] {
  const bounds: Interval[] = model.values.map((value, cell) => {
    if (!model.hidden[cell]) return [value, value];
    if (model.remainder[cell]) return [0, model.ceiling[cell]!];
    // Zeros are never hidden, so a hidden count is either "fewer than 5" or a secondary one of 5 or more.
    return value < rules.minCell ? [1, rules.minCell - 1] : [rules.minCell, model.ceiling[cell]!];
  });
  // The smallest and largest a signed term can contribute.
  const low = ([cell, sign]: [number, 1 | -1]) => (sign > 0 ? bounds[cell]![0] : -bounds[cell]![1]);
  const high = ([cell, sign]: [number, 1 | -1]) => (sign > 0 ? bounds[cell]![1] : -bounds[cell]![0]);
  for (let changed = true, rounds = 0; changed && rounds < 1000; rounds += 1) {
    changed = false;
    for (const { terms, total } of model.equations) {
      const sumLow = terms.reduce((sum, term) => sum + low(term), 0);
      const sumHigh = terms.reduce((sum, term) => sum + high(term), 0);
      for (const term of terms) {
        // This term equals the total minus the others, so it lies between these.
        const termLow = total - (sumHigh - high(term));
        const termHigh = total - (sumLow - low(term));
        const [cell, sign] = term;
        const [cellLow, cellHigh] = bounds[cell]!;
        const newLow = Math.max(cellLow, sign > 0 ? termLow : -termHigh);
        const newHigh = Math.min(cellHigh, sign > 0 ? termHigh : -termLow);
        if (newLow !== cellLow || newHigh !== cellHigh) {
          bounds[cell] = [newLow, newHigh];
          changed = true;
        }
      }
    }
  }
  return bounds;
}

/** Small counts (1 to minCell - 1) that are hidden yet could be worked out exactly. */
function exposedCells(model: Model, rules: DisclosureRules): number[] {
  const bounds = deduce(model, rules);
  return model.values.flatMap((value, cell) =>
    model.hidden[cell] && value > 0 && value < rules.minCell && bounds[cell]![0] === bounds[cell]![1] ? [cell] : [],
  );
}

/**
 * Hides small counts, then, while any is exposed, the smallest count of 5 or more that shares an
 * equation with it. Returns false when nothing more can be hidden to protect it.
 */
function suppress(model: Model, rules: DisclosureRules): boolean {
  model.values.forEach((value, cell) => {
    if (value > 0 && value < rules.minCell) model.hidden[cell] = true;
  });
  for (;;) {
    const [exposed] = exposedCells(model, rules);
    if (exposed === undefined) return true;
    const candidates = model.equations
      .filter(({ terms }) => terms.some(([cell]) => cell === exposed))
      .flatMap(({ terms }) => terms.map(([cell]) => cell))
      .filter((cell) => !model.hidden[cell] && model.values[cell]! >= rules.minCell);
    if (candidates.length === 0) return false;
    const smallest = candidates.reduce((best, cell) => (model.values[cell]! < model.values[best]! ? cell : best));
    model.hidden[smallest] = true;
  }
}

const display = (model: Model, cell: number, rules: DisclosureRules): Shown =>
  !model.hidden[cell]
    ? { state: "shown", count: model.values[cell]! }
    : model.values[cell]! < rules.minCell
      ? { state: "fewer" }
      : { state: "hidden" };

/**
 * The observer's model of a table: rows of cells (the first row may be the overall row of a breakdown),
 * each row's cells summing to its total when `sumsToTotal`; with `remainder`, a last unseen row such
 * that, column by column, overall = the other rows + remainder.
 */
function buildModel(rows: Row[], sumsToTotal: boolean, remainder: Row | null): Model {
  const columns = rows[0]!.cells.length;
  const allRows = remainder ? [...rows, remainder] : rows;
  const at = (row: number, column: number) => row * columns + column;
  const values = allRows.flatMap((row) => row.cells);
  const isRemainder = (cell: number) => remainder !== null && cell >= rows.length * columns;
  const model: Model = {
    values,
    hidden: values.map((_, cell) => isRemainder(cell)),
    remainder: values.map((_, cell) => isRemainder(cell)),
    equations: [],
    ceiling: values.map((_, cell) => Math.max(allRows[Math.floor(cell / columns)]!.total, 0)),
  };
  if (sumsToTotal) {
    allRows.forEach((row, index) =>
      model.equations.push({ terms: row.cells.map((_, column) => [at(index, column), 1]), total: row.total }),
    );
  }
  if (remainder) {
    for (let column = 0; column < columns; column += 1) {
      const parts = allRows.map((_, index) => [at(index, column), 1] as [number, 1 | -1]).slice(1);
      model.equations.push({ terms: [[at(0, column), -1], ...parts], total: 0 });
    }
  }
  return model;
}

// ---------------------------------------------------------------------------------------------------

/**
 * One question's counts. Null when it has too few answers to show, or when no suppression could
 * protect its small counts (then nothing about it is shown).
 * `sumsToTotal`: true for single-answer questions (each answer counted once); false for "choose any".
 */
export function protectQuestion(row: Row, sumsToTotal: boolean, rules = DEFAULT_RULES): ProtectedRow | null {
  if (row.total < rules.minAnswers) return null;
  const model = buildModel([row], sumsToTotal, null);
  if (!suppress(model, rules)) return null;
  return { total: row.total, cells: row.cells.map((_, cell) => display(model, cell, rules)) };
}

export interface ProtectedBreakdown {
  overall: ProtectedRow;
  /** Only groups with enough answers, by the index they were given in. */
  groups: Array<{ group: number } & ProtectedRow>;
}

/**
 * A question broken down by the groups of an about-you question. The overall row and every shown group
 * row are protected together with the unseen remainder (small groups, and people who did not say).
 * Groups are dropped, smallest first, until that works; null when no group can be shown.
 */
export function protectBreakdown(
  overall: Row,
  groups: Row[],
  sumsToTotal: boolean,
  rules = DEFAULT_RULES,
): ProtectedBreakdown | null {
  if (overall.total < rules.minAnswers) return null;
  let shown = groups.map((group, index) => ({ ...group, index })).filter((group) => group.total >= rules.minGroup);
  while (shown.length > 0) {
    const remainder: Row = {
      total: overall.total - shown.reduce((sum, group) => sum + group.total, 0),
      cells: overall.cells.map((count, column) => count - shown.reduce((sum, group) => sum + group.cells[column]!, 0)),
    };
    const model = buildModel([overall, ...shown], sumsToTotal, remainder);
    if (suppress(model, rules)) {
      const row = (index: number, source: Row): ProtectedRow => ({
        total: source.total,
        cells: source.cells.map((_, column) => display(model, index * source.cells.length + column, rules)),
      });
      return {
        overall: row(0, overall),
        groups: shown.map((group, index) => ({ group: group.index, ...row(index + 1, group) })),
      };
    }
    const smallest = shown.reduce((best, group) => (group.total < best.total ? group : best));
    shown = shown.filter((group) => group !== smallest);
  }
  return null;
}
