// ignoreMatcher(): the `ignore:` globs of itreg.yaml as one test, as .gitignore reads them (*, **, ?; a pattern
// without a slash at any depth; a folder with everything below it).

/** One glob as a regular expression over a path relative to the register folder (with / separators). */
function globToRegExp(glob: string): RegExp {
  const pattern = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        source += '(?:.*/)?';
      } else {
        source += '.*';
      }
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else {
      source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  const anywhere = !pattern.includes('/');
  return new RegExp(`^${anywhere ? '(?:.*/)?' : ''}${source}(?:/.*)?$`);
}

/** Whether a path relative to the register folder is ignored; never, without globs. */
export function ignoreMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const patterns = globs.map(globToRegExp);
  return (path) => patterns.some((pattern) => pattern.test(path));
}

/** The first of the globs that ignores a path relative to the register folder, for saying why a file is not read. */
export function ignoringPattern(globs: readonly string[], path: string): string | undefined {
  return globs.find((glob) => globToRegExp(glob).test(path));
}
