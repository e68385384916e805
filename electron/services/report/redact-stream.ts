// Streams a text file through the redactor in its own encoding: decode chunk -> whole lines -> redact -> re-encode.
import { createReadStream } from 'node:fs';
import type { Redactor } from '../../../shared/report/redaction/redactor.ts';
import { LineChunker } from '../../../shared/report/redaction/line-chunker.ts';
import { createDecoder, detectFileEncoding, encodeText, type DetectedEncoding } from './text-encoding.ts';

const CHUNK_BYTES = 1 << 20;

async function* decodedLines(path: string, encoding: DetectedEncoding['encoding']): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  const chunker = new LineChunker();
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const lines = chunker.push(decoder.write(chunk as Buffer));
    if (lines) yield lines;
  }
  const rest = chunker.push(decoder.end()) + chunker.flush();
  if (rest) yield rest;
}

/** First pass over a file: teaches the redactor its hidden properties, secret values and identities. */
export async function learnFromFile(path: string, redactor: Redactor, ansi: DetectedEncoding['encoding']): Promise<void> {
  const { encoding } = await detectFileEncoding(path, ansi);
  for await (const text of decodedLines(path, encoding)) redactor.learn(text);
}

/**
 * The file's bytes, redacted (or unchanged when redactor is null), in the file's own encoding and with its BOM,
 * one bounded chunk at a time so a 500 MB log never sits in memory.
 */
export async function* redactedFileChunks(
  path: string,
  redactor: Redactor | null,
  ansi: DetectedEncoding['encoding'],
): AsyncGenerator<Uint8Array> {
  if (!redactor) {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) yield chunk as Buffer;
    return;
  }
  const { encoding, bom } = await detectFileEncoding(path, ansi);
  if (bom.length) yield bom;
  for await (const text of decodedLines(path, encoding)) yield encodeText(redactor.redact(text), encoding);
}
