import { createHash } from "node:crypto";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { sql } from "~/db.server";
import { joinClips, SAMPLE_RATE, wavFile } from "./pcm.js";

/**
 * Every screen of the easy-read survey can be heard in its own language, including Urdu and Bengali,
 * which most devices cannot speak: the server makes the audio with eSpeak NG (WebAssembly) in a worker
 * thread, so no request waits on another's speech.
 *
 * A screen is a list of lines (the question, each answer's words…). Each line is a clip made once per
 * language and kept in `speech_clips`, shared by every screen and every process that says the same
 * words ("Very happy" is made once per language for all questions). A screen's audio is its clips one
 * after another, at an address made of their keys, so it never changes and browsers may keep it.
 */
const VOICES: Record<string, string> = { "en-GB": "en-gb", pl: "pl", ur: "ur", ar: "ar", bn: "bn", ro: "ro" };

/** Part of every key: a new voice or speed gives new clips rather than mixing old and new. */
const ENGINE = "espeak-ng 1.0.2, 140 wpm, 16 kHz";

/** At most this many lines in one screen's audio (a question with its answers needs about 11). */
export const MAX_CLIPS = 24;

const KEY = /^[0-9a-f]{20}$/;
const FILE = new RegExp(`^([0-9a-f]{20}(?:-[0-9a-f]{20}){0,${MAX_CLIPS - 1}})\\.wav$`);

export const clipKey = (language: string, text: string) =>
  createHash("sha256").update(`${ENGINE}\n${language}\n${text}`).digest("hex").slice(0, 20);

const tidy = (text: string) => text.replace(/\s+/g, " ").trim();

/* The worker thread: started when first needed, one clip at a time (each instance of the engine holds
 * its voices in memory, so they are not run side by side). */
type Job = { voice: string; text: string; resolve: (pcm: Int16Array) => void; reject: (error: Error) => void };
const waiting: Job[] = [];
let worker: Worker | null = null;
let running: (Job & { id: number }) | null = null;
let nextId = 1;

function startWorker(): Worker {
  // Resolved from the project root (as locales/ and db/migrations/ are): the server bundle cannot hold it.
  const started = new Worker(path.resolve("app/easy-read/speech.worker.js"));
  started.unref();
  started.on("message", (message: { id: number; pcm?: Int16Array; error?: string }) => {
    const job = running;
    if (!job || job.id !== message.id) return;
    running = null;
    if (message.pcm) job.resolve(message.pcm);
    else job.reject(new Error(message.error ?? "speech failed"));
    runNext();
  });
  const fail = (error: Error) => {
    worker = null;
    const job = running;
    running = null;
    job?.reject(error);
    runNext();
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`the speech worker stopped (${code})`)));
  return started;
}

function runNext() {
  if (running) return;
  const job = waiting.shift();
  if (!job) return;
  worker ??= startWorker();
  running = { ...job, id: nextId++ };
  worker.postMessage({ id: running.id, voice: job.voice, text: job.text });
}

function synthesise(language: string, text: string): Promise<Int16Array> {
  return new Promise((resolve, reject) => {
    waiting.push({ voice: VOICES[language] ?? "en-gb", text, resolve, reject });
    runNext();
  });
}

/* The clips: made once, by whichever process needs one first; several making one at once is harmless. */
const making = new Map<string, Promise<Buffer>>();

function makeClip(clip: { key: string; language: string; text: string }): Promise<Buffer> {
  const already = making.get(clip.key);
  if (already) return already;
  const made = (async () => {
    const samples = await synthesise(clip.language, clip.text);
    const pcm = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
    await sql`update speech_clips set pcm = ${pcm}, made_at = now() where key = ${clip.key} and pcm is null`;
    return pcm;
  })().finally(() => making.delete(clip.key));
  making.set(clip.key, made);
  return made;
}

/** Keys this process knows are in the table: no query for them. */
const stored = new Set<string>();
const remember = (key: string) => {
  if (stored.size > 50_000) stored.clear();
  stored.add(key);
};

/** A line to say: text in the screen's language, or text marked with the language it is in. */
export type SpokenLine = string | { text: string; lang?: string };

export interface ScreenAudio {
  /** The whole screen, line after line. */
  screen: string;
  /** Each line on its own, in the order given (for hearing one answer at a time); null for an empty line. */
  lines: Array<string | null>;
}

/**
 * The audio addresses for a screen's lines in a language. The lines are recorded, for speaking when
 * someone asks to listen (only the text the service shows: never anything a respondent wrote or chose).
 * Nothing is spoken until then: most people never press Listen, and lines shared by many screens (the
 * answers' words, "You can skip this question") are made once, so a new screen usually waits only for
 * its question.
 */
export async function speechFor(language: string, lines: Array<SpokenLine | null | undefined>): Promise<ScreenAudio> {
  // One clip per line given (null for an empty one), so callers find a line's audio by its place.
  const perLine = lines.map((line, index) => {
    const spoken = typeof line === "string" ? { text: line, lang: undefined } : line;
    const text = tidy(spoken?.text ?? "");
    // A line shown in English (an untranslated question) is said by the English voice.
    const lineLanguage = spoken?.lang === "en" ? "en-GB" : language;
    return text && index < MAX_CLIPS ? { key: clipKey(lineLanguage, text), language: lineLanguage, text } : null;
  });
  const clips = perLine.filter((clip) => clip !== null);
  const unknown = clips.filter((clip) => !stored.has(clip.key));
  if (unknown.length > 0) {
    await sql`
      insert into speech_clips (key, language, text)
      select * from unnest(${unknown.map((clip) => clip.key)}::text[], ${unknown.map((clip) => clip.language)}::text[],
                           ${unknown.map((clip) => clip.text)}::text[])
      on conflict (key) do nothing`;
    for (const clip of unknown) remember(clip.key);
  }
  return {
    screen: `/audio/${clips.map((clip) => clip.key).join("-")}.wav`,
    lines: perLine.map((clip) => (clip ? `/audio/${clip.key}.wav` : null)),
  };
}

/* Finished screens, kept in memory for repeat listeners (bounded; the clips stay in the database). */
const files = new Map<string, Uint8Array>();
let filesBytes = 0;
const FILES_LIMIT = 32 * 1024 * 1024;

function keepFile(name: string, file: Uint8Array) {
  if (file.byteLength > FILES_LIMIT / 4) return;
  files.set(name, file);
  filesBytes += file.byteLength;
  for (const [oldest, bytes] of files) {
    if (filesBytes <= FILES_LIMIT) break;
    files.delete(oldest);
    filesBytes -= bytes.byteLength;
  }
}

/**
 * The WAV file at an audio address: its clips from the table, any not yet spoken made now (in the worker
 * thread), joined with short pauses. Null when the address names a clip the service never recorded.
 */
export async function audioFile(name: string): Promise<Uint8Array | null> {
  const match = FILE.exec(name);
  if (!match) return null;
  const cached = files.get(name);
  if (cached) {
    files.delete(name); // most recently used last
    files.set(name, cached);
    return cached;
  }
  const keys = match[1]!.split("-").filter((key) => KEY.test(key));
  const rows = await sql<Array<{ key: string; language: string; text: string; pcm: Buffer | null }>>`
    select key, language, text, pcm from speech_clips where key = any(${[...new Set(keys)]}::text[])`;
  const byKey = new Map(rows.map((row) => [row.key, row]));
  if (keys.some((key) => !byKey.has(key))) return null;
  const pcm = await Promise.all(
    keys.map(async (key) => {
      const row = byKey.get(key)!;
      const bytes = row.pcm ?? (await makeClip(row));
      return new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    }),
  );
  const file = wavFile(joinClips(pcm), SAMPLE_RATE);
  keepFile(name, file);
  return file;
}
