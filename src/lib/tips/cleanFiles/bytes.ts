/** Four bytes as ASCII: a PNG chunk type, a RIFF chunk id. */
export const fourCharacters = (bytes: Uint8Array, from: number): string => String.fromCharCode(...bytes.subarray(from, from + 4));
