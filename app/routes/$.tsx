/**
 * Any address no other route matches. Throwing here, rather than letting Remix find no route, means the
 * root loader still runs, so the "Page not found" page is in the reader's language.
 */
export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
