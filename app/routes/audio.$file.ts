import type { LoaderFunctionArgs } from "@remix-run/node";
import { audioFile } from "~/easy-read/speech.server";
import { byteRange } from "~/easy-read/ranges";

/**
 * A screen's (or one line's) speech as a WAV file. The address names exactly what is said, so the file
 * never changes: browsers and caches may keep it for a year. Byte ranges are served because Safari on
 * iPhones and iPads plays audio only from servers that answer them.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const file = await audioFile(params.file ?? "");
  if (!file) throw new Response("Not Found", { status: 404 });
  const headers = {
    "Content-Type": "audio/wav",
    "Cache-Control": "public, max-age=31536000, immutable",
    "Accept-Ranges": "bytes",
    ETag: `"${params.file}"`,
  };
  const range = byteRange(request.headers.get("Range"), file.byteLength);
  if (range === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${file.byteLength}` } });
  }
  if (range) {
    const body = file.slice(range.start, range.end + 1);
    return new Response(body, {
      status: 206,
      headers: {
        ...headers,
        "Content-Range": `bytes ${range.start}-${range.end}/${file.byteLength}`,
        "Content-Length": String(body.byteLength),
      },
    });
  }
  return new Response(file.slice(), { headers: { ...headers, "Content-Length": String(file.byteLength) } });
}
