import { isIP } from "node:net";
import { z } from "zod";
import { DEFAULT_NOISE, parseNoiseTable } from "./results/perturbation";

/**
 * All configuration comes from the environment and is parsed here, once. An empty variable counts as
 * unset, so `SMTP_URL=` in a shell behaves like leaving it out.
 */
const blankIsUnset = (value: unknown) => (value === "" ? undefined : value);

const threshold = (fallback: number) =>
  z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ invalid_type_error: "must be a number" })
      .int("must be a whole number")
      .min(2, "must be at least 2")
      .max(100, "must be at most 100")
      .default(fallback),
  );

const days = (fallback: number) =>
  z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ invalid_type_error: "must be a number of days" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(3650, "must be at most 3650")
      .default(fallback),
  );

/** A hop count, "false", or IPv4/IPv6 addresses and CIDR ranges separated by commas. */
function isTrustProxy(value: string): boolean {
  if (value === "false" || /^\d{1,2}$/.test(value)) return true;
  return value.split(",").every((part) => {
    const [address, bits, ...rest] = part.trim().split("/");
    if (rest.length > 0 || !address || isIP(address) === 0) return false;
    if (bits === undefined) return true;
    return /^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128);
  });
}

const EnvSchema = z.object({
  NODE_ENV: z.preprocess(blankIsUnset, z.enum(["development", "production", "test"]).default("development")),
  DATABASE_URL: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// connection URL")
      .optional(),
  ),
  SMTP_URL: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  PUBLIC_URL: z.preprocess(
    blankIsUnset,
    z.string().url("must be a full URL such as https://send-views.example.org").optional(),
  ),
  SESSION_SECRET: z.preprocess(blankIsUnset, z.string().min(32, "must be at least 32 characters").optional()),
  PORT: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ invalid_type_error: "must be a port number" })
      .int("must be a whole number")
      .min(0, "must be between 0 and 65535")
      .max(65535, "must be between 0 and 65535")
      .default(3000),
  ),
  DATA_DIR: z.preprocess(blankIsUnset, z.string().default(".data")),
  // The demo inspection at /s/demo, with sample responses. Unset: only on the embedded database, so a
  // database given in DATABASE_URL is never filled with made-up data unless asked.
  SEED_DEMO: z.preprocess(
    blankIsUnset,
    z
      .enum(["true", "false"], { errorMap: () => ({ message: "must be true or false" }) })
      .optional()
      .transform((value) => (value === undefined ? undefined : value === "true")),
  ),
  // Worker processes serving requests; unset: one per CPU core.
  WEB_CONCURRENCY: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ invalid_type_error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .optional(),
  ),
  // Disclosure control of results: answers a question needs before it is shown, the smallest count shown
  // as a number, and the smallest group shown in a breakdown.
  RESULTS_MIN_ANSWERS: threshold(10),
  RESULTS_MIN_CELL: threshold(5),
  RESULTS_MIN_GROUP: threshold(10),
  // Open meetings: days a meeting's bookings are kept after it ends, and hours an offered place is held.
  MEETING_RETENTION_DAYS: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ invalid_type_error: "must be a number of days" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(365, "must be at most 365")
      .default(30),
  ),
  MEETING_OFFER_HOURS: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ invalid_type_error: "must be a number of hours" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(168, "must be at most 168")
      .default(24),
  ),
  // The cell-key perturbation table: key values per absolute adjustment 0, 1, 2, … (see perturbation.ts).
  RESULTS_NOISE: z.preprocess(
    blankIsUnset,
    z
      .string()
      .optional()
      .transform((value, context) => {
        if (value === undefined) return DEFAULT_NOISE;
        try {
          return parseNoiseTable(value);
        } catch (error) {
          context.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
          return z.NEVER;
        }
      }),
  ),
  // Behind a load balancer: how many proxies to trust for the client's address (rate limits only), or
  // the proxies' own addresses. Never "true": that would believe any client's X-Forwarded-For.
  TRUST_PROXY: z.preprocess(
    blankIsUnset,
    z
      .string()
      .default("false")
      .refine(isTrustProxy, "must be a number of proxies or a comma-separated list of their IP addresses")
      .transform((value): number | string[] | false =>
        value === "false" ? false : /^\d+$/.test(value) ? Number(value) : value.split(",").map((part) => part.trim()),
      ),
  ),
  // Prometheus metrics on a private port (unset: off), bound to METRICS_HOST (the loopback address unless set).
  METRICS_PORT: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ invalid_type_error: "must be a port number" })
      .int("must be a whole number")
      .min(1, "must be between 1 and 65535")
      .max(65535, "must be between 1 and 65535")
      .optional(),
  ),
  METRICS_HOST: z.preprocess(blankIsUnset, z.string().ip("must be an IP address").default("127.0.0.1")),
  // Log level for the JSON logs on standard output.
  LOG_LEVEL: z.preprocess(
    blankIsUnset,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  ),
  // Retention of personal data, in days (see README "Retention"): consent contact details and "happy
  // to talk" requests after the inspection ends, free-text answers after on-site day 1.
  CONSENT_CONTACT_RETENTION_DAYS: days(90),
  TALK_REQUEST_RETENTION_DAYS: days(30),
  RETENTION_FREE_TEXT_DAYS: days(90),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {}

/** Parses the environment; a bad variable throws a ConfigError whose message is one line naming it. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // Never echo the value: it may be a secret or a password inside a URL.
  throw new ConfigError(`Configuration error: ${issue.path.join(".")} ${issue.message}.`);
}

function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export const env = loadEnv();
