// schema — a violation of the kind's JSON Schema, at the offending key or value.
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'schema',
  severity: 'error',
  scope: 'file',
  docs: {
    description: {
      sv: 'Ett brott mot posttypens JSON-schema: okänt fält, fel datatyp, ogiltigt värde eller ett obligatoriskt fält som saknas.',
      en: "A violation of the kind's JSON Schema: unknown field, wrong type, bad enum value or missing required field.",
    },
    details: {
      sv: 'Schemana i schema/ är formatets enda källa. Ett okänt fält föreslår närmaste kända namn. En fil med schemafel kontrolleras bara av integritetsreglerna tills felet är rättat.',
      en: 'The schemas in schema/ are the single source of truth. An unknown field suggests the nearest known name. A file with schema errors is checked by the integrity rules only until it is fixed.',
    },
  },
  check(source, context) {
    // An issue is a hit as it is (message, path, target): not copied, as a generated file can have 160,000.
    return context.recordFor(source)?.schemaIssues ?? [];
  },
});
