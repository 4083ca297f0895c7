import { DEFAULT_NOISE, perturb, tableAdjustment, trueCountRange, type NoiseTable } from "./perturbation";
import { Solver, type Problem } from "./solver";

/**
 * Disclosure control for survey results: what inspectors may see of the counts without anyone's answer
 * being worked out, by someone with their access, an exact solver, readings at different times and
 * responses of their own. Pure and deterministic.
 *
 * - Every published count carries cell-key noise (perturbation.ts): the same responses always give
 *   the same number; nothing is shown as an exact 0.
 * - A published count under `minCell` shows as "fewer than 5"; a question shows once its published
 *   number of answers reaches `minAnswers`, a breakdown group once its published total reaches `minGroup`.
 * - Everything one reader can see at once is one system: the response and late counts, every question's
 *   answers and "answered", every breakdown by every about-you question with its group totals, and what
 *   is never shown but follows by subtraction (small groups, people who did not say). Single answers add
 *   up to "answered"; in "choose any" each option is at most "answered" and together at least it; a
 *   group's people are at most those who gave that about-you answer; answered is at most the responses.
 * - Secondary suppression: while an exact solver (interval propagation with branching) can pin any true
 *   count from 1 to `minCell - 1` anywhere in that system, the nearest published count is hidden.
 * - A count whose noise came out at the table's extreme is hidden too, so that someone who sent all
 *   the other responses can never rule out every other answer for the one they did not send.
 */
export interface DisclosureRules {
  minAnswers: number;
  minCell: number;
  minGroup: number;
  noise: NoiseTable;
}

export const DEFAULT_RULES: DisclosureRules = { minAnswers: 10, minCell: 5, minGroup: 10, noise: DEFAULT_NOISE };

/** How one count appears: a (perturbed) number, "fewer than 5", or hidden to protect another count. */
export type Shown = { state: "shown"; count: number } | { state: "fewer" } | { state: "hidden" };

/** A true count, and the cell key of the responses it counts. */
export interface Count {
  n: number;
  key: number;
}

export interface QuestionCounts {
  id: string;
  /** one: a single answer each; any: "choose any" (at least one); text: free text (its count is exact). */
  answers: "one" | "any" | "text";
  /** By column, in the order the question lists its answers. */
  cells: Count[];
  answered: Count;
}

export interface BreakdownCounts {
  /** The about-you question whose answers are the groups. */
  by: string;
  /** For each other question: per group (the about-you question's columns), its cells and how many answered. */
  questions: Map<string, Array<{ cells: Count[]; answered: Count }>>;
}

export interface SurveyCounts {
  responses: Count;
  /** Null before the survey closes: no response can be late yet (a structural zero, not shown). */
  late: Count | null;
  questions: QuestionCounts[];
  breakdowns: BreakdownCounts[];
}

export interface ProtectedGroup {
  /** The about-you question's column this group is. */
  group: number;
  total: Shown;
  cells: Shown[];
}

export interface ProtectedQuestion {
  id: string;
  status: "shown" | "too-few" | "withheld" | "comments";
  answered: Shown | null;
  cells: Shown[];
  /** Free text: how many comments (exact: they can be read and counted). */
  comments: number | null;
  /** By about-you question id: the groups shown (none when no group can be). */
  breakdowns: Record<string, ProtectedGroup[]>;
}

export interface ProtectedSurvey {
  responses: Shown;
  late: Shown | null;
  questions: ProtectedQuestion[];
}

// ---------------------------------------------------------------------------------------------------

type Display = Shown | { state: "never" } | { state: "exact"; count: number };

interface Variable {
  value: number;
  display: Display;
  /** A count of people (small ones are protected), or a slack of an inequality. */
  slack: boolean;
  /** The threshold its published number is compared with (minCell, or minAnswers or minGroup). */
  threshold: number;
  /** Whether its number decides whether something is shown (then even hidden it says p ≥ threshold). */
  gate: boolean;
  question: number | null;
}

class SurveySystem {
  readonly variables: Variable[] = [];
  readonly equations: Array<Array<[number, 1 | -1]>> = [];
  constructor(readonly rules: DisclosureRules) {}

  /** The published form of a count with its threshold (minCell, or a gate such as minAnswers). */
  publish(count: Count, threshold: number, gate: boolean): Shown {
    const { noise } = this.rules;
    const adjustment = count.n > 0 ? tableAdjustment(noise, count.key) : 0;
    const published = perturb(noise, count.n, count.key);
    // Whether a question or group is shown at all follows its published number, whatever else happens.
    if (gate && published < threshold) return { state: "fewer" };
    if (noise.maxAdjustment > 0 && Math.abs(adjustment) === noise.maxAdjustment) return { state: "hidden" };
    return published < threshold ? { state: "fewer" } : { state: "shown", count: published };
  }

  add(value: number, display: Display, question: number | null, threshold = 0, gate = false): number {
    this.variables.push({ value, display, slack: false, threshold, gate, question });
    return this.variables.length - 1;
  }

  /** sum(plus) - sum(minus) = 0 */
  equal(plus: number[], minus: number[]) {
    this.equations.push([...plus.map((v): [number, 1] => [v, 1]), ...minus.map((v): [number, -1] => [v, -1])]);
  }

  /** sum(small) ≤ sum(large), through a slack variable. */
  atMost(small: number[], large: number[]) {
    const value =
      large.reduce((sum, v) => sum + this.variables[v]!.value, 0) -
      small.reduce((sum, v) => sum + this.variables[v]!.value, 0);
    this.variables.push({ value, display: { state: "never" }, slack: true, threshold: 0, gate: false, question: null });
    this.equal([...small, this.variables.length - 1], large);
  }

  private interval(variable: Variable, ceiling: number): [number, number] {
    const { display } = variable;
    if (variable.slack) return [0, ceiling * 8];
    const M = this.rules.noise.maxAdjustment;
    switch (display.state) {
      case "shown":
        return trueCountRange(this.rules.noise, display.count);
      case "fewer":
        return [0, variable.threshold - 1 + M];
      case "exact":
        return [display.count, display.count];
      case "hidden":
        return [variable.gate ? Math.max(0, variable.threshold - M) : 0, ceiling];
      case "never":
        return [0, ceiling];
    }
  }

  /**
   * What an observer knows. No count exceeds the responses; bounding every unknown by the true number
   * of responses plus the noise is at least as much as any observer knows, so a count safe here is safe.
   */
  problem(): Problem {
    const ceiling = this.variables[0]!.value + this.rules.noise.maxAdjustment;
    const intervals = this.variables.map((variable) => this.interval(variable, ceiling));
    return { low: intervals.map(([low]) => low), high: intervals.map(([, high]) => high), equations: this.equations };
  }
}

/** Builds the system of everything one reader can see about a survey at once, and protects it. */
export function protectSurvey(counts: SurveyCounts, rules: DisclosureRules = DEFAULT_RULES): ProtectedSurvey {
  const system = new SurveySystem(rules);
  const publish = (count: Count, threshold: number, question: number | null, gate = false): number =>
    system.add(count.n, system.publish(count, threshold, gate), question, threshold, gate);
  const unseen = (value: number, question: number | null) => system.add(value, { state: "never" }, question);

  const responses = publish(counts.responses, rules.minCell, null);
  const late = counts.late ? publish(counts.late, rules.minCell, null) : null;
  if (late !== null) system.atMost([late], [responses]);

  interface Built {
    shown: boolean;
    answered: number;
    cells: number[];
    /** by about-you id: per group, its total and cells (seen or not). */
    breakdowns: Map<string, Array<{ shown: boolean; total: number; cells: number[] }>>;
  }
  const built: Built[] = counts.questions.map((question, index) => {
    if (question.answers === "text") {
      const answered = system.add(question.answered.n, { state: "exact", count: question.answered.n }, index);
      system.atMost([answered], [responses]);
      return { shown: false, answered, cells: [], breakdowns: new Map() };
    }
    const answered = publish(question.answered, rules.minAnswers, index, true);
    const shown = system.variables[answered]!.display.state !== "fewer";
    const cells = question.cells.map((cell) =>
      shown ? publish(cell, rules.minCell, index) : unseen(cell.n, index),
    );
    rowRules(system, question.answers, cells, answered);
    system.atMost([answered], [responses]);
    return { shown, answered, cells, breakdowns: new Map() };
  });

  const byId = new Map(counts.questions.map((question, index) => [question.id, index]));
  for (const breakdown of counts.breakdowns) {
    const groupsQuestion = built[byId.get(breakdown.by)!]!;
    for (const [questionId, groups] of breakdown.questions) {
      const index = byId.get(questionId)!;
      const question = counts.questions[index]!;
      const whole = built[index]!;
      const answers = question.answers;
      if (answers === "text") continue;
      const rows = groups.map((group, g) => {
        const total = whole.shown
          ? publish(group.answered, rules.minGroup, index, true)
          : unseen(group.answered.n, index);
        const shown = whole.shown && system.variables[total]!.display.state !== "fewer";
        const cells = group.cells.map((cell) => (shown ? publish(cell, rules.minCell, index) : unseen(cell.n, index)));
        rowRules(system, answers, cells, total);
        // A group's people are at most those who gave that about-you answer.
        system.atMost([total], [groupsQuestion.cells[g]!]);
        return { shown, total, cells };
      });
      // Those who answered this question but not the about-you one: never shown, found by subtraction.
      const rest = {
        total: unseen(question.answered.n - groups.reduce((sum, group) => sum + group.answered.n, 0), index),
        cells: question.cells.map((cell, column) =>
          unseen(cell.n - groups.reduce((sum, group) => sum + group.cells[column]!.n, 0), index),
        ),
      };
      rowRules(system, answers, rest.cells, rest.total);
      system.equal([whole.answered], [...rows.map((row) => row.total), rest.total]);
      whole.cells.forEach((cell, column) =>
        system.equal([cell], [...rows.map((row) => row.cells[column]!), rest.cells[column]!]),
      );
      whole.breakdowns.set(breakdown.by, rows);
    }
  }

  const withheld = secondarySuppression(system);

  const shownOf = (variable: number): Shown => {
    const { display } = system.variables[variable]!;
    if (display.state === "shown" || display.state === "fewer" || display.state === "hidden") return display;
    return { state: "hidden" };
  };
  return {
    responses: shownOf(responses),
    late: late === null ? null : shownOf(late),
    questions: counts.questions.map((question, index): ProtectedQuestion => {
      const entry = built[index]!;
      const base = { id: question.id, cells: [] as Shown[], comments: null, breakdowns: {} };
      if (question.answers === "text") return { ...base, status: "comments", answered: null, comments: question.answered.n };
      if (!entry.shown) return { ...base, status: "too-few", answered: null };
      if (withheld.has(index)) return { ...base, status: "withheld", answered: shownOf(entry.answered) };
      const breakdowns: Record<string, ProtectedGroup[]> = {};
      for (const [by, rows] of entry.breakdowns) {
        breakdowns[by] = rows.flatMap((row, group) =>
          row.shown ? [{ group, total: shownOf(row.total), cells: row.cells.map(shownOf) }] : [],
        );
      }
      return { ...base, status: "shown", answered: shownOf(entry.answered), cells: entry.cells.map(shownOf), breakdowns };
    }),
  };
}

/** Single answers add up to those who answered; "choose any": each at most, all together at least. */
function rowRules(system: SurveySystem, answers: "one" | "any", cells: number[], total: number) {
  if (answers === "one") {
    system.equal(cells, [total]);
    return;
  }
  for (const cell of cells) system.atMost([cell], [total]);
  system.atMost([total], cells);
}

/**
 * Hides published counts until no true count from 1 to minCell - 1 can be pinned by an exact solver fed
 * everything shown. Returns the questions withheld entirely (when nothing nearer could protect).
 */
function secondarySuppression(system: SurveySystem): Set<number> {
  const { minCell } = system.rules;
  const withheld = new Set<number>();
  const truth = system.variables.map((variable) => variable.value);
  const atRisk = system.variables.flatMap((variable, index) =>
    !variable.slack && variable.value > 0 && variable.value < minCell && variable.display.state !== "exact"
      ? [index]
      : [],
  );
  // Hiding only ever widens what an observer allows, so a count found safe stays safe.
  let solver = new Solver(system.problem());
  for (const variable of atRisk) {
    for (;; solver = new Solver(system.problem())) {
      if (solver.pinned(variable, truth[variable]!, truth) === false) break;
      const hide = nearestShown(system, variable);
      if (hide !== null) {
        system.variables[hide]!.display = { state: "hidden" };
        continue;
      }
      const question = system.variables[variable]!.question;
      // Nothing shown is connected to it any more: withhold its whole question, then anything else shown.
      if (question !== null) withheld.add(question);
      const shown = (candidate: Variable) => candidate.display.state === "shown";
      const inQuestion = system.variables.flatMap((candidate, index) =>
        candidate.question === question && question !== null && shown(candidate) ? [index] : [],
      );
      const rest = inQuestion.length
        ? inQuestion
        : system.variables.flatMap((candidate, index) => (shown(candidate) ? [index] : []));
      if (rest.length === 0) break;
      for (const index of rest) system.variables[index]!.display = { state: "hidden" };
    }
  }
  return withheld;
}

/** The published number nearest to a variable through shared equations (the smallest count among equals). */
function nearestShown(system: SurveySystem, start: number): number | null {
  const equationsOf = system.variables.map((): number[] => []);
  system.equations.forEach((terms, equation) => terms.forEach(([variable]) => equationsOf[variable]!.push(equation)));
  const seen = new Set([start]);
  let frontier = [start];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const variable of frontier)
      for (const equation of equationsOf[variable]!)
        for (const [other] of system.equations[equation]!)
          if (!seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
    const shown = next.filter((variable) => system.variables[variable]!.display.state === "shown");
    if (shown.length > 0)
      return shown.reduce((best, variable) =>
        system.variables[variable]!.value < system.variables[best]!.value ? variable : best,
      );
    frontier = next;
  }
  return null;
}
