import { existsSync } from "node:fs";

/** Where Chromium is, or a failure that says how to install it: browser tests never skip silently. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      "Chromium was not found, so the browser tests cannot run.\n" +
        "Install it with:  sudo apt-get install -y chromium fonts-noto-core\n" +
        "or point CHROME_PATH at a Chromium or Chrome executable.",
    );
  }
  return found;
}
