import { RateLimiter } from "./rate-limit.server";

/**
 * Limits on the public forms, per client address, generous on purpose: families at a school or
 * library share one address, and a limit must never stop a real parent taking part.
 */
export const answerLimit = new RateLimiter("answer", 600, 10 * 60_000);
export const submitLimit = new RateLimiter("submit", 60, 10 * 60_000);
export const contactLimit = new RateLimiter("contact", 20, 10 * 60_000);
/** Open meeting sign-ups and the buttons behind emailed links. */
export const meetingLimit = new RateLimiter("meeting", 60, 10 * 60_000);

export const tooManyRequests = () => new Response("Too Many Requests", { status: 429 });
