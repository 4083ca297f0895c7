import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DEFAULT_RULES, protectBreakdown, protectQuestion, type Row, type Shown } from "~/results/disclosure";

const counts = (cells: Shown[]) => cells.map((cell) => (cell.state === "shown" ? cell.count : cell.state));

describe("one question", () => {
  test("9 answers: nothing is shown", () => {
    expect(protectQuestion({ cells: [5, 4, 0], total: 9 }, true)).toBeNull();
  });

  test("10 answers with a count of 3: it shows as 'fewer than 5', and another count is hidden with it", () => {
    // strongly agree, agree, neither, disagree, strongly disagree, don't know
    const result = protectQuestion({ cells: [0, 7, 0, 3, 0, 0], total: 10 }, true)!;
    expect(counts(result.cells)).toEqual([0, "hidden", 0, "fewer", 0, 0]);
  });

  test("the smallest count that protects is the one hidden; large counts stay", () => {
    const result = protectQuestion({ cells: [40, 12, 6, 2, 0, 9], total: 69 }, true)!;
    expect(counts(result.cells)).toEqual([40, 12, "hidden", "fewer", 0, 9]);
  });

  test("two small counts that together cannot be told apart need no more hiding", () => {
    const result = protectQuestion({ cells: [20, 3, 2, 0, 0, 0], total: 25 }, true)!;
    expect(counts(result.cells)).toEqual([20, "fewer", "fewer", 0, 0, 0]);
  });

  test("two small counts whose sum gives them away (1 + 1) are protected by hiding another", () => {
    const result = protectQuestion({ cells: [20, 1, 1, 0, 0, 0], total: 22 }, true)!;
    expect(counts(result.cells)).toEqual(["hidden", "fewer", "fewer", 0, 0, 0]);
  });

  test("'choose any' answers do not add up to the total, so small counts need no partner", () => {
    const result = protectQuestion({ cells: [12, 3, 9], total: 15 }, false)!;
    expect(counts(result.cells)).toEqual([12, "fewer", 9]);
  });

  test("thresholds are configuration", () => {
    expect(protectQuestion({ cells: [3, 3], total: 6 }, true, { minAnswers: 5, minCell: 3, minGroup: 5 })).toEqual({
      total: 6,
      cells: [
        { state: "shown", count: 3 },
        { state: "shown", count: 3 },
      ],
    });
  });
});

describe("breakdowns", () => {
  test("only groups with at least 10 answers are shown", () => {
    const overall = { cells: [30, 20], total: 50 };
    const both = protectBreakdown(
      overall,
      [
        { cells: [15, 10], total: 25 },
        { cells: [15, 10], total: 25 },
      ],
      true,
    )!;
    expect(both.groups.map((group) => [group.group, counts(group.cells)])).toEqual([
      [0, [15, 10]],
      [1, [15, 10]],
    ]);
    const small = protectBreakdown(
      { cells: [25, 11], total: 36 },
      [
        { cells: [16, 11], total: 27 },
        { cells: [9, 0], total: 9 },
      ],
      true,
    )!;
    expect(small.groups.map((group) => group.group)).toEqual([0]);
    // A group too small to show, whose 3 would follow from subtracting the shown group: no breakdown.
    expect(
      protectBreakdown(
        { cells: [22, 14], total: 36 },
        [
          { cells: [16, 11], total: 27 },
          { cells: [6, 3], total: 9 },
        ],
        true,
      ),
    ).toBeNull();
  });

  test("when two groups' small counts would give each other away, the smaller group is not shown", () => {
    // 4 + 4 = 8: both groups' second counts could be worked out from the whole, so only one group stays.
    const result = protectBreakdown(
      { cells: [20, 8], total: 28 },
      [
        { cells: [12, 4], total: 16 },
        { cells: [8, 4], total: 12 },
      ],
      true,
    )!;
    expect(result.groups.map((group) => group.group)).toEqual([0]);
  });

  test("a small group left unshown cannot be worked out by subtracting the shown groups from the whole", () => {
    // The shown group (A) and the whole give away the hidden group (B) unless something is hidden.
    const overall = { cells: [15, 10], total: 25 };
    const result = protectBreakdown(
      overall,
      [
        { cells: [13, 9], total: 22 },
        { cells: [2, 1], total: 3 },
      ],
      true,
    );
    if (result) {
      const shownA = result.groups.find((group) => group.group === 0)!;
      const visible = [...result.overall.cells, ...shownA.cells].filter((cell) => cell.state === "shown").length;
      expect(visible).toBeLessThan(4);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties, checked by an exact search independent of the module: for each cell an observer cannot
// see, every value it could take given everything shown.

type Domain = [number, number];
interface Observed {
  domains: Domain[];
  equations: Array<{ terms: Array<[number, number]>; total: number }>;
}

/** All values cell `target` can take in some assignment satisfying every equation (depth-first search). */
function possibleValues({ domains, equations }: Observed, target: number, limit = 2): Set<number> {
  const found = new Set<number>();
  const order = [
    target,
    ...domains.map((_, cell) => cell).filter((cell) => cell !== target && domains[cell]![0] !== domains[cell]![1]),
  ];
  const values = domains.map(([low, high]) => (low === high ? low : NaN));
  const consistent = () =>
    equations.every(({ terms, total }) => {
      let low = 0;
      let high = 0;
      for (const [cell, sign] of terms) {
        const [a, b] = Number.isNaN(values[cell]!) ? domains[cell]! : [values[cell]!, values[cell]!];
        low += sign > 0 ? a : -b;
        high += sign > 0 ? b : -a;
      }
      return low <= total && total <= high;
    });
  const search = (depth: number): boolean => {
    if (!consistent()) return false;
    if (depth === order.length) return true;
    const cell = order[depth]!;
    for (let value = domains[cell]![0]; value <= domains[cell]![1]; value += 1) {
      values[cell] = value;
      if (search(depth + 1)) {
        if (depth > 0) {
          values[cell] = NaN;
          return true;
        }
        found.add(value);
        if (found.size >= limit) break;
      }
    }
    values[cell] = NaN;
    return false;
  };
  search(0);
  return found;
}

const domainOf = (cell: Shown, value: number, rowTotal: number): Domain =>
  cell.state === "shown"
    ? [cell.count, cell.count]
    : cell.state === "fewer"
      ? [1, DEFAULT_RULES.minCell - 1]
      : [DEFAULT_RULES.minCell, rowTotal];

const smallCount = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 30 }));

describe("properties", () => {
  test("one question: no count from 1 to 4 is ever shown, and none hidden can be worked out", () => {
    fc.assert(
      fc.property(fc.array(smallCount, { minLength: 2, maxLength: 7 }), fc.boolean(), (cells, sumsToTotal) => {
        const total = sumsToTotal ? cells.reduce((sum, cell) => sum + cell, 0) : Math.max(...cells, 0) + 3;
        const result = protectQuestion({ cells, total }, sumsToTotal);
        if (!result) return total < DEFAULT_RULES.minAnswers || sumsToTotal;
        const observed: Observed = {
          domains: result.cells.map((cell, index) => domainOf(cell, cells[index]!, total)),
          equations: sumsToTotal ? [{ terms: cells.map((_, index) => [index, 1]), total }] : [],
        };
        return result.cells.every((cell, index) => {
          const value = cells[index]!;
          if (cell.state === "shown") return cell.count === value && (value === 0 || value >= DEFAULT_RULES.minCell);
          if (cell.state === "fewer" && (value < 1 || value > 4)) return false;
          return value >= DEFAULT_RULES.minCell || possibleValues(observed, index).size > 1;
        });
      }),
      { numRuns: 400 },
    );
  });

  test("breakdowns: no small count is shown or can be worked out, in any group or in what is left over", () => {
    const groupRow = (columns: number) =>
      fc.array(fc.integer({ min: 0, max: 12 }), { minLength: columns, maxLength: columns });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 3 })
          .chain((columns) =>
            fc.tuple(
              fc.constant(columns),
              fc.array(groupRow(columns), { minLength: 2, maxLength: 3 }),
              groupRow(columns),
            ),
          ),
        ([columns, groupCells, unseen]) => {
          const groups: Row[] = groupCells.map((cells) => ({
            cells,
            total: cells.reduce((sum, cell) => sum + cell, 0),
          }));
          const overallCells = Array.from({ length: columns }, (_, column) =>
            [...groupCells, unseen].reduce((sum, row) => sum + row[column]!, 0),
          );
          const overall = { cells: overallCells, total: overallCells.reduce((sum, cell) => sum + cell, 0) };
          const result = protectBreakdown(overall, groups, true);
          if (!result) return true;

          const shownGroups = result.groups.map((group) => groups[group.group]!);
          if (shownGroups.some((group) => group.total < DEFAULT_RULES.minGroup)) return false;
          const remainder = overallCells.map(
            (count, column) => count - shownGroups.reduce((sum, group) => sum + group.cells[column]!, 0),
          );
          const remainderTotal = remainder.reduce((sum, cell) => sum + cell, 0);
          const rows = [
            { shown: result.overall.cells, truth: overall },
            ...result.groups.map((group, index) => ({ shown: group.cells, truth: shownGroups[index]! })),
          ];
          const at = (row: number, column: number) => row * columns + column;
          const observed: Observed = {
            domains: [
              ...rows.flatMap(({ shown, truth }) =>
                shown.map((cell, column) => domainOf(cell, truth.cells[column]!, truth.total)),
              ),
              ...remainder.map((): Domain => [0, remainderTotal]),
            ],
            equations: [
              ...[...rows.map(({ truth }) => truth.total), remainderTotal].map((total, row) => ({
                terms: Array.from({ length: columns }, (_, column): [number, number] => [at(row, column), 1]),
                total,
              })),
              ...Array.from({ length: columns }, (_, column) => ({
                // overall = each shown group + what is left over
                terms: [
                  [at(0, column), -1] as [number, number],
                  ...Array.from({ length: rows.length }, (_, row): [number, number] => [at(row + 1, column), 1]),
                ],
                total: 0,
              })),
            ],
          };
          const truths = [...rows.flatMap(({ truth }) => truth.cells), ...remainder];
          const shownCells = rows.flatMap(({ shown }) => shown);
          return truths.every((value, cell) => {
            const shown = shownCells[cell];
            if (shown?.state === "shown")
              return shown.count === value && (value === 0 || value >= DEFAULT_RULES.minCell);
            if (shown?.state === "fewer" && (value < 1 || value > 4)) return false;
            if (value === 0 || value >= DEFAULT_RULES.minCell) return true;
            return possibleValues(observed, cell).size > 1;
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
