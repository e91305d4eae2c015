// Register text in human formats (stylish, list, show, tables, history, error lines): control characters made
// visible, so a name can neither forge a CI log line (a GitHub "::error" workflow command) nor steer a terminal
// (OSC 8 hyperlinks, window titles, colours).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visible, visibleData } from '../../src/util/visible.js';
import { fixtures, git, repositoryFrom, runCli } from '../helpers.js';

const FORGED = '\n::error file=register/x.yaml,line=1::FORGED';
const HYPERLINK = '\u001b]8;;http://evil.example/\u0007klicka\u001b]8;;\u0007';
const TITLE = '\u001b]0;pwned\u0007';
const BIDI = '\u202egpj.exe';
const evilName = `Diarie${FORGED}${HYPERLINK}${TITLE}\r${BIDI}`;
const yamlName = JSON.stringify(evilName); // a YAML double-quoted scalar with \n, \e (\u001b) and \a escapes

/** Nothing a terminal or a CI runner would act on: no control character but the line ends, no line that starts a workflow command. */
function expectHarmless(text: string): void {
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  for (const line of text.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
}

describe('visible', () => {
  it('writes control characters as escapes and leaves other text alone', () => {
    expect(visible('Åmål – ok')).toBe('Åmål – ok');
    expect(visible(`a${FORGED}`)).toBe('a\\n::error file=register/x.yaml,line=1::FORGED');
    expect(visible(TITLE)).toBe('\\u001b]0;pwned\\u0007');
    expect(visible('a\tb\r\u009b\u2028')).toBe('a\\tb\\r\\u009b\\u2028');
    expect(visibleData({ name: 'x\ny', list: ['\u001b'], n: 1 })).toEqual({ name: 'x\\ny', list: ['\\u001b'], n: 1 });
  });
});

describe('human formats', () => {
  const app = readFileSync(join(fixtures, 'clean/register/applications/diarium.yaml'), 'utf8').replace('name: Diariesystem', `name: ${yamlName}\nassessment: { fit: poor }`);
  const folder = repositoryFrom('clean', {
    'register/applications/diarium.yaml': app,
    'register/roles/diarium-owner.yaml': null, // so application-has-owner quotes the name
    'register/investments/diarium-2026.yaml': `kind: Investment\nid: diarium-2026\nname: ${yamlName}\nyear: 2026\namount: 100000\napplication: diarium\n`,
  });
  // A second commit, so history has a change that shows the name.
  git(folder, 'mv', 'register/investments/diarium-2026.yaml', 'register/investments/diarium-2026-b.yaml');
  git(folder, 'commit', '--quiet', '-m', `rename ${evilName.replace(/\u0000/g, '')}`);

  it.each([
    ['lint (stylish)', ['lint', '--date', '2026-06-01']],
    ['list', ['list', 'applications']],
    ['show', ['show', 'diarium', '--date', '2026-06-01']],
    ['costs (table)', ['costs', '--year', '2026']],
    ['costs --by municipality', ['costs', '--year', '2026', '--by', 'municipality']],
    ['opportunities', ['opportunities', '--date', '2026-06-01']],
    ['history', ['history']],
  ])('%s', (_name, args) => {
    const result = runCli([...args, '--lang', 'en'], folder);
    expect(result.stderr).not.toMatch(/internal error/);
    expectHarmless(result.stdout);
    expectHarmless(result.stderr);
    if (['lint (stylish)', 'list', 'show'].includes(_name)) expect(result.stdout).toContain('Diarie\\n::error file=register/x.yaml,line=1::FORGED\\u001b]8;;http://evil.example/\\u0007klicka');
    else expect(result.stdout).toContain(_name === 'history' ? 'Diarie' : 'Diarie\\n');
  });

  it('an error line on stderr too', () => {
    const result = runCli(['show', 'nope\n::error::FORGED', '--lang', 'en'], folder);
    expect(result.status).toBe(2);
    expectHarmless(result.stderr);
    expect(result.stderr).toMatch(/^itreg: no entity "nope\\n::error::FORGED"/);
  });

  it('machine formats keep the data as it is', () => {
    const json = JSON.parse(runCli(['list', 'applications', '--format', 'json'], folder).stdout) as Array<{ name: string }>;
    expect(json[0]!.name).toBe(evilName);
  });
});
