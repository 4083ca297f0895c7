import { describe, expect, test } from "vitest";
import { getStaffSession } from "~/auth/sessions.server";
import { redeemSignInToken, requestSignInLink, signInTokenIsUsable } from "~/auth/sign-in.server";
import { sql } from "~/db.server";
import { signedInStaff } from "../support/staff";

const queued = () =>
  sql<
    { recipient: string; textBody: string }[]
  >`select recipient, text_body from outbox where status = 'pending' order by id`;
const linkIn = (text: string) => text.match(/\/staff\/sign-in\/([\w-]+)/)![1]!;

describe("sign-in links", () => {
  test("a known address gets a single-use link; an unknown one gets nothing, and the caller cannot tell", async () => {
    await signedInStaff("known@example.org", { global: ["admin"] });
    const known = await requestSignInLink({
      email: " Known@Example.org ",
      locale: "en-GB",
      clientAddress: "a",
      next: "/staff",
    });
    const unknown = await requestSignInLink({
      email: "nobody@example.org",
      locale: "en-GB",
      clientAddress: "a",
      next: "/staff",
    });
    expect(known).toBe(unknown);

    const messages = await queued();
    expect(messages.map((message) => message.recipient)).toEqual(["known@example.org"]);
    const token = linkIn(messages[0]!.textBody);

    // Only a hash is stored: the token itself is nowhere in the database.
    const [stored] =
      await sql`select count(*)::int as n from sign_in_tokens where encode(token_hash, 'escape') like ${`%${token}%`}`;
    expect(stored!.n).toBe(0);

    expect(await signInTokenIsUsable(token)).toBe(true);
    expect(await redeemSignInToken(token)).toBeDefined();
    expect(await redeemSignInToken(token)).toBeUndefined();
  });

  test("a link stops working after 15 minutes", async () => {
    await signedInStaff("late@example.org", { global: ["admin"] });
    await requestSignInLink({ email: "late@example.org", locale: "en-GB", clientAddress: "b", next: "/staff" });
    const [message] = await sql<{ textBody: string }[]>`
      select text_body from outbox where recipient = 'late@example.org'`;
    await sql`update sign_in_tokens set expires_at = now() - interval '1 second'`;
    expect(await redeemSignInToken(linkIn(message!.textBody))).toBeUndefined();
  });

  test("the link is in the requester's language and keeps where they were going", async () => {
    await signedInStaff("polski@example.org", { global: ["admin"] });
    await requestSignInLink({ email: "polski@example.org", locale: "pl", clientAddress: "c", next: "/staff/people" });
    const [message] = await sql<{ subject: string; textBody: string; htmlBody: string }[]>`
      select subject, text_body, html_body from outbox where recipient = 'polski@example.org'`;
    expect(message!.htmlBody).toContain('lang="pl"');
    expect(message!.textBody).toContain("?next=%2Fstaff%2Fpeople");
    expect(message!.subject).not.toBe("Your sign-in link");
  });

  test("requests are limited per address and per client", async () => {
    await signedInStaff("flooded@example.org", { global: ["admin"] });
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await requestSignInLink({
        email: "flooded@example.org",
        locale: "en-GB",
        clientAddress: `client-${attempt}`,
        next: "/staff",
      });
    }
    const [{ n }] = await sql<
      [{ n: number }]
    >`select count(*)::int as n from outbox where recipient = 'flooded@example.org'`;
    expect(n).toBe(5);

    const outcomes = [];
    for (let attempt = 0; attempt < 21; attempt += 1) {
      outcomes.push(
        await requestSignInLink({
          email: `guess${attempt}@example.org`,
          locale: "en-GB",
          clientAddress: "one-client",
          next: "/staff",
        }),
      );
    }
    expect(outcomes.slice(0, 20).every((outcome) => outcome === "sent-if-known")).toBe(true);
    expect(outcomes[20]).toBe("too-many-from-client");
  });
});

describe("sessions", () => {
  const requestWith = (cookie: string) => new Request("http://localhost/staff", { headers: { Cookie: cookie } });

  test("a session ends after 30 idle minutes", async () => {
    const { id, cookie } = await signedInStaff("idle@example.org", { global: ["admin"] });
    expect((await getStaffSession(requestWith(cookie)))?.user.email).toBe("idle@example.org");
    await sql`update staff_sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${id}`;
    expect(await getStaffSession(requestWith(cookie))).toBeNull();
  });

  test("use keeps a session alive, but never past 12 hours", async () => {
    const { id, cookie } = await signedInStaff("long@example.org", { global: ["admin"] });
    await sql`update staff_sessions set last_seen_at = now() - interval '29 minutes', created_at = now() - interval '11 hours' where user_id = ${id}`;
    expect(await getStaffSession(requestWith(cookie))).not.toBeNull();
    await sql`update staff_sessions set created_at = now() - interval '12 hours 1 minute' where user_id = ${id}`;
    expect(await getStaffSession(requestWith(cookie))).toBeNull();
  });

  test("a tampered cookie is no session", async () => {
    const { cookie } = await signedInStaff("tamper@example.org", { global: ["admin"] });
    expect(await getStaffSession(requestWith(cookie.replace(/.$/, (last) => (last === "A" ? "B" : "A"))))).toBeNull();
  });
});
