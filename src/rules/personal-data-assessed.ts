// personal-data-assessed — every live business application says whether it processes personal data.
import { isLive } from '../model/register-model.js';
import { GDPR_ARTICLE_30_1 } from './law-basis.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'personal-data-assessed',
  severity: 'warning',
  appliesTo: 'Application',
  docs: {
    description: {
      sv: 'Ett verksamhetssystem i drift eller planerat som saknar en bedömning av personuppgifter (`personalData`: `none`, `personal` eller `sensitive`).',
      en: 'A live business application without personalData (none, personal or sensitive): not assessed.',
    },
    basis: GDPR_ARTICLE_30_1,
    details: {
      sv: 'Verksamhetssystem behandlar nästan alltid personuppgifter. Bedömningen (`personalData`: `none`, `personal`, eller `sensitive` för känsliga personuppgifter enligt art. 9) avgör om ett personuppgiftsbiträdesavtal krävs. Fyndet pekar på applikationens första rad.',
      en: "Business systems almost always process personal data. The assessment (personalData: none, personal, or sensitive for the special categories of Art. 9) decides whether data-processing-agreement requires a processor agreement. The finding points at the application's first line.",
    },
  },
  check(app) {
    if (!isLive(app) || app.type !== 'business' || app.personalData !== undefined) return [];
    return [{ message: { id: 'personalDataNotAssessed', data: { app: app.name } } }];
  },
});
