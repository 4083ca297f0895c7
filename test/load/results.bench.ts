import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrate } from "../../db/migrate";
import { startApp } from "../support/app";
import { portal } from "../support/cli";
import { latestEmailTo, staffLinkIn } from "../support/outbox";
import { futureDay1 } from "../support/inspections";

/**
 * The inspectors' results page for a large survey: 100,000 responses to 20 questions (about two million
 * answers, seeded by PostgreSQL itself), read by a signed-in inspector over HTTP from the built app on
 * the embedded database. Prints the time to the full page, with and without a breakdown, against the
 * 1-second target. Run with `npm run bench:results`.
 */
const RESPONSES = 100_000;
const QUESTIONS = 20;
const TARGET_MS = 1_000;
const INSPECTOR = "bench.inspector@example.org";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  console.log("Building the app…");
  execFileSync("node_modules/.bin/remix", ["build"], {
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });

  const dir = mkdtempSync(path.join(tmpdir(), "portal-results-bench-"));
  chmodSync(dir, 0o755);
  const database = await startEmbeddedPostgres(path.join(dir, "pg"));
  const url = new URL(database.url);
  url.pathname = "/bench";
  const admin = postgres(database.url, { max: 1, onnotice: () => {} });
  await admin.unsafe("create database bench");
  await admin.end();
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await migrate(sql);
  const env = { DATABASE_URL: url.toString(), DATA_DIR: dir };
  portal(
    ["create-inspection", "--area", "Benchshire", "--kind", "revisit", "--day1", futureDay1(), "--slug", "bench"],
    env,
  );
  portal(["add-staff", "--email", INSPECTOR, "--role", "inspector", "--inspection", "bench"], env);
  const app = await startApp(env);

  try {
    const [survey] = await sql<{ id: string }[]>`
      select s.id from surveys s join inspections i on i.id = s.inspection_id where i.slug = 'bench' and s.audience = 'parents'`;
    // The default parent survey, topped up with scale questions to 20.
    await sql`
      insert into questions (survey_id, position, kind, text, focus_area)
      select ${survey!.id}, 100 + n, 'scale', jsonb_build_object('en-GB', 'Extra statement ' || n), 'Extra'
      from generate_series(1, ${QUESTIONS} - (select count(*)::int from questions where survey_id = ${survey!.id})) as n`;

    console.log(`Seeding ${RESPONSES.toLocaleString("en-GB")} responses to ${QUESTIONS} questions…`);
    let started = performance.now();
    await sql`
      insert into responses (survey_id, submitted_on, locale, late)
      select ${survey!.id}, current_date - (n % 5), 'en-GB', n % 97 = 0 from generate_series(1, ${RESPONSES}) as n`;
    // Each response answers every question, leaning towards the first choices.
    await sql`
      with choices as (
        select q.id, q.kind,
          case q.kind
            when 'scale' then array['strongly-agree', 'agree', 'neither', 'disagree', 'strongly-disagree', 'dont-know']
            else array(select option ->> 'value' from jsonb_array_elements(q.options) as option)
          end as vals
        from questions q where q.survey_id = ${survey!.id}
      )
      insert into answers (response_id, question_id, choice, text)
      select r.id, c.id,
        case when c.kind <> 'text' then c.vals[1 + floor(power(random(), 1.6) * array_length(c.vals, 1))::int] end,
        case when c.kind = 'text' then (array[
          'My son Tom waited too long for help; call 07700 900123.',
          'The keyworker at Oakfield Primary listened, and things got better after the annual review.',
          'Nobody answered my emails to the council for months, and the plan arrived late again.',
          'He is scared to go home some days and I do not know who to tell.'
        ])[1 + abs(hashtext(r.id::text)) % 4] end
      from responses r cross join choices c
      -- A comment on one in five responses (decided per response: random() here would be decided once).
      where r.survey_id = ${survey!.id} and (c.kind <> 'text' or abs(hashtext(r.id::text || c.id::text)) % 5 = 0)`;
    await sql`analyze responses`;
    await sql`analyze answers`;
    const [{ answers }] = await sql<[{ answers: number }]>`select count(*)::int as answers from answers`;
    console.log(
      `   ${answers.toLocaleString("en-GB")} answers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    // Sign in as the inspector, as a person would: the emailed link, then its button.
    const requested = Date.now() - 1_000;
    await fetch(`${app.url}/staff/sign-in?index`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.url },
      body: new URLSearchParams({ email: INSPECTOR }),
      redirect: "manual",
    });
    const link = staffLinkIn((await latestEmailTo(dir, INSPECTOR, { after: requested })).text);
    const signedIn = await fetch(link, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.url },
      body: new URLSearchParams({ next: "/staff" }),
      redirect: "manual",
    });
    const cookie = signedIn.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error("Could not sign in as the inspector.");

    const [ehc] = await sql<{ id: string }[]>`
      select id from questions where survey_id = ${survey!.id} and kind = 'about-you' order by position limit 1`;
    const time = async (page: string, marker = "result__table") => {
      const timings: number[] = [];
      let bytes = 0;
      for (let run = 0; run < 6; run += 1) {
        started = performance.now();
        const response = await fetch(`${app.url}${page}`, { headers: { Cookie: cookie } });
        const html = await response.text();
        if (response.status !== 200 || !html.includes(marker))
          throw new Error(
            `${page} answered ${response.status}: ${html.slice(html.indexOf("<main"), html.indexOf("<main") + 3000)}`,
          );
        timings.push(performance.now() - started);
        bytes = html.length;
      }
      // The first request warms the caches of a fresh process; the median of the rest is the figure.
      const ms = Math.round(median(timings.slice(1)));
      console.log(
        `   ${page.padEnd(62)} first ${Math.round(timings[0]!)} ms, median ${ms} ms, ${Math.round(bytes / 1024)} KB ${ms < TARGET_MS ? "✓" : "✗"}`,
      );
      return ms;
    };
    console.log(
      `\nResults page, signed in, ${RESPONSES.toLocaleString("en-GB")} responses (target < ${TARGET_MS} ms):`,
    );
    await time("/staff/inspections/bench/results");
    await time(`/staff/inspections/bench/results?survey=parents&by=${ehc!.id}`);
    await time("/staff/inspections/bench/results/comments", "comment__text");
  } finally {
    await sql.end();
    await app.stop();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
