/**
 * Bytes to text, refusing what is not text: a file with a NUL byte, or one where more than one
 * character in ten is a byte that is not part of valid UTF-8, is binary (an executable, an
 * image, a tarball), and printing its bytes back as findings helps nobody. A few stray bytes (a
 * Latin-1 comment) are kept as BuildKit keeps them, as raw-byte characters (core/raw-bytes.ts).
 */
import { decodeBytes, rawByteOf } from '../analyzer/core/raw-bytes.ts';

export function decodeText(bytes: Uint8Array): string | { readonly notText: string } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { notText: `not a text file (a NUL byte at offset ${nul})` };
  const text = decodeBytes(bytes);
  let loose = 0;
  for (let i = 0; i < text.length; i++) if (rawByteOf(text.charCodeAt(i)) !== -1) loose++;
  if (loose * 10 > text.length) return { notText: `not a text file (${loose} of its ${text.length} characters are not valid UTF-8)` };
  return text;
}
