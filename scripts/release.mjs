#!/usr/bin/env node
// npm run release: checks the tree, packs itreg-X.Y.Z.tgz and tags vX.Y.Z, X.Y.Z being package.json's version. The
// pre-commit `rev:` in the README and docs/ci.md must already name that tag: a user copies it from there.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const fail = (message) => {
  process.stderr.write(`release: ${message}\n`);
  process.exit(2);
};

const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version ?? '')) fail(`package.json's version "${version}" is not X.Y.Z`);
const tag = `v${version}`;

/** The tag a file's pre-commit configuration names (`rev: vX.Y.Z`), one per occurrence. */
function revisionsIn(text) {
  return [...text.matchAll(/^\s*#?\s*rev:\s*(\S+)/gm)].map((match) => match[1]);
}

for (const file of ['README.md', 'docs/ci.md', '.pre-commit-hooks.yaml']) {
  let text;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    continue;
  }
  const wrong = revisionsIn(text).filter((rev) => rev !== tag);
  if (wrong.length > 0) fail(`${file} says rev: ${wrong[0]}, and this release is ${tag}: write rev: ${tag} there, commit, and run again`);
}

const dirty = git('status', '--porcelain', '--untracked-files=normal');
if (dirty !== '') fail(`the working tree has changes (${dirty.split('\n').length} files, first: ${dirty.split('\n')[0].slice(3)}): commit or stash them first`);
if (git('tag', '--list', tag) !== '') fail(`the tag ${tag} exists already: raise the version in package.json (npm version patch --no-git-tag-version), commit, and run again`);

// The tarball first (npm pack runs prepare, which builds): a build that fails leaves no tag behind.
const packed = execFileSync('npm', ['pack', '--silent'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  .trim()
  .split('\n')
  .at(-1);
git('tag', '--annotate', tag, '--message', `${name} ${version}`);
process.stdout.write(`tagged ${tag} at ${git('rev-parse', '--short', 'HEAD')} and packed ${packed}\n`);
process.stdout.write(`next: git push origin ${tag}, and attach ${packed} to the release (itreg init copies it into a register's vendor/)\n`);
