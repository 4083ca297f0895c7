import { beforeAll, describe, expect, test } from "vitest";
import type { Inspection } from "~/inspections/inspection";
import { createInspection } from "~/inspections/inspections.server";
import { NewInspection } from "~/inspections/schema";
import { findSurvey, questionsOf } from "~/surveys/authoring.server";
import * as staffLayout from "~/routes/staff";
import * as dashboard from "~/routes/staff._index";
import * as newInspection from "~/routes/staff.inspections.new";
import * as people from "~/routes/staff.people";
import * as overview from "~/routes/staff.inspections.$slug._index";
import * as surveyWindow from "~/routes/staff.inspections.$slug.window";
import * as team from "~/routes/staff.inspections.$slug.team";
import * as authoring from "~/routes/staff.inspections.$slug.surveys.$audience._index";
import * as newQuestion from "~/routes/staff.inspections.$slug.surveys.$audience.questions.new";
import * as editQuestion from "~/routes/staff.inspections.$slug.surveys.$audience.questions.$questionId._index";
import * as translations from "~/routes/staff.inspections.$slug.surveys.$audience.questions.$questionId.translations._index";
import * as translate from "~/routes/staff.inspections.$slug.surveys.$audience.questions.$questionId.translations.$language";
import * as review from "~/routes/staff.inspections.$slug.surveys.$audience.review";
import * as signOut from "~/routes/staff_.sign-out";
import * as audit from "~/routes/staff.audit";
import * as results from "~/routes/staff.inspections.$slug.results._index";
import * as resultsComments from "~/routes/staff.inspections.$slug.results.comments";
import * as resultsPrint from "~/routes/staff.inspections.$slug.results.print";
import * as resultsCsv from "~/routes/staff.inspections.$slug.results[.csv]";
import * as resultsJson from "~/routes/staff.inspections.$slug.results[.json]";
import * as safeguarding from "~/routes/staff.inspections.$slug.safeguarding";
import * as settingNames from "~/routes/staff.inspections.$slug.setting-names";
import * as promote from "~/routes/staff.inspections.$slug.promote._index";
import * as promoteChannel from "~/routes/staff.inspections.$slug.promote.$code._index";
import * as poster from "~/routes/staff.inspections.$slug.promote.$code.poster.$language";
import * as qrSvg from "~/routes/staff.inspections.$slug.promote.$code.qr[.svg]";
import * as qrPng from "~/routes/staff.inspections.$slug.promote.$code.qr[.png]";
import * as reach from "~/routes/staff.inspections.$slug.reach";
import * as meetings from "~/routes/staff.inspections.$slug.meetings._index";
import * as newMeeting from "~/routes/staff.inspections.$slug.meetings.new";
import * as meetingPage from "~/routes/staff.inspections.$slug.meetings.$meetingId._index";
import * as meetingCsv from "~/routes/staff.inspections.$slug.meetings.$meetingId.attendees[.csv]";
import * as editMeeting from "~/routes/staff.inspections.$slug.meetings.$meetingId.edit";
import * as messageMeeting from "~/routes/staff.inspections.$slug.meetings.$meetingId.message";
import * as cancelMeeting from "~/routes/staff.inspections.$slug.meetings.$meetingId.cancel";
import { createMeeting } from "~/meetings/meetings.server";
import { signedInStaff } from "../support/staff";
import { futureDay1 } from "../support/inspections";
import * as consentBoard from "~/routes/staff.inspections.$slug.consent._index";
import * as consentNewCase from "~/routes/staff.inspections.$slug.consent.new";
import * as consentCase from "~/routes/staff.inspections.$slug.consent.$caseId._index";
import * as consentRequest from "~/routes/staff.inspections.$slug.consent.$caseId.request";
import * as consentRecord from "~/routes/staff.inspections.$slug.consent.$caseId.record";
import * as talkRequests from "~/routes/staff.inspections.$slug.talk-requests";
import { addCase } from "~/consent/cases.server";

/**
 * Every staff route, loader and action, for every kind of visitor. "ok" means the permission check let the
 * request through (whatever the page then did with an empty form); "403" and "sign-in" mean it did not.
 */
type Outcome = "ok" | "403" | "sign-in";
type Who = "signedOut" | "admin" | "creator" | "inspector" | "otherInspector" | "lano" | "pcf";
const WHO: Who[] = ["signedOut", "admin", "creator", "inspector", "otherInspector", "lano", "pcf"];

const o = "ok" as const;
const x = "403" as const;
const s = "sign-in" as const;
// prettier-ignore
const [ANY_STAFF, CREATORS, ADMINS, WHOLE_TEAM, INSPECTORS, REVIEWERS, AREA]: Outcome[][] = [
//  signedOut admin creator inspector otherInspector lano pcf
  [ s,        o,    o,      o,        o,             o,   o ], // any staff member
  [ s,        o,    o,      x,        x,             x,   x ], // those who may create inspections
  [ s,        o,    x,      x,        x,             x,   x ], // admins
  [ s,        o,    x,      o,        x,             o,   o ], // everyone on this inspection
  [ s,        o,    x,      o,        x,             x,   x ], // this inspection's inspectors
  [ s,        o,    x,      o,        x,             x,   o ], // reviewers of its questions
  [ s,        o,    x,      o,        x,             o,   x ], // inspectors and the local area
];

type RouteModule = { loader?: (args: any) => unknown; action?: (args: any) => unknown };
const SURVEY = "surveys/parents";
const ROUTES: Array<{
  name: string;
  module: RouteModule;
  path: (slug: string, question: string) => string;
  params: (slug: string, question: string) => Record<string, string>;
  loader?: Outcome[];
  action?: Outcome[];
}> = [
  { name: "staff layout", module: staffLayout, path: () => "/staff", params: () => ({}), loader: ANY_STAFF },
  { name: "dashboard", module: dashboard, path: () => "/staff", params: () => ({}), loader: ANY_STAFF },
  {
    name: "new inspection",
    module: newInspection,
    path: () => "/staff/inspections/new",
    params: () => ({}),
    loader: CREATORS,
    action: CREATORS,
  },
  { name: "people", module: people, path: () => "/staff/people", params: () => ({}), loader: ADMINS, action: ADMINS },
  {
    name: "overview",
    module: overview,
    path: (slug) => `/staff/inspections/${slug}`,
    params: (slug) => ({ slug }),
    loader: WHOLE_TEAM,
  },
  {
    name: "survey window",
    module: surveyWindow,
    path: (slug) => `/staff/inspections/${slug}/window`,
    params: (slug) => ({ slug }),
    loader: INSPECTORS,
    action: INSPECTORS,
  },
  {
    name: "team",
    module: team,
    path: (slug) => `/staff/inspections/${slug}/team`,
    params: (slug) => ({ slug }),
    loader: INSPECTORS,
    action: INSPECTORS,
  },
  {
    name: "authoring",
    module: authoring,
    path: (slug) => `/staff/inspections/${slug}/${SURVEY}`,
    params: (slug) => ({ slug, audience: "parents" }),
    loader: INSPECTORS,
    action: INSPECTORS,
  },
  {
    name: "new question",
    module: newQuestion,
    path: (slug) => `/staff/inspections/${slug}/${SURVEY}/questions/new?kind=text`,
    params: (slug) => ({ slug, audience: "parents" }),
    loader: INSPECTORS,
    action: INSPECTORS,
  },
  {
    name: "edit question",
    module: editQuestion,
    path: (slug, q) => `/staff/inspections/${slug}/${SURVEY}/questions/${q}`,
    params: (slug, q) => ({ slug, audience: "parents", questionId: q }),
    loader: INSPECTORS,
    action: INSPECTORS,
  },
  {
    name: "translations",
    module: translations,
    path: (slug, q) => `/staff/inspections/${slug}/${SURVEY}/questions/${q}/translations`,
    params: (slug, q) => ({ slug, audience: "parents", questionId: q }),
    loader: INSPECTORS,
  },
  {
    name: "translate",
    module: translate,
    path: (slug, q) => `/staff/inspections/${slug}/${SURVEY}/questions/${q}/translations/pl`,
    params: (slug, q) => ({ slug, audience: "parents", questionId: q, language: "pl" }),
    loader: INSPECTORS,
    action: INSPECTORS,
  },
  {
    name: "review",
    module: review,
    path: (slug) => `/staff/inspections/${slug}/${SURVEY}/review`,
    params: (slug) => ({ slug, audience: "parents" }),
    loader: REVIEWERS,
    action: REVIEWERS,
  },
  { name: "audit log", module: audit, path: () => "/staff/audit", params: () => ({}), loader: ADMINS },
  {
    name: "safeguarding contact",
    module: safeguarding,
    path: (slug) => `/staff/inspections/${slug}/safeguarding`,
    params: (slug) => ({ slug }),
    loader: INSPECTORS,
    action: INSPECTORS,
  },
  {
    name: "setting names",
    module: settingNames,
    path: (slug) => `/staff/inspections/${slug}/setting-names`,
    params: (slug) => ({ slug }),
    loader: AREA,
    action: AREA,
  },
  {
    name: "results",
    module: results,
    path: (slug) => `/staff/inspections/${slug}/results`,
    params: (slug) => ({ slug }),
    loader: INSPECTORS,
  },
  {
    name: "results comments",
    module: resultsComments,
    path: (slug) => `/staff/inspections/${slug}/results/comments`,
    params: (slug) => ({ slug }),
    loader: INSPECTORS,
    action: INSPECTORS,
  },
  {
    name: "printable results",
    module: resultsPrint,
    path: (slug) => `/staff/inspections/${slug}/results/print`,
    params: (slug) => ({ slug }),
    loader: INSPECTORS,
  },
  {
    name: "results CSV",
    module: resultsCsv,
    path: (slug) => `/staff/inspections/${slug}/results.csv`,
    params: (slug) => ({ slug }),
    loader: INSPECTORS,
  },
  {
    name: "results JSON",
    module: resultsJson,
    path: (slug) => `/staff/inspections/${slug}/results.json`,
    params: (slug) => ({ slug }),
    loader: INSPECTORS,
  },
  // Promotion: the whole team (the forum included) may use the kit and see reach; results stay above.
  {
    name: "promotion kit",
    module: promote,
    path: (slug) => `/staff/inspections/${slug}/promote`,
    params: (slug) => ({ slug }),
    loader: WHOLE_TEAM,
    action: WHOLE_TEAM,
  },
  {
    name: "a channel's kit",
    module: promoteChannel,
    path: (slug) => `/staff/inspections/${slug}/promote/forum`,
    params: (slug) => ({ slug, code: "forum" }),
    loader: WHOLE_TEAM,
  },
  {
    name: "poster",
    module: poster,
    path: (slug) => `/staff/inspections/${slug}/promote/forum/poster/pl`,
    params: (slug) => ({ slug, code: "forum", language: "pl" }),
    loader: WHOLE_TEAM,
  },
  {
    name: "QR code (SVG)",
    module: qrSvg,
    path: (slug) => `/staff/inspections/${slug}/promote/forum/qr.svg`,
    params: (slug) => ({ slug, code: "forum" }),
    loader: WHOLE_TEAM,
  },
  {
    name: "QR code (PNG)",
    module: qrPng,
    path: (slug) => `/staff/inspections/${slug}/promote/forum/qr.png`,
    params: (slug) => ({ slug, code: "forum" }),
    loader: WHOLE_TEAM,
  },
  {
    name: "live reach",
    module: reach,
    path: (slug) => `/staff/inspections/${slug}/reach`,
    params: (slug) => ({ slug }),
    loader: WHOLE_TEAM,
    action: WHOLE_TEAM,
  },
  {
    name: "meetings",
    module: meetings,
    path: (slug) => `/staff/inspections/${slug}/meetings`,
    params: (slug) => ({ slug }),
    loader: AREA,
  },
  {
    name: "new meeting",
    module: newMeeting,
    path: (slug) => `/staff/inspections/${slug}/meetings/new`,
    params: (slug) => ({ slug }),
    loader: AREA,
    action: AREA,
  },
  {
    name: "meeting attendees",
    module: meetingPage,
    path: (slug) => `/staff/inspections/${slug}/meetings/${meetingId}`,
    params: (slug) => ({ slug, meetingId }),
    loader: AREA,
    action: AREA,
  },
  {
    name: "meeting attendees CSV",
    module: meetingCsv,
    path: (slug) => `/staff/inspections/${slug}/meetings/${meetingId}/attendees.csv`,
    params: (slug) => ({ slug, meetingId }),
    loader: AREA,
  },
  {
    name: "edit meeting",
    module: editMeeting,
    path: (slug) => `/staff/inspections/${slug}/meetings/${meetingId}/edit`,
    params: (slug) => ({ slug, meetingId }),
    loader: AREA,
    action: AREA,
  },
  {
    name: "message meeting",
    module: messageMeeting,
    path: (slug) => `/staff/inspections/${slug}/meetings/${meetingId}/message`,
    params: (slug) => ({ slug, meetingId }),
    loader: AREA,
    action: AREA,
  },
  // After the other meeting rows: the first permitted request cancels the meeting.
  {
    name: "cancel meeting",
    module: cancelMeeting,
    path: (slug) => `/staff/inspections/${slug}/meetings/${meetingId}/cancel`,
    params: (slug) => ({ slug, meetingId }),
    loader: AREA,
    action: AREA,
  },
  // Last: signing out ends the sessions the other rows use.
  {
    name: "consent board",
    module: consentBoard,
    path: (slug) => `/staff/inspections/${slug}/consent`,
    params: (slug) => ({ slug }),
    loader: AREA,
    action: INSPECTORS,
  },
  {
    name: "new tracked case",
    module: consentNewCase,
    path: (slug) => `/staff/inspections/${slug}/consent/new`,
    params: (slug) => ({ slug }),
    loader: AREA,
    action: AREA,
  },
  {
    name: "tracked case",
    module: consentCase,
    path: (slug) => `/staff/inspections/${slug}/consent/${caseId}`,
    params: (slug) => ({ slug, caseId }),
    loader: AREA,
  },
  {
    name: "consent request and letter",
    module: consentRequest,
    path: (slug) => `/staff/inspections/${slug}/consent/${caseId}/request`,
    params: (slug) => ({ slug, caseId }),
    loader: AREA,
    action: AREA,
  },
  {
    name: "decision recorded by staff",
    module: consentRecord,
    path: (slug) => `/staff/inspections/${slug}/consent/${caseId}/record`,
    params: (slug) => ({ slug, caseId }),
    loader: AREA,
    action: AREA,
  },
  {
    name: "happy-to-talk requests",
    module: talkRequests,
    path: (slug) => `/staff/inspections/${slug}/talk-requests`,
    params: (slug) => ({ slug }),
    loader: INSPECTORS,
  },
  // Last: signing out ends the sessions the rows above use.
  { name: "sign out", module: signOut, path: () => "/staff/sign-out", params: () => ({}), action: ANY_STAFF },
];

let inspection: Inspection;
let questionId: string;
let meetingId: string;
let caseId: string;
const visitors = {} as Record<Who, { cookie?: string; csrf?: string }>;

beforeAll(async () => {
  inspection = await createInspection(
    NewInspection.parse({ localAreaName: "Matrixshire", kind: "revisit", day1: futureDay1() }),
  );
  const other = await createInspection(
    NewInspection.parse({ localAreaName: "Elsewhere", kind: "full", day1: futureDay1(100) }),
  );
  questionId = (await questionsOf((await findSurvey(inspection.id, "parents"))!.id))[0]!.id;
  const day = new Date(Date.now() + 30 * 24 * 60 * 60_000).toISOString().slice(0, 10);
  meetingId = (
    await createMeeting(inspection.id, {
      title: "Matrix meeting",
      focus: "Everything",
      date: day,
      startTime: "16:00",
      endTime: "17:00",
      format: "online",
      venue: null,
      venueAccess: [],
      accessNotes: null,
      joiningInstructions: "A link",
      capacity: 10,
      closesDate: day,
      closesTime: "12:00",
    })
  ).id;
  caseId = await addCase(
    inspection.id,
    { reference: "MATRIX-1", decides: "parent", childFirstName: null, contacts: [] },
    (await signedInStaff("case.creator@example.org")).id,
  );
  visitors.signedOut = {};
  visitors.admin = await signedInStaff("admin@example.org", { global: ["admin"] });
  visitors.creator = await signedInStaff("creator@example.org", { global: ["inspector"] });
  visitors.inspector = await signedInStaff("inspector@example.org", { inspections: [[inspection.id, "inspector"]] });
  visitors.otherInspector = await signedInStaff("other@example.org", { inspections: [[other.id, "inspector"]] });
  visitors.lano = await signedInStaff("lano@example.org", { inspections: [[inspection.id, "lano"]] });
  visitors.pcf = await signedInStaff("pcf@example.org", { inspections: [[inspection.id, "pcf"]] });
});

async function outcome(run: () => unknown): Promise<{ outcome: Outcome; body: string }> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const body = await result.clone().text();
    if (result.status === 403) return { outcome: "403", body };
    if (result.headers.get("Location")?.startsWith("/staff/sign-in?next=")) return { outcome: "sign-in", body };
    return { outcome: "ok", body };
  }
  if (result instanceof Error) throw result;
  return { outcome: "ok", body: JSON.stringify(result) };
}

function request(path: string, who: Who, method: "GET" | "POST") {
  const { cookie, csrf } = visitors[who];
  const headers = new Headers(cookie ? { Cookie: cookie } : {});
  const body = method === "POST" ? new URLSearchParams({ csrf: csrf ?? "" }) : undefined;
  return new Request(`http://localhost${path}`, { method, headers, body });
}

const context = { cspNonce: "", clientAddress: "127.0.0.1" };

test("a state-changing form without the session's anti-forgery token is refused", async () => {
  const { cookie } = visitors.inspector;
  const forged = new Request(`http://localhost/staff/inspections/${inspection.slug}/window`, {
    method: "POST",
    headers: { Cookie: cookie! },
    body: new URLSearchParams({ csrf: "guessed", reason: "x" }),
  });
  const result = await outcome(() =>
    surveyWindow.action({ request: forged, params: { slug: inspection.slug }, context }),
  );
  expect(result.outcome).toBe("403");
});

test("a staff member of one inspection cannot tell whether another inspection exists", async () => {
  const lookup = (slug: string) =>
    outcome(() =>
      overview.loader({ request: request(`/staff/inspections/${slug}`, "lano", "GET"), params: { slug }, context }),
    );
  expect((await lookup("elsewhere")).outcome).toBe("403");
  expect((await lookup("no-such-place")).outcome).toBe("403");
});

describe.each(ROUTES)("$name", (route) => {
  for (const kind of ["loader", "action"] as const) {
    const expected = route[kind];
    if (!expected) continue;
    test.each(WHO.map((who, index) => [who, expected[index]!]))(`${kind}: %s gets %s`, async (who, want) => {
      const handler = route.module[kind]!;
      const result = await outcome(() =>
        handler({
          request: request(route.path(inspection.slug, questionId), who, kind === "loader" ? "GET" : "POST"),
          params: route.params(inspection.slug, questionId),
          context,
        }),
      );
      expect(result.outcome).toBe(want);
      // A refused request learns nothing about the inspection.
      if (want !== "ok") expect(result.body).not.toContain("Matrixshire");
    });
  }
});
