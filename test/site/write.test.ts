// writeSite() in-process: the site written into a fresh folder and swapped in, redaction counted, a foreign folder left alone.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { readConfig } from '../../src/register/config.js';
import { checkSiteOutput, writeSite } from '../../src/site/write.js';
import { registerFrom, temporaryFolder, writeFiles } from '../helpers.js';

describe('writeSite', () => {
  it('writes the pages, the assets and the marker, and leaves no building folder behind', async () => {
    const folder = registerFrom('clean');
    const output = join(temporaryFolder(), 'site');
    const written = await writeSite(readConfig(join(folder, 'itreg.yaml'), 'en'), { output, date: '2026-06-01', buildId: 'test' });
    expect(written.pages).toBeGreaterThan(5);
    expect(written.unread).toEqual([]);
    expect(readFileSync(join(output, 'index.html'), 'utf8')).toContain('Testkommunerna');
    expect(existsSync(join(output, 'assets', 'search-index.js'))).toBe(true);
    expect(JSON.parse(readFileSync(join(output, '.itreg-site'), 'utf8'))).toMatchObject({ generator: 'itreg site', date: '2026-06-01', commit: null, redacted: false });
    expect(readdirSync(join(output, '..'))).toEqual(['site']);
    // A site itreg wrote may be replaced.
    expect(() => checkSiteOutput(output, 'site')).not.toThrow();
  });

  it('--redact: notes and holder names are counted and left out', async () => {
    const folder = registerFrom('clean');
    const app = join(folder, 'register/applications/diarium.yaml');
    writeFiles(folder, { 'register/applications/diarium.yaml': `${readFileSync(app, 'utf8')}notes: Ring Kalle om licensen\n` });
    const output = join(temporaryFolder(), 'site');
    const written = await writeSite(readConfig(join(folder, 'itreg.yaml'), 'en'), { output, date: '2026-06-01', redact: true, buildId: 'test' });
    expect(written.count.notes).toBe(1);
    const pages = readdirSync(output, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));
    expect(pages.some((path) => readFileSync(join(output, path), 'utf8').includes('Kalle'))).toBe(false);
  });

  it('refuses a file, or a folder with other things in it, as the output', () => {
    const parent = temporaryFolder();
    writeFileSync(join(parent, 'file'), '');
    mkdirSync(join(parent, 'folder'));
    writeFileSync(join(parent, 'folder', 'keep.txt'), '');
    expect(() => checkSiteOutput(join(parent, 'file'), 'file')).toThrow(UsageError);
    expect(() => checkSiteOutput(join(parent, 'folder'), 'folder')).toThrow(UsageError);
    expect(() => checkSiteOutput(join(parent, 'absent'), 'absent')).not.toThrow();
  });
});
