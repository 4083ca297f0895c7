import { describe, expect, test } from "vitest";
import { ConfigError, parseEnv } from "~/env.server";

describe("configuration", () => {
  test("nothing set: the embedded database, port 3000 and .data", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: ".data" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env).toMatchObject({ RESULTS_MIN_ANSWERS: 10, RESULTS_MIN_CELL: 5, RESULTS_MIN_GROUP: 10 });
  });

  test("the thresholds of disclosure control can be raised", () => {
    expect(parseEnv({ RESULTS_MIN_CELL: "10", RESULTS_MIN_GROUP: "20" })).toMatchObject({
      RESULTS_MIN_CELL: 10,
      RESULTS_MIN_GROUP: 20,
    });
  });

  test("the perturbation table has a default and can be replaced; a bad one stops the app", () => {
    expect(parseEnv({}).RESULTS_NOISE.maxAdjustment).toBe(8);
    expect(parseEnv({ RESULTS_NOISE: "10,3" }).RESULTS_NOISE).toMatchObject({ keyRange: 16, maxAdjustment: 1 });
    expect(() => parseEnv({ RESULTS_NOISE: "10,4" })).toThrow(/^Configuration error: RESULTS_NOISE must add up/);
    expect(() => parseEnv({ RESULTS_NOISE: "ten" })).toThrow(/^Configuration error: RESULTS_NOISE must be whole numbers/);
  });

  test("an empty variable counts as unset", () => {
    const env = parseEnv({ SMTP_URL: "", PORT: "" });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  test.each([
    [{ PORT: "abc" }, /^Configuration error: PORT must be a port number\.$/],
    [{ PORT: "70000" }, /^Configuration error: PORT must be between 0 and 65535\.$/],
    [
      { DATABASE_URL: "mysql://db/portal" },
      /^Configuration error: DATABASE_URL must be a postgres:\/\/ connection URL\.$/,
    ],
    [{ SMTP_URL: "mail.example.org" }, /^Configuration error: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL\.$/],
    [{ SESSION_SECRET: "short" }, /^Configuration error: SESSION_SECRET must be at least 32 characters\.$/],
    [{ RESULTS_MIN_CELL: "1" }, /^Configuration error: RESULTS_MIN_CELL must be at least 2\.$/],
    [{ PUBLIC_URL: "send-views" }, /^Configuration error: PUBLIC_URL must be a full URL/],
  ])("%o is refused with a one-line message naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(message);
  });

  test("TRUST_PROXY is a number of proxies or their addresses, never 'trust everyone'", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.1, 10.0.1.0/24,::1" }).TRUST_PROXY).toEqual([
      "10.0.0.1",
      "10.0.1.0/24",
      "::1",
    ]);
    for (const value of ["true", "yes", "loopback", "10.0.0.1/33", "10.0.0.1,evil", "999"]) {
      expect(() => parseEnv({ TRUST_PROXY: value })).toThrow(
        /^Configuration error: TRUST_PROXY must be a number of proxies or a comma-separated list of their IP addresses\.$/,
      );
    }
  });

  test("metrics are off unless METRICS_PORT is set, and then private to this machine by default", () => {
    expect(parseEnv({}).METRICS_PORT).toBeUndefined();
    expect(parseEnv({ METRICS_PORT: "9464" })).toMatchObject({ METRICS_PORT: 9464, METRICS_HOST: "127.0.0.1" });
  });

  test("the message never repeats the value, which may hold a password", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://admin:hunter2@db/portal" })).not.toThrow(/hunter2/);
  });
});
