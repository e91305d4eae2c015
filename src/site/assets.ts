// The site's static files: its stylesheet and script (templates/site/assets/) and MiniSearch's browser build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { templateDir } from '../report/render.js';

/** Template file of a site page: templates/site/<name>.html.hbs. */
export function siteTemplate(name: string): string {
  return join(templateDir, 'site', `${name}.html.hbs`);
}

/** The files every site holds under assets/, by name. */
export function siteAssets(): ReadonlyArray<{ name: string; content: string }> {
  // MiniSearch's UMD build sets window.MiniSearch: a plain <script> that works from file://, unlike a module.
  const minisearch = join(dirname(createRequire(import.meta.url).resolve('minisearch')), '..', 'umd', 'index.js');
  const own = (name: string) => ({ name, content: readFileSync(join(templateDir, 'site', 'assets', name), 'utf8') });
  return [own('site.css'), own('site.js'), { name: 'minisearch.js', content: readFileSync(minisearch, 'utf8') }];
}
