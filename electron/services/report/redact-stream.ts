// Streams a text file through the redactor: decode each region in its own encoding -> learn (pass 1) / redact
// (pass 2) -> re-encode. A file read as one encoding keeps it (and its BOM); a mixed or partly undecodable file is
// written as UTF-8 with a BOM, so no byte of a misread region is copied through.
import { createReadStream } from 'node:fs';
import type { Redactor } from '../../../shared/report/redaction/redactor.ts';
import { LearningChunker, MAX_LINE, StreamRedactor } from '../../../shared/report/redaction/stream-redactor.ts';
import type { Finding } from '../../../shared/report/redaction/findings.ts';
import type { LearningScan } from '../../../shared/report/redaction/learning-scan.ts';
import {
  detectEncoding,
  detectFileEncoding,
  encodePieces,
  type AnsiEncoding,
  type DetectedEncoding,
} from './text-encoding.ts';
import { RegionDecoder, readsAsPlainUtf16, type RegionSummary } from './text-regions.ts';
import type { ScanPool } from './scan-pool.ts';
import { textOfLines, type LinesText, type LinesToScan, type PieceScan } from './scan-host.ts';
import { LineBuffers, RawBytes, Utf16Lines, Utf16Replay, applyToUtf16, decodeUtf16 } from './utf16-copy.ts';
import { InOrder } from './in-order.ts';
import { FindingsCache } from './findings-cache.ts';

/**
 * Bytes read at a time, and so about the size of the pieces scanned. Smaller pieces hold less in flight and leave less
 * garbage between two collections (500 MB export at load 12-14: peak RSS 250-260 MB with 512 KiB against 280-300 MB
 * with 1 MiB), for about 5% more CPU; the 300 MB bound needs the margin on a busy machine.
 */
const CHUNK_BYTES = 512 << 10;

/** How a file is streamed: chunk size (tests use small ones), and a scan pool to spread the scans over threads. */
export interface StreamOptions {
  chunkBytes?: number;
  pool?: ScanPool | null;
  /**
   * Every shortcut off, the reference the shortcuts are tested against: each piece scanned again in the redact pass
   * (not reusing the learning pass's findings) and encoded again (not copied from a uniform UTF-16 file's bytes).
   */
  plain?: boolean;
}
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** A file to attach: on this disk (bytes null, streamed) or held in memory (a simulated machine's log). */
export interface FileSource {
  path: string;
  bytes: Uint8Array | null;
}

/** What the learning pass found out about a file's encoding, and the findings it kept for the redact pass. */
export interface FileReading {
  detected: DetectedEncoding;
  regions: RegionSummary;
  known: FindingsCache | null;
  /** The characters the decoder gave for each chunk, then at the end (Utf16Replay cuts the redact pass's text alike). */
  chunkChars: number[];
  /** Whether the pass read the file's bytes alone, leaving the decoding to the scan threads (learnFromUtf16Bytes). */
  fromBytes: boolean;
}

type Ansi = AnsiEncoding;

async function* rawChunks(source: FileSource, skip = 0, size = CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  if (source.bytes) {
    for (let at = skip; at < source.bytes.length; at += size)
      yield source.bytes.subarray(at, Math.min(source.bytes.length, at + size));
    return;
  }
  for await (const chunk of createReadStream(source.path, { highWaterMark: size, start: skip })) yield chunk as Buffer;
}

async function encodingOf(source: FileSource, ansi: Ansi): Promise<DetectedEncoding> {
  return source.bytes
    ? detectEncoding(source.bytes.subarray(0, 64 * 1024), ansi)
    : detectFileEncoding(source.path, ansi);
}

/**
 * The file's text, region by region, in chunks; with each chunk's bytes when its text is exactly them read as UTF-16
 * (RegionDecoder.plain).
 */
async function* decodedText(
  source: FileSource,
  detected: DetectedEncoding,
  decoder: RegionDecoder,
  size: number,
  chunkChars: number[] | null = null,
): AsyncGenerator<{ text: string; plain: RegionDecoder['plain'] }> {
  for await (const chunk of rawChunks(source, detected.bom.length, size)) {
    const text = decoder.write(chunk);
    chunkChars?.push(text.length);
    if (text) yield { text, plain: decoder.plain };
  }
  const text = decoder.end();
  chunkChars?.push(text.length);
  if (text) yield { text, plain: null };
}

/** The bytes of a uniform UTF-16 file, cut where the learning pass cut its text (Utf16Replay). */
async function* replayedBytes(source: FileSource, detected: DetectedEncoding, replay: Utf16Replay, size: number) {
  for await (const chunk of rawChunks(source, detected.bom.length, size)) yield* replay.write(chunk);
  yield* replay.end();
}

function newDecoder(detected: DetectedEncoding, ansi: Ansi): RegionDecoder {
  return new RegionDecoder(detected.encoding, detected.bom.length, ansi);
}

/** What learnFromUtf16Bytes learned before it gave up: its first pieces, and their findings kept. */
interface LearnedAhead {
  pieces: number;
  known: FindingsCache;
}

/**
 * The learning pass of a UTF-16 file with scan threads, from the bytes alone: this thread neither decodes nor checks
 * the text (RegionDecoder.writePlain). The threads decode each piece and also say whether it reads as plain UTF-16
 * (what RegionDecoder checks before it takes a chunk as read). A piece is learned once it and the next one read as
 * plain: every chunk it was cut from then reads as plain, so write() would have given the same text and the same
 * pieces. At the first piece that does not (or a line too long to cut from the bytes, or a character cut by the end
 * of the file), it stops and returns what it learned: learnFromFile then reads the file again from its start the
 * usual way and learns from the next piece on.
 */
async function learnFromUtf16Bytes(
  source: FileSource,
  detected: DetectedEncoding,
  redactor: Redactor,
  pool: ScanPool,
  ansi: Ansi,
  size: number,
): Promise<{ reading: FileReading } | LearnedAhead> {
  const decoder = newDecoder(detected, ansi);
  const bigEndian = detected.encoding === 'utf16be';
  const buffers = new LineBuffers();
  const cutter = new Utf16Lines(bigEndian, MAX_LINE, buffers);
  const learner = pool.learner(redactor);
  const known = new FindingsCache();
  type Piece = { lines: LinesText & { bytes: Buffer }; offset: number; text: string | null };
  const textOf = (piece: Piece) => (piece.text ??= decodeUtf16(piece.lines.bytes, bigEndian));
  const reading = new InOrder<Piece, PieceScan>(
    (piece) => ({ scan: redactor.read(textOf(piece)), plain: readsAsPlainUtf16(textOf(piece)) }),
    (piece) => learner.scan(piece.lines, true),
  );
  /** The last piece taken that read as plain, learned once the next one does too. */
  let held: { item: Piece; result: PieceScan } | null = null;
  let learned = 0;
  let stopped = false;
  const learnHeld = () => {
    const { item, result } = held!;
    const read = redactor.absorb(() => textOf(item), result.scan);
    known.add(item.offset, item.lines.bytes.length >> 1, read.hiddenSize, read.known);
    buffers.release(item.lines.bytes);
    held = null;
    learned++;
  };
  const learnRead = async (limit: number) => {
    while (!stopped && reading.size > limit) {
      const next = await reading.take();
      if (next.result.plain !== true) stopped = true;
      else {
        if (held) learnHeld();
        held = next;
      }
    }
  };
  const chunkChars: number[] = [];
  let offset = 0; // where the next piece starts in the text
  for await (const chunk of rawChunks(source, detected.bom.length, size)) {
    const bytes = decoder.writePlain(chunk);
    chunkChars.push(bytes.length >> 1);
    if (bytes.length === 0) continue;
    const lines = cutter.take(bytes);
    if (lines === null) stopped = true; // an over-long line: cut from the text
    if (stopped || lines === null) break;
    if (lines.length === 0) continue;
    reading.push({ lines: { text: null, bytes: lines, bigEndian }, offset, text: null });
    offset += lines.length >> 1;
    await learnRead(pool.depth);
  }
  if (!stopped && decoder.held > 0) stopped = true;
  await learnRead(0);
  const rest = stopped ? '' : decodeUtf16(cutter.drain(), bigEndian);
  if (stopped || !readsAsPlainUtf16(rest)) {
    await reading.drop();
    return { pieces: learned, known };
  }
  if (held) learnHeld();
  redactor.learn(rest);
  chunkChars.push(decoder.end().length);
  return { reading: { detected, regions: decoder.result(), known, chunkChars, fromBytes: true } };
}

/**
 * First pass over a file: finds its encoding regions and teaches the redactor (when given) its hidden properties,
 * secret values and identities, whatever the encoding of the region they are in. With a pool, the pieces are read on
 * its threads and learned here in file order (Redactor.absorb: the same as learning them here).
 */
export async function learnFromFile(
  source: FileSource,
  redactor: Redactor | null,
  ansi: Ansi,
  options: StreamOptions = {},
): Promise<FileReading> {
  const detected = await encodingOf(source, ansi);
  const size = options.chunkBytes ?? CHUNK_BYTES;
  const bigEndian = detected.encoding === 'utf16be';
  const sixteen = bigEndian || detected.encoding === 'utf16le';
  let ahead: LearnedAhead | null = null;
  if (redactor && options.pool && sixteen && !options.plain) {
    const bytesOnly = await learnFromUtf16Bytes(source, detected, redactor, options.pool, ansi, size);
    if ('reading' in bytesOnly) return bytesOnly.reading;
    ahead = bytesOnly;
  }
  const decoder = newDecoder(detected, ansi);
  const chunker = new LearningChunker();
  const learner = redactor && options.pool ? options.pool.learner(redactor) : null;
  const depth = options.pool?.depth ?? 0;
  const known = ahead?.known ?? (redactor && !options.plain ? new FindingsCache() : null);
  // With a scan thread, a UTF-16 file's pieces are sent as their bytes while its chunks read as plain UTF-16 (the
  // thread decodes them): this thread then neither joins nor posts their text. Pieces are cut as the chunker cuts.
  const buffers = new LineBuffers();
  let lineBytes = learner && sixteen && !options.plain ? new Utf16Lines(bigEndian, MAX_LINE, buffers) : null;
  /** While lines are cut from the bytes: the text after the last line feed (the chunker's carry after that). */
  let carry = '';
  type Piece = { lines: LinesText; text: string; offset: number };
  const reading = redactor
    ? new InOrder<Piece, LearningScan>(
        (piece) => redactor.read(piece.text),
        learner && ((piece) => learner.scan(piece.lines)?.then((read) => read?.scan ?? null) ?? null),
      )
    : null;
  /** Pieces learned before (learnFromUtf16Bytes): the same pieces, cut the same way, are passed over here. */
  let skip = ahead?.pieces ?? 0;
  const learnPiece = async (piece: Piece) => {
    if (skip > 0) {
      skip--;
      if (piece.lines.bytes) buffers.release(piece.lines.bytes);
      return;
    }
    reading!.push(piece);
    await learnRead(depth);
  };
  const learnRead = async (limit: number) => {
    while (reading!.size > limit) {
      const { item, result } = await reading!.take();
      if (item.lines.bytes) buffers.release(item.lines.bytes);
      const read = redactor!.absorb(item.text, result);
      known?.add(item.offset, item.text.length, read.hiddenSize, read.known);
    }
  };
  let decoded = 0;
  const chunkChars: number[] = [];
  for await (const { text, plain } of decodedText(source, detected, decoder, size, chunkChars)) {
    const offset = decoded - (lineBytes ? carry.length : chunker.pending);
    decoded += text.length;
    if (!redactor) continue;
    if (lineBytes) {
      const lines = plain && plain.bigEndian === bigEndian ? lineBytes.take(plain.bytes) : null;
      if (lines?.length === 0) {
        carry += text;
        continue;
      }
      if (lines) {
        const head = (lines.length >> 1) - carry.length;
        const piece = carry + text.slice(0, head);
        carry = text.slice(head);
        await learnPiece({ lines: { text: null, bytes: lines, bigEndian }, text: piece, offset });
        continue;
      }
      // A chunk not read as plain UTF-16, or an over-long line: from here on, the chunker cuts the text.
      lineBytes = null;
      chunker.push(carry);
      carry = '';
    }
    const piece = chunker.push(text);
    if (!piece) continue;
    await learnPiece({ lines: { text: piece, bytes: null }, text: piece, offset });
  }
  if (reading) await learnRead(0);
  redactor?.learn(lineBytes ? carry : chunker.flush());
  return { detected, regions: decoder.result(), known, chunkChars, fromBytes: false };
}

/** The encoding the redacted copy is written in: the file's own when it was uniform, else UTF-8. */
export function outputEncodingOf(reading: FileReading): { encoding: DetectedEncoding['encoding']; bom: Uint8Array } {
  return reading.regions.uniform ? reading.detected : { encoding: 'utf8', bom: UTF8_BOM };
}

/**
 * The file's bytes, redacted (or unchanged when redactor is null), one bounded chunk at a time so a 500 MB log never
 * sits in memory. `known` is what the learning pass found (learnFromFile); without it the file is read once more.
 * With a pool, the findings of whole lines are computed on its threads; placeholders are still given here, in file
 * order, so the copy is byte for byte the serial one.
 */
export async function* redactedFileChunks(
  source: FileSource,
  redactor: Redactor | null,
  ansi: Ansi,
  known: FileReading | null = null,
  options: StreamOptions = {},
): AsyncGenerator<Uint8Array> {
  const size = options.chunkBytes ?? CHUNK_BYTES;
  if (!redactor) {
    yield* rawChunks(source, 0, size);
    return;
  }
  const reading = known ?? (await learnFromFile(source, null, ansi, options));
  const detected = reading.detected;
  const output = outputEncodingOf(reading);
  if (output.bom.length) yield output.bom;
  const stream = new StreamRedactor(redactor);
  const finder = options.pool ? options.pool.finder(redactor) : null;
  const depth = options.pool?.depth ?? 0;
  // A uniform UTF-16 file: its text is its bytes two by two. Whole lines are cut from the bytes as the learning pass
  // cut its text and scanned as bytes (decoded where they are scanned); unchanged text is copied from what was read.
  const sixteen = output.encoding === 'utf16le' || output.encoding === 'utf16be';
  const utf16 = sixteen && reading.regions.uniform && !options.plain;
  const bigEndian = output.encoding === 'utf16be';
  /** The bytes of whole lines; null once an over-long line sends the rest of the file through the StreamRedactor. */
  const buffers = new LineBuffers();
  let lineBytes = utf16 ? new Utf16Lines(bigEndian, MAX_LINE, buffers) : null;
  /** The bytes read and not yet written, for the text the StreamRedactor takes in (after an over-long line). */
  const raw = utf16 ? new RawBytes() : null;
  /** Pieces written by the stream itself (cuts of over-long lines): encoded; their bytes as read are passed over. */
  const encoded = (pieces: string[], consumed: number): Uint8Array | null => {
    raw?.take(2 * consumed);
    return pieces.length ? encodePieces(pieces, output.encoding) : null;
  };
  const finding = new InOrder<LinesToScan, Finding[]>(
    (lines) => redactor.findings(textOfLines(lines), lines.known),
    finder && ((lines) => finder.find(lines)),
  );
  const placeholderOf = (f: Finding) => redactor.placeholderFor(f);
  const redactFound = async function* (limit: number) {
    while (finding.size > limit) {
      const { item, result: resolved } = await finding.take();
      if (item.bytes) {
        const out = applyToUtf16(item.bytes, resolved, placeholderOf, bigEndian);
        // Unchanged lines are written as they are (their buffer then goes to the ZIP writer, not back for reuse).
        if (out.buffer !== item.bytes.buffer) buffers.release(item.bytes);
        yield out;
      } else if (raw) yield applyToUtf16(raw.take(2 * item.text.length), resolved, placeholderOf, bigEndian);
      else yield encodePieces(redactor.applyPieces(item.text, resolved), output.encoding);
    }
  };
  const knownAt = (at: number, length: number) => reading.known?.take(at, length, redactor.hiddenSize) ?? null;
  let at = 0; // where the stream's next character is in the decoded text
  const pieces = utf16
    ? replayedBytes(source, detected, new Utf16Replay(reading.chunkChars), size)
    : decodedText(source, detected, newDecoder(detected, ansi), size);
  for await (const piece of pieces) {
    let text: string;
    if (!(piece instanceof Uint8Array)) text = piece.text;
    else {
      const lines = lineBytes?.take(piece);
      if (lines) {
        if (lines.length === 0) continue;
        const chars = lines.length >> 1;
        finding.push({ text: null, bytes: lines, bigEndian, known: knownAt(at, chars) });
        at += chars;
        yield* redactFound(depth);
        continue;
      }
      // An over-long line (or a line after one): the StreamRedactor cuts it, from the text.
      const bytes = lineBytes ? lineBytes.drain(piece) : piece;
      lineBytes = null;
      raw!.push(bytes);
      text = decodeUtf16(bytes, bigEndian);
    }
    const lines = stream.takeLines(text);
    if (lines === null) {
      // Open secrets and over-long lines are cut here, after everything before them is written.
      yield* redactFound(0);
      const before = stream.pending;
      const out = encoded(stream.pushPieces(text), before + text.length - stream.pending);
      at += before + text.length - stream.pending;
      if (out) yield out;
    } else if (lines !== '') {
      finding.push({ text: lines, bytes: null, known: knownAt(at, lines.length) });
      at += lines.length;
      yield* redactFound(depth);
    }
  }
  yield* redactFound(0);
  if (lineBytes) {
    // The last line of a file without a final line feed (the learning pass learned it whole, without findings kept).
    const rest = lineBytes.drain();
    if (rest.length)
      yield applyToUtf16(rest, redactor.findings(decodeUtf16(rest, bigEndian)), placeholderOf, bigEndian);
    return;
  }
  const rest = stream.pending;
  const out = encoded(stream.flushPieces(), rest);
  if (out) yield out;
}
