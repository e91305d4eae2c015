// yaml-syntax — a file that is not valid YAML, holds several documents, or is not one mapping.
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  scope: 'file',
  docs: {
    description: {
      sv: 'En fil som inte är giltig YAML, innehåller flera dokument eller inte är en mappning.',
      en: 'A file that is not valid YAML, holds more than one document, or is not a mapping.',
    },
    details: {
      sv: 'Rapporteras vid parserns rad och kolumn. Övriga filer kontrolleras ändå. Filen måste vara UTF-8 utan olösta sammanslagningskonflikter.',
      en: "Reported at the parser's line and column. The other files are still checked. Files must be UTF-8 with no unresolved merge conflicts.",
    },
  },
  check(source) {
    return source.syntaxProblems.map((problem) => ({ message: problem.message, position: problem.position }));
  },
});
