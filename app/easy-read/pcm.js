// @ts-check
/**
 * Pure functions on speech audio, shared by the speech worker thread (which Node runs as plain
 * JavaScript, without the app's build step) and the server. Audio is kept as 16-bit little-endian mono
 * PCM; a WAV file is a 44-byte header in front of it.
 */

/** The rate audio is kept and served at: wideband speech, half the size of eSpeak's own 22,050 Hz. */
export const SAMPLE_RATE = 16000;

/**
 * The samples of a PCM WAV file (the first channel when there are several), its rate and length.
 * @param {Uint8Array} bytes
 * @returns {{ sampleRate: number, channels: number, bitsPerSample: number, samples: Int16Array, seconds: number }}
 */
export function parseWav(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (/** @type {number} */ at) =>
    String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
  if (bytes.byteLength < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") throw new Error("not a WAV file");
  let format = null;
  for (let at = 12; at + 8 <= bytes.byteLength;) {
    const id = tag(at);
    // A writer that streams (as eSpeak does) may leave a chunk's size too large: take what is there.
    const size = Math.min(view.getUint32(at + 4, true), bytes.byteLength - at - 8);
    if (id === "fmt ") {
      format = {
        audioFormat: view.getUint16(at + 8, true),
        channels: view.getUint16(at + 10, true),
        sampleRate: view.getUint32(at + 12, true),
        bitsPerSample: view.getUint16(at + 22, true),
      };
    } else if (id === "data") {
      if (!format || format.audioFormat !== 1 || format.bitsPerSample !== 16) throw new Error("not 16-bit PCM");
      const frames = Math.floor(size / (2 * format.channels));
      const samples = new Int16Array(frames);
      for (let frame = 0; frame < frames; frame += 1) {
        samples[frame] = view.getInt16(at + 8 + frame * 2 * format.channels, true);
      }
      return {
        sampleRate: format.sampleRate,
        channels: format.channels,
        bitsPerSample: format.bitsPerSample,
        samples,
        seconds: frames / format.sampleRate,
      };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error("no audio in the WAV file");
}

/**
 * Resamples speech to another rate: each output sample is a windowed-sinc interpolation of the input,
 * low-passed below the lower rate's limit so that nothing folds back as noise.
 * @param {Int16Array} input
 * @param {number} from
 * @param {number} to
 * @returns {Int16Array}
 */
export function resample(input, from, to) {
  if (from === to) return input.slice();
  const ratio = from / to;
  const cutoff = Math.min(1, to / from) * 0.92; // of the input's Nyquist frequency
  const halfTaps = 12;
  const length = Math.floor(input.length / ratio);
  const output = new Int16Array(length);
  for (let index = 0; index < length; index += 1) {
    const centre = index * ratio;
    const first = Math.ceil(centre - halfTaps);
    let sum = 0;
    let weights = 0;
    for (let n = first; n <= centre + halfTaps; n += 1) {
      const distance = n - centre;
      const x = Math.PI * distance * cutoff;
      const sinc = distance === 0 ? 1 : Math.sin(x) / x;
      const window = 0.5 + 0.5 * Math.cos((Math.PI * distance) / (halfTaps + 1)); // Hann
      const weight = sinc * window;
      weights += weight;
      if (n >= 0 && n < input.length) sum += (input[n] ?? 0) * weight;
    }
    output[index] = Math.max(-32768, Math.min(32767, Math.round(sum / weights)));
  }
  return output;
}

/**
 * A WAV file (16-bit mono PCM) around the given samples.
 * @param {Int16Array} samples
 * @param {number} [sampleRate]
 * @returns {Uint8Array}
 */
export function wavFile(samples, sampleRate = SAMPLE_RATE) {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (/** @type {number} */ at, /** @type {string} */ value) =>
    [...value].forEach((letter, i) => view.setUint8(at + i, letter.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true); // the size of this chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  text(36, "data");
  view.setUint32(40, samples.length * 2, true);
  for (let index = 0; index < samples.length; index += 1) view.setInt16(44 + index * 2, samples[index] ?? 0, true);
  return bytes;
}

/**
 * Clips one after another, with a short silence between them, as one run of samples.
 * @param {Int16Array[]} clips
 * @param {number} [gapSeconds]
 * @param {number} [sampleRate]
 * @returns {Int16Array}
 */
export function joinClips(clips, gapSeconds = 0.4, sampleRate = SAMPLE_RATE) {
  const gap = Math.round(gapSeconds * sampleRate);
  const total = clips.reduce((sum, clip) => sum + clip.length, 0) + gap * Math.max(0, clips.length - 1);
  const joined = new Int16Array(total);
  let at = 0;
  clips.forEach((clip, index) => {
    if (index > 0) at += gap;
    joined.set(clip, at);
    at += clip.length;
  });
  return joined;
}
