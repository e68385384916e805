// Copies of strings cut from long texts that do not keep the long text alive (for anything stored past one piece).
//
// Why: V8 keeps a slice of 13 or more characters as a view into its parent (a "sliced string"), and trim, slice and
// regex captures return such views. A learned name stored in a map then keeps its whole piece of log (512 KiB) in
// memory: 300 distinct names learned from 300 pieces held 157 MB after a collection.

/** V8's shortest sliced string: shorter slices are copied anyway. */
const MIN_SLICED_LENGTH = 13;

/** A copy of `slice` that refers to no longer string (the concatenation is flattened into a string of its own). */
export function detached(slice: string): string {
  return slice.length < MIN_SLICED_LENGTH ? slice : (' ' + slice).slice(1);
}
