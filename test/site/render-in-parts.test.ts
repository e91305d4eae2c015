// A site page's long lists are rendered and written a few items at a time (renderInParts; bench/site.mjs: a 1 MB page
// as one string cost the 10,011-file site memory). Its parts joined must be the page Handlebars renders in one piece:
// every page of the example register's site with every list of more than one item split, Swedish and English, and a
// template with the cases a list can be in (inside indented partials, inline, nested, with @index and block params).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/cli/io.js';
import { UsageError } from '../../src/errors.js';
import { runRules } from '../../src/lint/run-rules.js';
import { loadRegister } from '../../src/register/load.js';
import { RegisterModel } from '../../src/model/register-model.js';
import { reportLabels } from '../../src/report/labels.js';
import { renderInParts, renderTemplate } from '../../src/report/render.js';
import { rules } from '../../src/rules/index.js';
import { siteTemplate } from '../../src/site/assets.js';
import { buildSite, rootOf } from '../../src/site/build.js';
import { siteLabels } from '../../src/site/labels.js';
import { projectRoot, temporaryFolder } from '../helpers.js';

const joined = (file: string, view: object, atATime: number) => {
  const rendered = renderInParts(file, view, atATime);
  return { text: rendered.text, whole: [...rendered.parts(rendered.text)].join('') };
};

describe('renderInParts', () => {
  it.each(['sv', 'en'] as const)('gives every page of the example site as Handlebars renders it in one piece (%s)', (lang) => {
    const config = loadConfig({ cwd: projectRoot, lang });
    const date = '2026-06-01';
    const register = new RegisterModel(loadRegister(config));
    const findings = runRules(register, rules, { date, language: lang }).findings;
    const site = buildSite({ register, config, date, language: lang, findings });
    const frame = { lang, name: config.name, date, commit: 'abc1234', l: siteLabels[lang], t: reportLabels[lang], redacted: false, year: 2026 };
    let pages = 0;
    let split = 0;
    for (const page of site.pages()) {
      const view = Object.assign({}, frame, page.view, { base: rootOf(page.path) });
      const expected = renderTemplate(siteTemplate(page.template), view);
      const { text, whole } = joined(siteTemplate(page.template), view, 1);
      expect(whole, page.path).toBe(expected);
      if (text !== expected) split++;
      pages++;
    }
    expect(pages).toBeGreaterThan(100);
    expect(split).toBeGreaterThan(pages / 2); // the lists were left out, not rendered in one piece after all
  });

  it('reports a mistake met while a list is written in parts as it does in one piece: one line naming the template', () => {
    const folder = temporaryFolder();
    const file = join(folder, 'broken.html.hbs');
    writeFileSync(file, '<ul>\n{{#each items}}\n  <li>{{noSuchHelper name}}</li>\n{{/each}}\n</ul>\n');
    const items = Array.from({ length: 5 }, (_, i) => ({ name: `n${i}` }));
    const rendered = (atATime: number) => () => {
      const { text, parts } = renderInParts(file, { items }, atATime);
      return [...parts(text)].join('');
    };
    const message = (render: () => string) => {
      try {
        render();
      } catch (error: unknown) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    const whole = message(rendered(10));
    expect(whole).toContain(`${file}: `);
    expect(whole).toContain('noSuchHelper');
    expect(message(rendered(2))).toBe(whole);
  });

  it('keeps indentation, @index, @first, @last and block parameters, nested and inline lists included', () => {
    const folder = temporaryFolder();
    const file = join(folder, 'page.html.hbs');
    writeFileSync(
      file,
      [
        '<main>',
        '    {{> site/app-table rows=apps}}',
        '  <ol>{{#each items as |item i|}}<li data-i="{{i}}">{{@index}}{{#if @first}} first{{/if}}{{#if @last}} last{{/if}}: {{item.name}}',
        '  {{#each item.parts}}<b>{{this}}</b>{{/each}}</li>{{/each}}</ol>',
        '  <ul>',
        '  {{#each items}}',
        '    <li>{{name}}{{#each parts}}',
        '      <i>{{@../index}}.{{@index}} {{this}}</i>{{/each}}</li>',
        '  {{/each}}',
        '  </ul>',
        '{{#each none}}<p>{{this}}</p>{{else}}<p>none</p>{{/each}}',
        // A list that ends an indented partial: Handlebars leaves the empty line after it unindented.
        '{{#*inline "last"}}',
        '<ul>',
        '{{#each items}}',
        '  <li>{{name}}</li>',
        '{{/each}}',
        '{{/inline}}',
        '<div>',
        '    {{> last}}',
        '</div>',
        '</main>',
        '',
      ].join('\n'),
    );
    const items = Array.from({ length: 7 }, (_, i) => ({ name: `Namn ${i} <&>`, parts: Array.from({ length: i }, (_, j) => `del ${j}`) }));
    const apps = Array.from({ length: 5 }, (_, i) => ({
      name: `App ${i}`,
      href: `application/app-${i}.html`,
      type: 'Verksamhet',
      municipalities: [{ text: 'Åmål', href: 'municipality/amal.html' }],
      level: 2,
      levelName: 'Gemensam',
      errors: i,
      errorsText: `${i} fel`,
      warnings: 0,
    }));
    const view = { l: siteLabels.sv, t: reportLabels.sv, base: '', apps, items, none: [] };
    const expected = renderTemplate(file, view);
    expect(expected).toContain('\n        <tr data-municipality'); // the partial's rows, indented by it
    expect(expected).toContain('      <li>Namn 6 &lt;&amp;&gt;</li>\n</div>');
    for (const atATime of [1, 2, 3, 6, 7]) {
      const { text, whole } = joined(file, view, atATime);
      expect(whole, `${atATime} at a time`).toBe(expected);
      if (atATime < items.length) expect(text.length).toBeLessThan(expected.length);
    }
  });
});
