// unique-id — every file after the first that declares an id already used.
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
  check({ register }) {
    return register.laterDuplicates().map((record): Hit => {
      const first = register.recordById(record.id!)!;
      return { source: record.source, path: ['id'], message: { id: 'duplicateId', data: { id: record.id!, first: first.source.path } } };
    });
  },
});
