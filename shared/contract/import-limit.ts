// The largest file the browser preview takes as an upload (a streamed binary body, written to disk as it arrives):
// one number for the server's 413, the renderer's check before sending and the size the page tells the user.
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024;

/** The limit as people read it ("2 GB"), for messages in both languages. */
export const MAX_IMPORT_LABEL = `${MAX_IMPORT_BYTES / 1024 ** 3} GB`;
