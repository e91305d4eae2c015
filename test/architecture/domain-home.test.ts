// Domain questions have one home (STYLE.md): nothing outside the rules and the lint engine imports a rule file, and the
// report's view models do not borrow a formatter's helpers.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers.js';

const src = join(projectRoot, 'src');
const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(src, f));
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import[^;]*? from '([^']+)';/gms)].map((m) => m[1]!);

describe('where domain questions live', () => {
  it('no module outside src/rules imports a rule file (only the registry and defineRule types)', () => {
    const offending = files
      .filter((file) => !relative(src, file).startsWith('rules/'))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => /\/rules\/(?!index\.js$|define-rule\.js$)[\w-]+\.js$/.test(spec))
          .map((spec) => `${relative(src, file)} → ${spec}`),
      );
    expect(offending).toEqual([]);
  });

  it("the report's view models import no formatter (the renderer may escape Markdown)", () => {
    const offending = files
      .filter((file) => relative(src, file).startsWith('report/') && !file.endsWith('render.ts'))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec.includes('/format/'))
          .map((spec) => `${relative(src, file)} → ${spec}`),
      );
    expect(offending).toEqual([]);
  });
});
