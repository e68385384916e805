// Streams a text file through the redactor in its own encoding: decode chunk -> whole lines -> redact -> re-encode.
import { createReadStream } from 'node:fs';
import type { Redactor } from '../../../shared/report/redaction/redactor.ts';
import { LearningChunker, StreamRedactor } from '../../../shared/report/redaction/stream-redactor.ts';
import {
  createDecoder,
  detectEncoding,
  detectFileEncoding,
  encodeText,
  type DetectedEncoding,
} from './text-encoding.ts';

const CHUNK_BYTES = 1 << 20;

/** A file to attach: on this disk (bytes null, streamed) or held in memory (a simulated machine's log). */
export interface FileSource {
  path: string;
  bytes: Uint8Array | null;
}

async function* rawChunks(source: FileSource): AsyncGenerator<Uint8Array> {
  if (source.bytes) {
    for (let at = 0; at < source.bytes.length; at += CHUNK_BYTES) yield source.bytes.subarray(at, at + CHUNK_BYTES);
    return;
  }
  for await (const chunk of createReadStream(source.path, { highWaterMark: CHUNK_BYTES })) yield chunk as Buffer;
}

async function encodingOf(source: FileSource, ansi: DetectedEncoding['encoding']): Promise<DetectedEncoding> {
  return source.bytes
    ? detectEncoding(source.bytes.subarray(0, 64 * 1024), ansi)
    : detectFileEncoding(source.path, ansi);
}

async function* decodedText(source: FileSource, encoding: DetectedEncoding['encoding']): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  for await (const chunk of rawChunks(source)) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** First pass over a file: teaches the redactor its hidden properties, secret values and identities. */
export async function learnFromFile(
  source: FileSource,
  redactor: Redactor,
  ansi: DetectedEncoding['encoding'],
): Promise<void> {
  const { encoding } = await encodingOf(source, ansi);
  const chunker = new LearningChunker();
  for await (const text of decodedText(source, encoding)) {
    const piece = chunker.push(text);
    if (piece) redactor.learn(piece);
  }
  redactor.learn(chunker.flush());
}

/**
 * The file's bytes, redacted (or unchanged when redactor is null), in the file's own encoding and with its BOM,
 * one bounded chunk at a time so a 500 MB log never sits in memory.
 */
export async function* redactedFileChunks(
  source: FileSource,
  redactor: Redactor | null,
  ansi: DetectedEncoding['encoding'],
): AsyncGenerator<Uint8Array> {
  if (!redactor) {
    yield* rawChunks(source);
    return;
  }
  const { encoding, bom } = await encodingOf(source, ansi);
  if (bom.length) yield bom;
  const stream = new StreamRedactor(redactor);
  for await (const text of decodedText(source, encoding)) {
    const out = stream.push(text);
    if (out) yield encodeText(out, encoding);
  }
  const rest = stream.flush();
  if (rest) yield encodeText(rest, encoding);
}
