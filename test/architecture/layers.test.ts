// The layers of src/, written once (docs/architecture.md draws them): a file imports only from its own layer or lower
// ones, no import graph has a cycle, and a command never imports a rule's file (only the registry).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Top to bottom; folders on one line are one layer. A top-level file of src/ is named by its file name. */
export const layers: readonly (readonly string[])[] = [
  ['cli'],
  // The language server: an entry point as cli/ is (`itreg lsp` starts it), below it so that it imports no command.
  ['lsp'],
  ['site', 'report'],
  ['format'],
  ['views'],
  ['lint'],
  ['rules'],
  ['insight', 'costs', 'import', 'git'],
  ['register'],
  ['model'],
  ['schema', 'errors.ts'],
  ['i18n'],
  ['util'],
  ['types'],
];

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Every file's relative imports, as paths below src/ (type-only imports count: they tie layers as much). */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const from = relative(root, file);
    const targets: string[] = [];
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = (match[1] ?? match[2])!;
      targets.push(relative(root, resolve(dirname(file), spec.replace(/\.js$/, '.ts'))));
    }
    graph.set(from, targets);
  }
  return graph;
}

export function layerOf(path: string): number {
  const top = path.split('/')[0]!;
  const index = layers.findIndex((layer) => layer.includes(top));
  if (index < 0) throw new Error(`src/${path} is in no layer: add its folder to the layers in test/architecture/layers.test.ts`);
  return index;
}

/** Imports from a lower layer to a higher one, as "from → to". */
export function upwardImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) for (const to of targets) if (layerOf(to) < layerOf(from)) found.push(`${from} → ${to}`);
  return found;
}

/** The strongly connected components of more than one file, or a file importing itself (Tarjan). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('architecture', () => {
  const graph = importGraph(src);

  it('reads the imports of every source file', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('cli/main.ts')).toContain('errors.ts');
  });

  it('has no import from a lower layer to a higher one', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps rule files out of the commands (they use the registry)', () => {
    const direct = [...graph].flatMap(([from, targets]) =>
      from.startsWith('cli/') ? targets.filter((to) => to.startsWith('rules/') && to !== 'rules/index.ts' && to !== 'rules/define-rule.ts').map((to) => `${from} → ${to}`) : [],
    );
    expect(direct).toEqual([]);
  });

  it('keeps every command thin: no file of src/cli/commands/ over 200 lines', () => {
    const long = [...graph.keys()].filter((file) => file.startsWith('cli/commands/')).map((file) => [file, readFileSync(join(src, file), 'utf8').split('\n').length - 1] as const);
    expect(long.length).toBeGreaterThan(10);
    expect(long.filter(([, lines]) => lines > 200)).toEqual([]);
  });

  it('keeps the domain model apart from files and formats', () => {
    const model = [...graph].flatMap(([from, targets]) => (from.startsWith('model/') ? targets.map((to) => `${from} → ${to}`) : []));
    expect(model.filter((edge) => /→ (register|import|lint|format|cli|site|report)\//.test(edge))).toEqual([]);
    for (const [from] of graph) if (from.startsWith('model/')) expect(readFileSync(join(src, from), 'utf8')).not.toMatch(/from '(node:fs|yaml|exceljs|csv-parse)/);
  });

  it('fails on an upward import and on a cycle (the checks can fail)', () => {
    const broken = new Map(graph);
    broken.set('util/dates.ts', [...(graph.get('util/dates.ts') ?? []), 'model/register-model.ts']);
    expect(upwardImports(broken)).toContain('util/dates.ts → model/register-model.ts');
    expect(cycles(broken).some((component) => component.includes('util/dates.ts'))).toBe(true);
  });
});
