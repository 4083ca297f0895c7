import type { MetaDescriptor } from "@remix-run/node";

type Matches = ReadonlyArray<{ id: string; data: unknown } | undefined>;

/** "Page – Service name", the GOV.UK title pattern; the service name comes from the root loader. */
export function pageTitle(matches: Matches, title: string | undefined): MetaDescriptor[] {
  const root = matches.find((match) => match?.id === "root")?.data as { serviceName?: string } | undefined;
  return [{ title: [title, root?.serviceName].filter(Boolean).join(" – ") }];
}

/** The title of the error page shown for `error` (a route's ErrorBoundary), from the root loader. */
export function errorPageTitle(matches: Matches, error: unknown): string | undefined {
  if (!error) return undefined;
  const root = matches.find((match) => match?.id === "root")?.data as
    | { errorTitles?: Record<string, string> }
    | undefined;
  const status = (error as { status?: unknown }).status;
  return root?.errorTitles?.[typeof status === "number" ? status : 500] ?? root?.errorTitles?.[500];
}
