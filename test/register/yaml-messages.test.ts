// The YAML mistakes people make get a message in Swedish and English that says what to do, at the right line.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { parseText } from '../../src/register/source.js';

const sv = translator('sv');
const en = translator('en');

describe('YAML syntax messages', () => {
  it.each([
    ['a line indented less than its siblings', 'kind: A\nvendor:\n  name: X\n product: Y\n', 4, /^fel indrag: /, /^wrong indentation: /],
    ['an unclosed bracket', 'kind: A\nmunicipalities: [amal, mellerud\nid: x\n', 3, /^fel indrag: .*stäng en \[ eller \{/, /^wrong indentation: .*close a \[ or \{/],
    // The parser notices at the end of the text; the finding points at the quote that was opened.
    ['an unclosed quote', 'kind: A\nname: "Bibliotek\nid: x\n', 2, /^ett citattecken öppnas men stängs inte: /, /^a quote is opened and not closed: /],
    ['an unclosed single quote after closed ones', "kind: A\na: 'it''s'\nb: \"x \\\" y\"\nc: 'open\nd: x\n", 4, /^ett citattecken öppnas/, /^a quote is opened/],
    ['": " inside a value', 'kind: A\nname: Lön: PA-system\n', 2, /^ett värde innehåller ": "/, /^a value holds ": "/],
    ['a line without its colon', 'kind: A\nname Bibliotek\nid: x\n', 2, /^en rad utan "nyckel: värde"/, /^a line without "key: value"/],
    ['a colon without a space', 'kind: A\nname:Bibliotek\nid: x\n', 2, /^en rad utan "nyckel: värde"/, /^a line without "key: value"/],
    ['a value beginning with @', 'kind: A\nowner: @anna\n', 2, /^ett värde kan inte börja med @: sätt det inom citattecken$/, /^a value cannot begin with @: put it in quotes$/],
    ['an unknown escape', 'kind: A\nname: "C:\\dir"\n', 2, /^okänd escape-sekvens \\d inom dubbla citattecken: skriv \\\\ för/, /^an unknown escape \\d in double quotes: write \\\\ for a backslash/],
  ])('%s', (_name, text, line, swedish, english) => {
    const [first] = parseText(text).syntaxProblems;
    expect(first).toBeDefined();
    expect(first!.position.line).toBe(line);
    expect(sv(first!.message)).toMatch(swedish);
    expect(en(first!.message)).toMatch(english);
  });
});
