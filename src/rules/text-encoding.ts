// text-encoding — mojibake (Ã¤, â€, the seed's p¬/sªtt/fºr), U+FFFD or control characters in a string.
import type { Message } from '../i18n/index.js';
import type { JsonPath } from '../types/json-path.js';
import { offsetOf } from '../register/positions.js';
import { positionAt } from '../register/source.js';
import { defineRule, type Hit } from './define-rule.js';

// UTF-8 read as Windows-1252: Ã or Â followed by what a continuation byte becomes; â€ starts ’ “ ” – — …
const DOUBLE_ENCODED = /Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|Â[\u00A0-\u00BF]|â€/u;
// UTF-8 read as Mac Roman, as in the seed: "p¬ ett", "sªtt", "fºr" (å, ä, ö).
const MAC_ROMAN = /(?<=\p{L})[¬ªº]|[¬ªº](?=\p{L})/u;
const REPLACEMENT = /\uFFFD/u;
// C0 controls but tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

// Every problem above contains one of these characters: most strings are cleared by this one test.
const SUSPECT = /[ÃÂâ¬ªº\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** The first encoding problem in a string: the message and the offending text. */
export function encodingProblem(text: string): { message: Message; found: string } | undefined {
  if (!SUSPECT.test(text)) return undefined;
  const mojibake = DOUBLE_ENCODED.exec(text) ?? MAC_ROMAN.exec(text);
  if (mojibake) {
    const start = Math.max(0, mojibake.index - 3);
    const shown = text.slice(start, mojibake.index + mojibake[0].length + 3).trim();
    return { message: { id: 'mojibake', data: { text: shown } }, found: mojibake[0] };
  }
  if (REPLACEMENT.test(text)) return { message: { id: 'replacementChar' }, found: '\uFFFD' };
  const control = CONTROL.exec(text);
  if (control) {
    const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return { message: { id: 'controlChar', data: { code } }, found: control[0] };
  }
  return undefined;
}

export default defineRule({
  id: 'text-encoding',
  severity: 'warning',
  scope: 'file',
  docs: {
    description: {
      sv: 'Skadad text (mojibake som "Ã¤", "Ã¶", "Ã¥", "â€"), U+FFFD eller styrtecken i en sträng.',
      en: 'Mojibake ("Ã¤", "Ã¶", "Ã¥", "â€"), U+FFFD or control characters in a string.',
    },
    details: {
      sv: 'Text som kodats två gånger uppstår när UTF-8 läses som Windows-1252 eller Mac Roman; själva IT-policyn visar sådana skador ("p¬ ett likartat sªtt"). Fyndet pekar på den skadade texten.',
      en: 'Doubly encoded text appears when UTF-8 is read as Windows-1252 or Mac Roman; the IT policy itself shows such damage ("p¬ ett likartat sªtt"). The finding points at the damaged text.',
    },
  },
  check(source) {
    // Every string comes from the text, or from an escape in it: a text with neither a suspect character nor a backslash
    // has no string to look at.
    if (!SUSPECT.test(source.text) && !source.text.includes('\\')) return [];
    const hits: Hit[] = [];
    const report = (text: string, at: JsonPath, target: 'key' | 'value'): void => {
      const problem = encodingProblem(text);
      if (!problem) return;
      // Point at the damaged characters where they stand as such in the source (not escaped), else at the string.
      const start = offsetOf(source, at, target);
      const found = source.text.indexOf(problem.found, start);
      const exact = found >= 0 && found - start <= text.length + 2;
      hits.push({ position: positionAt(source.text, exact ? found : start), message: problem.message });
    };
    // One path array, pushed and popped, copied only for a hit.
    const path: Array<string | number> = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') {
        if (SUSPECT.test(value)) report(value, [...path], 'value');
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => {
          path.push(i);
          walk(item);
          path.pop();
        });
      } else if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value)) {
          path.push(key);
          if (SUSPECT.test(key)) report(key, [...path], 'key');
          walk(item);
          path.pop();
        }
      }
    };
    walk(source.value);
    return hits;
  },
});
