// unique-id — every file that declares an id another file keeps (the one named after it, else the first).
import { defineRule, type Hit } from './define-rule.js';

export default defineRule({
  id: 'unique-id',
  severity: 'error',
  scope: 'register',
  docs: {
    description: {
      sv: 'Varje fil som anger ett id som en annan fil redan har.',
      en: 'Every file that declares an id another file already has.',
    },
    details: {
      sv: 'Filen som heter som id:t (`<id>.yaml`) behåller det, annars den första i sökvägsordning; fyndet hamnar på den andra, till exempel kopian `it-a-copy.yaml`. Dubbletten ignoreras av policyreglerna tills den har fått ett eget id.',
      en: 'The file named after the id (`<id>.yaml`) keeps it, else the first in path order; the finding is on the other one, such as the copy `it-a-copy.yaml`. The duplicate is ignored by the policy rules until it has an id of its own.',
    },
  },
  check({ register }) {
    return register.laterDuplicates().map((record): Hit => {
      const first = register.recordById(record.id!)!;
      return { source: record.source, path: ['id'], message: { id: 'duplicateId', data: { id: record.id!, first: first.source.path } } };
    });
  },
});
