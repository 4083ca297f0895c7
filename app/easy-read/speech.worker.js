// @ts-check
/**
 * The speech engine, in a worker thread so that making audio never holds up a request: eSpeak NG
 * compiled to WebAssembly (the `espeak-ng` package, GPL-3.0-or-later; see the README's decisions).
 * Node runs this file as it is (the server bundle cannot hold a worker), so it is plain JavaScript.
 * Each message is { id, voice, text }; the answer is { id, pcm } (16 kHz mono samples) or { id, error }.
 */
import { parentPort } from "node:worker_threads";
import ESpeakNg from "espeak-ng";
import { parseWav, resample, SAMPLE_RATE } from "./pcm.js";

/** Slower than eSpeak's 175 words a minute, for listeners who are new to the words, and a short gap. */
const WORDS_PER_MINUTE = "140";
const WORD_GAP = "2"; // in units of 10 ms

/**
 * @param {string} voice
 * @param {string} text
 */
async function speak(voice, text) {
  // The text goes in a file, not on the command line, so nothing in it can be read as an option.
  const espeak = await ESpeakNg({
    arguments: ["-w", "/out.wav", "-v", voice, "-s", WORDS_PER_MINUTE, "-g", WORD_GAP, "-f", "/in.txt"],
    preRun: [(/** @type {any} */ module) => module.FS.writeFile("/in.txt", text)],
    print: () => {},
    printErr: () => {},
  });
  const wav = parseWav(espeak.FS.readFile("/out.wav"));
  return resample(wav.samples, wav.sampleRate, SAMPLE_RATE);
}

parentPort?.on("message", async (/** @type {{ id: number, voice: string, text: string }} */ { id, voice, text }) => {
  try {
    const pcm = await speak(voice, text);
    parentPort?.postMessage({ id, pcm }, [pcm.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
