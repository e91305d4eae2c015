// Terminal colours for the stylish formatter: chalk when colour is on, plain text otherwise (chalk is then never loaded).

export interface Paint {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly underline: (text: string) => string;
  readonly bold: (text: string) => string;
}

const same = (text: string): string => text;
export const plain: Paint = { red: same, yellow: same, green: same, dim: same, underline: same, bold: same };

export async function loadPaint(color: boolean): Promise<Paint> {
  if (!color) return plain;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { red: c.red, yellow: c.yellow, green: c.green, dim: c.dim, underline: c.underline, bold: c.bold };
}
