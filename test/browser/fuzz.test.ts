import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { portal } from "../support/cli";
import { createTestDatabase } from "../support/databases";
import { futureDay1 } from "../support/inspections";
import { addressOf, appRoutes, type AppRoute } from "../support/routes";
import { sessionMaker } from "../support/sessions";

/**
 * Property-based fuzzing of the running app over HTTP (so through the edge checks as in production):
 * every route found in app/routes (so a new route is fuzzed without anyone adding it here) is fetched
 * with hostile parameters and query strings, and every action is sent random and hostile forms in every
 * encoding, signed out and signed in as each role. Whatever arrives, the app must answer without a
 * 500, without a stack trace, and a refused POST must leave the database exactly as it was.
 *
 * The fuzzing has an app and a database of its own: "the database exactly as it was" can only be
 * checked where no other test file is writing at the same time.
 *
 * Runs per route and role are FUZZ_RUNS (default 4 for pages, 6 for forms), so the whole file stays
 * well under a minute here; raise it to search harder (FUZZ_RUNS=200 npm test -- fuzz).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 0);
const PAGE_RUNS = RUNS || 4;
const FORM_RUNS = RUNS || 6;

type Role = "signedOut" | "admin" | "inspector" | "lano" | "pcf";
const ROLES: Role[] = ["signedOut", "admin", "inspector", "lano", "pcf"];

let sql: postgres.Sql;
let baseURL: string;
let app: RunningApp;
const dataDir = mkdtempSync(path.join(tmpdir(), "portal-fuzz-"));
const sessions = {} as Record<Role, { cookie?: string; csrf?: string; userId?: string }>;
let newSession: (userId: string) => Promise<{ cookie: string; csrf: string }>;
let slug: string;
let questionId: string;
let commentId: string;
let snapshotQuery: string;

const HOSTILE = [
  "\u0000",
  "%00",
  "\u0007bell",
  "\r\nLocation: //evil.example",
  "%E0%A4%A",
  "%",
  "%FF%FE",
  "1e309",
  "-1",
  "0",
  "1.5",
  "NaN",
  "9223372036854775808",
  "99999999999999999999999",
  "../../etc/passwd",
  "/.//evil.example",
  "//evil.example",
  "https://evil.example",
  "<script>alert(1)</script>",
  "'; drop table responses; --",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 اردو ✓",
  "\uFFFF\uFFFE",
  " ",
  "",
  "a".repeat(3_000),
  "[]",
  "{}",
  "true",
];

/** Values worth trying anywhere: hostile ones, random text, random numbers, and now and then a sane one. */
const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
);

/** Percent-encodes for a path segment or query, except where the value is itself a raw escape to try. */
const inAddress = (value: string) => (/^%[0-9A-F%]/i.test(value) ? value : encodeURIComponent(value));

beforeAll(async () => {
  const env = { DATABASE_URL: await createTestDatabase(inject("pgAdminUrl")), DATA_DIR: dataDir };
  app = await startApp({ ...env, SEED_DEMO: "true", WEB_CONCURRENCY: "1" });
  baseURL = app.url;
  sql = postgres(env.DATABASE_URL, { max: 2, onnotice: () => {} });
  slug = `fuzz-${randomBytes(3).toString("hex")}`;
  portal(
    ["create-inspection", "--area", "Fuzzshire", "--kind", "revisit", "--day1", futureDay1(), "--slug", slug],
    env,
  );
  const [inspection] = await sql<{ id: string }[]>`select id from inspections where slug = ${slug}`;
  const [question] = await sql<{ id: string }[]>`
    select q.id from questions q join surveys s on s.id = q.survey_id
    where s.inspection_id = ${inspection!.id} and s.audience = 'parents' order by q.position limit 1`;
  questionId = question!.id;

  // Sessions made as the app makes them: a random id in a cookie signed with the app's secret.
  newSession = sessionMaker(sql, dataDir);
  const roles: Record<Exclude<Role, "signedOut">, [global: string | null, onInspection: string | null]> = {
    admin: ["admin", null],
    inspector: [null, "inspector"],
    lano: [null, "lano"],
    pcf: [null, "pcf"],
  };
  sessions.signedOut = {};
  for (const [role, [global, local]] of Object.entries(roles) as Array<[Role, [string | null, string | null]]>) {
    const [user] = await sql<{ id: string }[]>`
      insert into staff_users (email) values (${`fuzz.${role}.${slug}@example.org`}) returning id`;
    if (global) await sql`insert into staff_roles (user_id, role) values (${user!.id}, ${global})`;
    if (local)
      await sql`insert into staff_roles (user_id, inspection_id, role) values (${user!.id}, ${inspection!.id}, ${local})`;
    sessions[role] = { ...(await newSession(user!.id)), userId: user!.id };
  }
  const [comment] = await sql<{ id: string }[]>`
    insert into review_comments (question_id, body) values (${questionId}, 'A comment to resolve') returning id`;
  commentId = comment!.id;

  // What "the database as it was" means: every table's rows, except counters that change on any request
  // by design (rate limits, a session's last use, the audit log of views, the mail worker's progress).
  // A table's row count and newest row version (xmin) change with any insert, update or delete, and are
  // far cheaper to read before and after every request than a hash of every row.
  const tables = (
    await sql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' order by 1`
  ).map((row) => row.name);
  const countOnly = new Set(["staff_sessions", "outbox"]);
  const skip = new Set(["rate_limits", "audit_log", "schema_migrations"]);
  snapshotQuery = tables
    .filter((table) => !skip.has(table))
    .map((table) =>
      countOnly.has(table)
        ? `select '${table}' as t, count(*)::text as v from ${table}`
        : `select '${table}' as t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as v from ${table}`,
    )
    .join(" union all ");
}, 120_000);

afterAll(async () => {
  await sql?.end();
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const snapshot = async () =>
  Object.fromEntries((await sql.unsafe<{ t: string; v: string }[]>(snapshotQuery)).map((row) => [row.t, row.v]));

/** A sane value for a parameter the app knows, so that a fuzzed request gets past the first check. */
function saneParam(param: string, route: AppRoute): string {
  const isPublic = route.segments[0] === "s";
  switch (param) {
    case "slug":
      return isPublic ? "demo" : slug;
    case "audience":
      return "parents";
    case "number":
      return "1";
    case "questionId":
      return questionId;
    case "language":
    case "lng":
      return "pl";
    case "ns":
      return "common";
    default:
      return randomBytes(8).toString("hex");
  }
}

const paramValue = (param: string, route: AppRoute) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(saneParam(param, route)) }, { weight: 3, arbitrary: hostileText });

const QUERY_NAMES = [
  "page",
  "before",
  "question",
  "focus",
  "order",
  "survey",
  "src",
  "return",
  "kind",
  "next",
  "back",
  "lng",
  "v",
  "by",
  "sent",
  "invited",
];

function expectAnswered(response: { status: number; body: string }, what: string) {
  expect(response.status, `${what} answered ${response.status}:\n${response.body.slice(0, 400)}`).toBeLessThan(500);
  // A stack trace or a server path must never reach anyone.
  expect(response.body, what).not.toMatch(/\n\s+at [^\n]+:\d+:\d+|node_modules|file:\/\/\//);
}

async function send(address: string, init: RequestInit & { role: Role; cookie?: string }) {
  const { role, cookie, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (cookie ?? sessions[role].cookie) headers.set("Cookie", (cookie ?? sessions[role].cookie)!);
  const response = await fetch(`${baseURL}${address}`, { ...rest, headers, redirect: "manual" });
  return { status: response.status, body: await response.text() };
}

const routes = appRoutes();

describe("every page, with hostile addresses", () => {
  test.each(routes.filter((route) => route.hasLoader).map((route) => [route.id, route] as const))(
    "%s never answers 500",
    async (_id, route) => {
      await sql`delete from rate_limits`;
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            Object.fromEntries(
              route.params
                .concat(route.segments.includes("*") ? ["*"] : [])
                .map((param) => [param, paramValue(param, route)]),
            ),
          ),
          fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES, ...route.fieldNames), hostileText), { maxLength: 4 }),
          fc.constantFrom(...ROLES),
          async (params, query, role) => {
            const search = query.map(([name, value]) => `${name}=${inAddress(value)}`).join("&");
            const address =
              addressOf(route, (param) => inAddress((params as Record<string, string>)[param] ?? "x")) +
              (search ? `?${search}` : "");
            expectAnswered(await send(address, { role }), `GET ${address} as ${role}`);
            return true;
          },
        ),
        { numRuns: PAGE_RUNS * ROLES.length },
      );
    },
  );
});

type Encoding = "urlencoded" | "multipart" | "json" | "text" | "none" | "broken-multipart";

describe("every form, with random and hostile values in every encoding", () => {
  const vocabulary = [
    ...new Set(
      routes
        .flatMap((route) => route.fieldNames)
        .concat([
          "csrf",
          "website",
          "answer",
          "src",
          "intent",
          "email",
          "name",
          "phone",
          "note",
          "agree",
          "questionId",
          "commentId",
          "userId",
          "role",
          "kind",
          "text",
          "hint",
          "options",
          "options[0]",
          "options[9999999]",
          "focusArea",
          "characterLimit",
          "faces",
          "body",
          "phrase",
          "reason",
          "opensTime",
          "closesTime",
          "day1",
          "localAreaName",
          "slug",
          "next",
          "contact",
        ]),
    ),
  ];
  const intents = [...new Set(routes.flatMap((route) => route.values))];

  test.each(routes.filter((route) => route.hasAction).map((route) => [route.id, route] as const))(
    "%s never answers 500 and never stores part of a refused form",
    async (_id, route) => {
      const signOut = route.id.includes("sign-out");
      await fc.assert(
        fc.asyncProperty(
          fc.record(Object.fromEntries(route.params.map((param) => [param, paramValue(param, route)]))),
          fc.array(fc.tuple(fc.constantFrom(...route.fieldNames, ...vocabulary), hostileText), { maxLength: 8 }),
          fc.constantFrom(...intents, "x"),
          fc.constantFrom(...ROLES),
          fc.constantFrom<Encoding>(
            "urlencoded",
            "urlencoded",
            "urlencoded",
            "multipart",
            "json",
            "text",
            "none",
            "broken-multipart",
          ),
          fc.constantFrom("same", "same", "none", "null", "null-cross-site", "garbage", "other"),
          async (params, fields, intent, role, encoding, origin) => {
            await sql`delete from rate_limits`;
            // Signing out would end the role's session for the rest of the run: a spare one signs out.
            const session =
              signOut && sessions[role].userId ? await newSession(sessions[role].userId!) : sessions[role];
            const form = new URLSearchParams();
            // The right anti-forgery token most of the time: otherwise every staff form stops at the 403.
            if (session.csrf && fields.length % 3 !== 2) form.append("csrf", session.csrf);
            form.append("intent", intent);
            for (const [name, value] of fields) form.append(name, value);
            const address = addressOf(route, (param) => inAddress((params as Record<string, string>)[param] ?? "x"));
            const headers: Record<string, string> = {};
            if (origin !== "none") {
              headers.Origin = {
                same: new URL(baseURL).origin,
                null: "null",
                "null-cross-site": "null",
                garbage: "::not a url::",
                other: "https://evil.example",
              }[origin]!;
              if (origin === "null-cross-site") headers["Sec-Fetch-Site"] = "cross-site";
              // A forwarded host no proxy of ours sent.
              if (fields.length % 4 === 1) headers["X-Forwarded-Host"] = "evil.example";
            }
            let body: BodyInit;
            if (encoding === "urlencoded") {
              headers["Content-Type"] = "application/x-www-form-urlencoded";
              body = form.toString();
            } else if (encoding === "multipart") {
              const data = new FormData();
              for (const [name, value] of form) data.append(name, value);
              body = data;
            } else if (encoding === "json") {
              headers["Content-Type"] = "application/json";
              body = JSON.stringify(Object.fromEntries(form));
            } else if (encoding === "text") {
              headers["Content-Type"] = "text/plain";
              body = form.toString();
            } else if (encoding === "broken-multipart") {
              headers["Content-Type"] = "multipart/form-data; boundary=fuzz";
              body = `--fuzz\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${session.csrf ?? ""}\r\n--fu`;
            } else {
              body = new TextEncoder().encode(form.toString()); // no Content-Type at all
            }
            const before = await snapshot();
            const response = await send(address, { role, cookie: session.cookie, method: "POST", headers, body });
            const what = `POST ${address} as ${role} (${encoding}, origin ${origin}) ${JSON.stringify([...form]).slice(0, 300)}`;
            expectAnswered(response, what);
            if (response.status >= 400) expect(await snapshot(), `${what} changed the database`).toEqual(before);
            return true;
          },
        ),
        { numRuns: FORM_RUNS * ROLES.length },
      );
    },
  );
});

describe("staff pages are never cached and never leak their address", () => {
  const staffRoutes = routes.filter((route) => route.segments[0] === "staff");
  test.each(staffRoutes.map((route) => [route.id, route] as const))("%s", async (_id, route) => {
    const address = addressOf(route, (param) => saneParam(param, route));
    const responses = [];
    for (const role of ["signedOut", "admin"] as const) {
      const headers = new Headers(sessions[role].cookie ? { Cookie: sessions[role].cookie! } : {});
      if (route.hasLoader) responses.push(await fetch(`${baseURL}${address}`, { headers, redirect: "manual" }));
      // A form sent without its anti-forgery token is refused, and the refusal is not cached either.
      if (route.hasAction) {
        headers.set("Content-Type", "application/x-www-form-urlencoded");
        responses.push(
          await fetch(`${baseURL}${address}`, { method: "POST", headers, body: "x=1", redirect: "manual" }),
        );
      }
    }
    for (const response of responses) {
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get("Cache-Control"), `${address} ${response.status}`).toBe("no-store");
      expect(response.headers.get("Referrer-Policy"), `${address} ${response.status}`).toBe("no-referrer");
    }
    expect(responses.length).toBeGreaterThan(0);
  });
});

test("the fuzzing reached every route file", () => {
  const files = readdirSync(path.resolve("app/routes")).filter((file) => /\.(tsx?|jsx?)$/.test(file));
  expect(routes.map((route) => route.file).sort()).toEqual(files.sort());
  expect(routes.filter((route) => route.hasAction).length).toBeGreaterThan(10);
  expect(commentId).toMatch(/^\d+$/);
});
