// RFC 5545 details of the calendar writer: folding at 75 octets without splitting a character, and TEXT escaping.
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../../src/insight/calendar.js';

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds the 76th onto a line starting with a space', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });

  it('never splits a multi-byte character, and keeps every line within 75 octets', () => {
    const line = `SUMMARY:${'ö'.repeat(60)}`; // 8 + 120 octets
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(folded.split('\r\n')[0]).toBe(`SUMMARY:${'ö'.repeat(33)}`); // 8 + 66 octets; one more ö would make 76
  });
});

describe('escapeText', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('ends no content line at NEL, U+2028 or U+2029 and drops C1 controls and bidirectional overrides', () => {
    expect(escapeText('a\u0085b\u2028c\u2029d')).toBe('a\\nb\\nc\\nd');
    expect(escapeText('x\u009by\u202ez\u2066w\u200ev\u001bu')).toBe('xyzwvu');
    expect(escapeText('tab\tstays')).toBe('tab\tstays');
  });
});
