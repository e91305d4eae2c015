// The README and docs/: every relative link resolves (file, folder or heading anchor), the README stays a quick start.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** README.md and every Markdown page in docs/, as paths from the repository's top. */
function pages(): string[] {
  const docs = join(root, 'docs');
  const inDocs = existsSync(docs)
    ? readdirSync(docs)
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`)
    : [];
  return ['README.md', ...inDocs];
}

/** The text outside fenced code blocks and inline code, where a link is a link. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor of a heading: lower case, code marks and punctuation dropped, spaces to hyphens; repeats get -1, -2. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const match of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = match[1]!
      .toLowerCase()
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

/** Every relative link of a page that does not resolve, as "page: target (why)". */
export function brokenLinks(page: string, top = root): string[] {
  const text = readFileSync(join(top, page), 'utf8');
  const broken: string[] = [];
  for (const match of prose(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const file = path === '' ? join(top, page) : resolve(dirname(join(top, page)), decodeURIComponent(path));
    if (relative(top, file).startsWith('..')) {
      broken.push(`${page}: ${target} (outside the repository)`);
      continue;
    }
    if (!existsSync(file)) {
      broken.push(`${page}: ${target} (no such file)`);
      continue;
    }
    if (anchor === undefined) continue;
    if (statSync(file).isDirectory() || !file.endsWith('.md')) {
      broken.push(`${page}: ${target} (an anchor in a file that is not Markdown)`);
      continue;
    }
    if (!anchorsOf(readFileSync(file, 'utf8')).has(anchor)) broken.push(`${page}: ${target} (no such heading)`);
  }
  return broken;
}

describe('documentation', () => {
  it('has a docs/ index beside the README', () => {
    expect(pages()).toContain('docs/README.md');
  });

  it.each(pages())('%s: every relative link resolves', (page) => {
    expect(brokenLinks(page)).toEqual([]);
  });

  it('keeps the README at most 600 lines', () => {
    const lines = readFileSync(join(root, 'README.md'), 'utf8').split('\n').length;
    expect(lines).toBeLessThanOrEqual(600);
  });

  it("keeps the README's quick start commands, which CI runs", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(/^npm ci && node bin\/itreg\.js lint\b/m);
    expect(readme).toMatch(/^npm test\b/m);
  });

  it('makes anchors as GitHub does', () => {
    expect(anchorsOf("# Lint's JSON output\n## `itreg.yaml`\n## Å och ö\n## A\n## A\n```sh\n# a comment\n```\n")).toEqual(new Set(['lints-json-output', 'itregyaml', 'å-och-ö', 'a', 'a-1']));
  });

  it('finds a missing file, a missing anchor and a link out of the repository, not links in code', () => {
    const top = mkdtempSync(join(tmpdir(), 'itreg-docs-'));
    try {
      mkdirSync(join(top, 'docs'));
      writeFileSync(join(top, 'docs/ci.md'), '# CI\n\n## Before a commit\n');
      writeFileSync(
        join(top, 'README.md'),
        [
          '[ok](docs/ci.md#before-a-commit) [ok](#top) [web](https://example.org/x.md)',
          '[gone](docs/site.md) [moved](docs/ci.md#in-ci) [up](../x.md) [here](#nowhere)',
          '`[code](nothing.md)`',
          '```md\n[code](nothing.md)\n```',
          '# Top',
        ].join('\n'),
      );
      expect(brokenLinks('README.md', top)).toEqual([
        'README.md: docs/site.md (no such file)',
        'README.md: docs/ci.md#in-ci (no such heading)',
        'README.md: ../x.md (outside the repository)',
        'README.md: #nowhere (no such heading)',
      ]);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });
});
