// assembleReport() and renderReport() in-process: what `itreg report` computes, without the CLI: the trend from git's
// month ends, last year's key figures, the commit, the view a template gets.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { readConfig } from '../../src/register/config.js';
import { assembleReport, pdfFooter, renderReport } from '../../src/report/assemble.js';
import { commitAt, git, registerFrom } from '../helpers.js';

const request = { year: 2026, date: '2026-06-01', template: 'yearly' };

describe('assembleReport', () => {
  it("takes the trend from the month ends git has a commit in, and last year's figures from the year's end", async () => {
    const folder = registerFrom('clean');
    git(folder, 'init', '--quiet', '--initial-branch=main');
    commitAt(folder, '2025-12-20T12:00:00+01:00', 'last year');
    commitAt(folder, '2026-03-10T12:00:00+01:00', 'march');
    const config = readConfig(join(folder, 'itreg.yaml'), 'en');
    const input = await assembleReport(config, request);
    expect(input.trend.map((point) => point.date)).toEqual(['2026-03-31']);
    expect(input.previous?.date).toBe('2025-12-31');
    expect(input.commit).toMatch(/^[0-9a-f]{7,}$/);
    expect(input.history).toBeDefined();
    expect(pdfFooter(input)).toBe(`Testkommunerna · Register assessed on 2026-06-01 · version ${input.commit}`);
    expect(renderReport(input, { template: 'yearly', format: 'md' })).toContain('Testkommunerna');
  });

  it('outside git: no history, trend or commit, and the report still renders', async () => {
    const folder = registerFrom('clean');
    const input = await assembleReport(readConfig(join(folder, 'itreg.yaml'), 'en'), request);
    expect(input.history).toBeUndefined();
    expect(input.trend).toEqual([]);
    expect(input.commit).toBeUndefined();
    expect(pdfFooter(input)).toBe('Testkommunerna · Register assessed on 2026-06-01');
    expect(renderReport(input, { template: 'application', id: 'diarium', format: 'md' })).toContain('Diariesystem');
  });

  it('refuses a municipality or an application the register does not have', async () => {
    const config = readConfig(join(registerFrom('clean'), 'itreg.yaml'), 'en');
    await expect(assembleReport(config, { ...request, municipality: 'nowhere' })).rejects.toThrow(UsageError);
    const input = await assembleReport(config, request);
    expect(() => renderReport(input, { template: 'application', id: 'nothing', format: 'md' })).toThrow(UsageError);
    expect(() => renderReport(input, { template: 'costs', format: 'md' })).toThrow(UsageError);
  });
});
