// autocannon ships no types; the benchmark uses only this much of it.
declare module "autocannon" {
  interface Result {
    requests: { average: number };
    latency: { p50: number; p97_5: number };
    errors: number;
    non2xx: number;
  }
  export default function autocannon(options: {
    url: string;
    connections: number;
    duration: number;
    headers?: Record<string, string>;
  }): Promise<Result>;
}
