import type { MetaDescriptor } from "@remix-run/node";

type Matches = ReadonlyArray<{ id: string; data: unknown } | undefined>;

/** "Page – Service name", the GOV.UK title pattern; the service name comes from the root loader. */
export function pageTitle(matches: Matches, title: string | undefined): MetaDescriptor[] {
  const root = matches.find((match) => match?.id === "root")?.data as { serviceName?: string } | undefined;
  return [{ title: [title, root?.serviceName].filter(Boolean).join(" – ") }];
}
