/** `%`, `_` and `\` match literally in a LIKE pattern once escaped (with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
