// id-matches-filename — a file whose name is not <id>.yaml.
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'id-matches-filename',
  severity: 'warning',
  scope: 'file',
  docs: {
    description: {
      sv: 'En fil vars namn inte är <id>.yaml.',
      en: 'A file whose name is not <id>.yaml.',
    },
    details: {
      sv: 'När filnamnet och id:t är samma är registret lätt att hitta i och granska i git.',
      en: 'A file named after its id keeps the register easy to browse and to review in git.',
    },
  },
  check(source, context) {
    const id = context.recordFor(source)?.id;
    if (id === undefined) return [];
    const name = source.path.slice(source.path.lastIndexOf('/') + 1);
    const stem = name.replace(/\.ya?ml$/i, '');
    // <id>.yml matches as <id>.yaml does; the hint keeps the file's own ending.
    const ending = /\.yml$/i.test(name) ? '.yml' : '.yaml';
    return stem === id ? [] : [{ path: ['id'], message: { id: 'idFilename', data: { id, expected: `${id}${ending}` } } }];
  },
});
