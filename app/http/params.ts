/**
 * Small checks routes make on what arrives in an address or a form, so that input a route cannot use
 * is a clear 404 or 409, never a database error. Each is a one-line call in the route.
 */
const BIGINT_MAX = 9223372036854775807n;

const notFound = () => new Response("Not Found", { status: 404 });

/** True for the decimal form of a positive bigint id (what every table's id column holds). */
export function isId(value: unknown): value is string {
  return typeof value === "string" && /^[1-9]\d{0,18}$/.test(value) && BigInt(value) <= BIGINT_MAX;
}

/** An id from the path or a form field; anything else (letters, "1.5", past bigint) is a 404. */
export function idParam(value: FormDataEntryValue | string | null | undefined): string {
  if (!isId(value)) throw notFound();
  return value;
}

/** An optional id from a query string (`?before=`): absent is undefined, malformed is a 404. */
export function optionalId(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === "" ? undefined : idParam(value);
}

/** A page number from `?page=`: absent is 1; "0", "1.5", "1e309" or past 100,000 is a 404. */
export function pageParam(value: string | null | undefined): number {
  if (value === null || value === undefined || value === "") return 1;
  if (!/^[1-9]\d{0,4}$/.test(value)) throw notFound();
  return Number(value);
}
