// unique-id — every file after the first that declares an id already used.
import type { EntityRecord } from '../register/load.js';
import { defineRule, type Hit } from './define-rule.js';

export default defineRule({
  id: 'unique-id',
  severity: 'error',
  scope: 'register',
  docs: {
    description: {
      sv: 'Varje fil efter den första som anger ett id som redan används.',
      en: 'Every file after the first that declares an id already in use.',
    },
    details: {
      sv: 'Filerna läses i sökvägsordning; den första behåller sitt id. Dubbletten ignoreras av policyreglerna tills den har fått ett eget id.',
      en: 'Files are read in path order; the first keeps its id. The duplicate is ignored by the policy rules until it has an id of its own.',
    },
  },
  check(context) {
    const first = new Map<string, EntityRecord>();
    const hits: Hit[] = [];
    for (const record of context.loaded.records) {
      if (record.id === undefined) continue;
      const earlier = first.get(record.id);
      if (earlier) hits.push({ source: record.source, path: ['id'], message: { id: 'duplicateId', data: { id: record.id, first: earlier.source.path } } });
      else first.set(record.id, record);
    }
    return hits;
  },
});
