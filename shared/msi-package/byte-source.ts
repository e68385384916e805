// ByteSource: random access to a file's bytes, so the .msi reader never needs the whole file in memory.
// electron/ implements it over a file descriptor; a browser can implement it over a Blob (blob.slice().arrayBuffer()).

export interface ByteSource {
  /** Total size of the file in bytes. */
  readonly size: number;
  /** Reads up to `length` bytes at `offset`; fewer only at the end of the file. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A ByteSource over bytes already in memory (tests, small uploads). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}
