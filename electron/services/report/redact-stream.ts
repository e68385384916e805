// Streams a text file through the redactor: decode each region in its own encoding -> learn (pass 1) / redact
// (pass 2) -> re-encode. A file read as one encoding keeps it (and its BOM); a mixed or partly undecodable file is
// written as UTF-8 with a BOM, so no byte of a misread region is copied through.
import { createReadStream } from 'node:fs';
import type { Redactor } from '../../../shared/report/redaction/redactor.ts';
import { LearningChunker, StreamRedactor } from '../../../shared/report/redaction/stream-redactor.ts';
import {
  detectEncoding,
  detectFileEncoding,
  encodePieces,
  type AnsiEncoding,
  type DetectedEncoding,
} from './text-encoding.ts';
import { RegionDecoder, type RegionSummary } from './text-regions.ts';

const CHUNK_BYTES = 1 << 20;
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** A file to attach: on this disk (bytes null, streamed) or held in memory (a simulated machine's log). */
export interface FileSource {
  path: string;
  bytes: Uint8Array | null;
}

/** What the learning pass found out about a file's encoding. */
export interface FileReading {
  detected: DetectedEncoding;
  regions: RegionSummary;
}

type Ansi = AnsiEncoding;

async function* rawChunks(source: FileSource, skip = 0): AsyncGenerator<Uint8Array> {
  if (source.bytes) {
    for (let at = skip; at < source.bytes.length; at += CHUNK_BYTES)
      yield source.bytes.subarray(at, Math.min(source.bytes.length, at + CHUNK_BYTES));
    return;
  }
  for await (const chunk of createReadStream(source.path, { highWaterMark: CHUNK_BYTES, start: skip }))
    yield chunk as Buffer;
}

async function encodingOf(source: FileSource, ansi: Ansi): Promise<DetectedEncoding> {
  return source.bytes
    ? detectEncoding(source.bytes.subarray(0, 64 * 1024), ansi)
    : detectFileEncoding(source.path, ansi);
}

/** The file's text, region by region, in chunks. */
async function* decodedText(source: FileSource, detected: DetectedEncoding, ansi: Ansi, decoder: RegionDecoder) {
  for await (const chunk of rawChunks(source, detected.bom.length)) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

function newDecoder(detected: DetectedEncoding, ansi: Ansi): RegionDecoder {
  return new RegionDecoder(detected.encoding, detected.bom.length, ansi);
}

/**
 * First pass over a file: finds its encoding regions and teaches the redactor (when given) its hidden properties,
 * secret values and identities, whatever the encoding of the region they are in.
 */
export async function learnFromFile(source: FileSource, redactor: Redactor | null, ansi: Ansi): Promise<FileReading> {
  const detected = await encodingOf(source, ansi);
  const decoder = newDecoder(detected, ansi);
  const chunker = new LearningChunker();
  for await (const text of decodedText(source, detected, ansi, decoder)) {
    const piece = redactor ? chunker.push(text) : '';
    if (piece) redactor?.learn(piece);
  }
  redactor?.learn(chunker.flush());
  return { detected, regions: decoder.result() };
}

/** The encoding the redacted copy is written in: the file's own when it was uniform, else UTF-8. */
export function outputEncodingOf(reading: FileReading): { encoding: DetectedEncoding['encoding']; bom: Uint8Array } {
  return reading.regions.uniform ? reading.detected : { encoding: 'utf8', bom: UTF8_BOM };
}

/**
 * The file's bytes, redacted (or unchanged when redactor is null), one bounded chunk at a time so a 500 MB log never
 * sits in memory. `known` is what the learning pass found (learnFromFile); without it the file is read once more.
 */
export async function* redactedFileChunks(
  source: FileSource,
  redactor: Redactor | null,
  ansi: Ansi,
  known: FileReading | null = null,
): AsyncGenerator<Uint8Array> {
  if (!redactor) {
    yield* rawChunks(source);
    return;
  }
  const reading = known ?? (await learnFromFile(source, null, ansi));
  const detected = reading.detected;
  const output = outputEncodingOf(reading);
  if (output.bom.length) yield output.bom;
  const stream = new StreamRedactor(redactor);
  for await (const text of decodedText(source, detected, ansi, newDecoder(detected, ansi))) {
    const pieces = stream.pushPieces(text);
    if (pieces.length) yield encodePieces(pieces, output.encoding);
  }
  const rest = stream.flushPieces();
  if (rest.length) yield encodePieces(rest, output.encoding);
}
