// Streams a text file through the redactor in its own encoding: decode chunk -> whole lines -> redact -> re-encode.
import { createReadStream } from 'node:fs';
import type { Redactor } from '../../../shared/report/redaction/redactor.ts';
import { LineChunker } from '../../../shared/report/redaction/line-chunker.ts';
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

async function* decodedLines(source: FileSource, encoding: DetectedEncoding['encoding']): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  const chunker = new LineChunker();
  for await (const chunk of rawChunks(source)) {
    const lines = chunker.push(decoder.write(chunk));
    if (lines) yield lines;
  }
  const rest = chunker.push(decoder.end()) + chunker.flush();
  if (rest) yield rest;
}

/** First pass over a file: teaches the redactor its hidden properties, secret values and identities. */
export async function learnFromFile(
  source: FileSource,
  redactor: Redactor,
  ansi: DetectedEncoding['encoding'],
): Promise<void> {
  const { encoding } = await encodingOf(source, ansi);
  for await (const text of decodedLines(source, encoding)) redactor.learn(text);
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
  for await (const text of decodedLines(source, encoding)) yield encodeText(redactor.redact(text), encoding);
}
