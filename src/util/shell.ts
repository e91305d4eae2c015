// Quoting for POSIX sh: the one way a value goes into a script itreg writes (the git hook).

/** `text` as one sh word: in single quotes, where nothing is special but the quote itself (written '\''). */
export function quoteShell(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The inverse of quoteShell() for a word it wrote: undefined for anything else. */
export function unquoteShell(word: string): string | undefined {
  if (!/^'(?:[^']|'\\'')*'$/.test(word)) return undefined;
  return word.slice(1, -1).replace(/'\\''/g, "'");
}
