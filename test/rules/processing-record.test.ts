// processing-record (DESIGN.md "Records of processing"): a live application with personal data is in a current
// processing activity, so the record of processing (GDPR art. 30) covers it.
import { describe, expect, it } from 'vitest';
import { diariumFile, processing, ruleFindings, withApp } from './law-register.js';

const personal = withApp('', 'personal');
const listed = (fields = '') => processing('diarieforing', `applications: [diarium]\n${fields}`);

describe('processing-record', () => {
  it.each([
    ['personal data in no processing activity', personal, 1],
    ['sensitive data in no processing activity', withApp('', 'sensitive'), 1],
    ['personal data in a current processing activity', { ...personal, ...listed() }, 0],
    ['one that started before and runs on', { ...personal, ...listed('start: 2020-01-01\n') }, 0],
    ['one that ended before the date', { ...personal, ...listed('start: 2020-01-01\nend: 2026-05-31\n') }, 1],
    ['one that starts after the date', { ...personal, ...listed('start: 2026-07-01\n') }, 1],
    ['a processing activity of another application', { ...personal, ...processing('annat', 'applications: [diarium-annat]\n') }, 1],
    ['no personal data', withApp(''), 0],
    ['not assessed', { [diariumFile]: withApp('')[diariumFile]!.replace(/^personalData: .*\n/m, '') }, 0],
    ['a retired application', withApp('lifecycle: { status: retired }\n', 'personal'), 0],
  ])('%s', (_name, changes, count) => {
    expect(ruleFindings('processing-record', changes)).toHaveLength(count);
  });

  it('is a warning at personalData, in both languages', () => {
    const [en] = ruleFindings('processing-record', withApp('', 'sensitive'));
    expect(en).toMatchObject({ severity: 'warning', file: diariumFile, line: 14, column: 15, entityId: 'diarium' });
    expect(en?.message).toBe('Diariesystem has sensitive personal data but is in no current processing activity of the record of processing: add a `Processing` that lists it under `applications`');
    const [sv] = ruleFindings('processing-record', personal, { language: 'sv' });
    expect(sv?.message).toBe(
      'Diariesystem har personuppgifter men finns inte med i någon gällande behandling i registerförteckningen: lägg till en behandling (`kind: Processing`) som listar den under `applications`',
    );
  });
});
