// documentation — a live application documents its routines, and its operations when operated in-house.
import { isLive } from '../model/register-model.js';
import { missingDocumentation } from '../model/policy.js';
import { defineRule, type Hit } from './define-rule.js';

export default defineRule({
  id: 'documentation',
  severity: 'warning',
  appliesTo: 'Application',
  docs: {
    description: {
      sv: 'En applikation i drift eller planerad som saknar dokumenterade rutiner (`documentation.routines`), eller som driftas i egen regi (`operatedBy`) men saknar driftdokumentation (`documentation.operations`).',
      en: 'An application, live or planned, without `documentation.routines`, or with `operatedBy` but without `documentation.operations`.',
    },
    policy: {
      chapter: '3',
      quote: 'Den systemansvarige ska säkerställa att det finns dokumentation som beskriver de egna rutinerna som systemansvarig och att det finns dokumentation för drift av applikationen.',
    },
    details: {
      sv: 'Värdet är en URI eller en sökväg i ett repo. Fyndet pekar på `documentation` när fältet finns, annars på postens första rad.',
      en: "The value is a URI or a repository path. Points at documentation when present, else at the entity's first line.",
    },
  },
  check(app) {
    if (!isLive(app)) return [];
    const path = app.documentation ? ['documentation'] : [];
    return missingDocumentation(app).map((missing): Hit => ({ path, message: { id: missing === 'routines' ? 'noRoutines' : 'noOperationsDocs', data: { app: app.name } } }));
  },
});
