import { sql } from "~/db.server";
import { RateLimiter } from "~/http/rate-limit.server";
import { composeEmail } from "~/mail/compose.server";
import { enqueueEmail } from "~/mail/outbox.server";
import { publicUrl } from "./secret.server";
import { randomToken, sha256 } from "./sessions.server";
import { findStaffIdByEmail, normaliseEmail } from "./staff.server";

export const LINK_LIFETIME_MINUTES = 15;

// Per address: stops a mailbox being flooded. Per client: stops one client trying many addresses.
const perAddress = new RateLimiter("sign-in-address", 5, 15 * 60_000);
const perClient = new RateLimiter("sign-in-client", 20, 15 * 60_000);

export type SignInRequestOutcome = "sent-if-known" | "too-many-from-client";

/**
 * Emails a single-use sign-in link if `email` belongs to a staff member. The caller shows the same page
 * whether or not it does, so the form cannot be used to find out who has an account.
 */
export async function requestSignInLink({
  email,
  locale,
  clientAddress,
  next,
}: {
  email: string;
  locale: string;
  clientAddress: string;
  /** Where to go after signing in (a path on this site). */
  next: string;
}): Promise<SignInRequestOutcome> {
  if (!(await perClient.allows(clientAddress))) return "too-many-from-client";
  const address = normaliseEmail(email);
  if (!(await perAddress.allows(address))) return "sent-if-known";
  const userId = await findStaffIdByEmail(address);
  if (!userId) return "sent-if-known";

  const token = randomToken();
  await sql.begin(async (tx) => {
    const [{ expiresAt }] = await tx<[{ expiresAt: Date }]>`
      insert into sign_in_tokens (token_hash, user_id, expires_at)
      values (${sha256(token)}, ${userId}, now() + make_interval(mins => ${LINK_LIFETIME_MINUTES}))
      returning expires_at`;
    await enqueueEmail(
      tx,
      composeEmail({
        to: address,
        locale,
        namespace: "staff",
        subject: "signInEmail.subject",
        paragraphs: ["signInEmail.body", "signInEmail.ignore"],
        link: {
          text: "signInEmail.link",
          url: `${publicUrl}/staff/sign-in/${token}${next === "/staff" ? "" : `?${new URLSearchParams({ next })}`}`,
        },
        values: { minutes: LINK_LIFETIME_MINUTES },
      }),
      { expiresAt },
    );
  });
  return "sent-if-known";
}

export async function signInTokenIsUsable(token: string): Promise<boolean> {
  const [row] = await sql`
    select 1 from sign_in_tokens where token_hash = ${sha256(token)} and used_at is null and expires_at > now()`;
  return Boolean(row);
}

/** Uses up the token; returns the staff member it signs in, or undefined if expired, used or unknown. */
export async function redeemSignInToken(token: string): Promise<string | undefined> {
  const [row] = await sql<{ userId: string }[]>`
    update sign_in_tokens set used_at = now()
    where token_hash = ${sha256(token)} and used_at is null and expires_at > now()
    returning user_id`;
  return row?.userId;
}
