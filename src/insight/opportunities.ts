// findOpportunities(): collaboration candidates by the policy's four triggers (IT-policyn kap. 4, "Samverkan kan ske när …").
import type { Language } from '../i18n/index.js';
import { agreementTerms, isCurrentAgreement } from '../model/agreement-terms.js';
import { isLive, type RegisterModel } from '../model/register-model.js';
import type { Application } from '../types/entities.generated.js';
import { addMonths } from '../util/dates.js';

export type Trigger = 'agreement-ending' | 'poor-fit' | 'competence-risk' | 'same-product';

export interface Opportunity {
  readonly trigger: Trigger;
  readonly applications: readonly string[];
  readonly municipalities: readonly string[];
  readonly agreement?: string;
  readonly deadline?: string;
  /** The notice deadline lies before the date: notice can no longer be given; the agreement ends on its end. */
  readonly deadlinePassed?: boolean;
  readonly message: string;
}

const text = {
  sv: {
    'agreement-ending': (agreement: string, app: string, deadline: string, end: string) => `Avtalet ${agreement} för ${app} löper ut ${end}; sista dag för uppsägning är ${deadline}: läge att pröva samverkan ("Avtal är på väg ut").`,
    'deadline-passed': (agreement: string, app: string, deadline: string, end: string) => `Avtalet ${agreement} för ${app}: sista dag för uppsägning passerade ${deadline}, och avtalet löper ut ${end}: upphandla, avtala på nytt (gärna tillsammans) eller planera avvecklingen ("Avtal är på väg ut").`,
    'poor-fit': (app: string) => `${app} fungerar dåligt: läge att pröva en gemensam lösning ("Nuvarande applikation fungerar dåligt").`,
    'competence-risk': (app: string, reason: string) => `${app}: ${reason} ("Svårigheter att upprätthålla kompetens på nuvarande applikation").`,
    riskHigh: 'kompetensrisken är bedömd som hög',
    riskFew: (n: number) => (n === 0 ? 'ingen gällande systemansvarig eller specialist' : 'bara en gällande person som systemansvarig eller specialist'),
    'same-product': (product: string, apps: string, n: number) => `${product} används av ${n} kommuner i separata installationer (${apps}): läge för gemensam upphandling eller drift ("Flera kommuner använder redan samma applikation").`,
  },
  en: {
    'agreement-ending': (agreement: string, app: string, deadline: string, end: string) => `Agreement ${agreement} for ${app} ends on ${end}; the notice deadline is ${deadline}: time to consider collaboration ("the agreement is running out").`,
    'deadline-passed': (agreement: string, app: string, deadline: string, end: string) => `Agreement ${agreement} for ${app}: the notice deadline passed on ${deadline}, and the agreement ends on ${end}: procure, agree anew (together, preferably) or plan the retirement ("the agreement is running out").`,
    'poor-fit': (app: string) => `${app} works poorly: time to consider a shared solution ("the current application works poorly").`,
    'competence-risk': (app: string, reason: string) => `${app}: ${reason} ("competence is hard to keep for the current application").`,
    riskHigh: 'the competence risk is assessed as high',
    riskFew: (n: number) => (n === 0 ? 'no current administrator or specialist' : 'only one current person as administrator or specialist'),
    'same-product': (product: string, apps: string, n: number) => `${product} is used by ${n} municipalities in separate installations (${apps}): a case for joint procurement or operation ("several municipalities already use the same application").`,
  },
} as const;

/** `vendor.product` compared case-insensitively with white space folded. */
function productKey(product: string): string {
  return product.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function findOpportunities(register: RegisterModel, date: string, months: number, language: Language): Opportunity[] {
  const t = text[language];
  const horizon = addMonths(date, months);
  const live = register.ofKind('Application').filter(isLive);
  const found: Opportunity[] = [];

  for (const app of live) {
    for (const agreement of register.agreements(app.id)) {
      const { noticeDeadline: deadline, end } = agreementTerms(agreement, date);
      if (!deadline || !end || !isCurrentAgreement(agreement, date) || deadline > horizon) continue;
      // A deadline already passed is no date to act by: the message says what is left to do before the end.
      const passed = deadline < date;
      found.push({
        trigger: 'agreement-ending',
        applications: [app.id],
        municipalities: app.municipalities,
        agreement: agreement.id,
        deadline,
        ...(passed ? { deadlinePassed: true } : {}),
        message: t[passed ? 'deadline-passed' : 'agreement-ending'](agreement.name, app.name, deadline, end),
      });
    }
    if (app.assessment?.fit === 'poor') {
      found.push({ trigger: 'poor-fit', applications: [app.id], municipalities: app.municipalities, message: t['poor-fit'](app.name) });
    }
    const people = register.currentRoles(app.id, 'system-administrator', date).length + register.currentRoles(app.id, 'specialist', date).length;
    if (app.assessment?.competenceRisk === 'high' || people <= 1) {
      const reason = app.assessment?.competenceRisk === 'high' ? t.riskHigh : t.riskFew(people);
      found.push({ trigger: 'competence-risk', applications: [app.id], municipalities: app.municipalities, message: t['competence-risk'](app.name, reason) });
    }
  }

  const byProduct = new Map<string, Application[]>();
  for (const app of live) {
    if (!app.vendor?.product) continue;
    const key = productKey(app.vendor.product);
    byProduct.set(key, [...(byProduct.get(key) ?? []), app]);
  }
  for (const apps of byProduct.values()) {
    const sets = new Set(apps.map((a) => [...a.municipalities].sort().join(',')));
    if (apps.length < 2 || sets.size < 2) continue;
    const municipalities = [...new Set(apps.flatMap((a) => a.municipalities))];
    found.push({
      trigger: 'same-product',
      applications: apps.map((a) => a.id),
      municipalities,
      message: t['same-product'](apps[0]!.vendor!.product!, apps.map((a) => a.name).join(', '), municipalities.length),
    });
  }

  // By deadline (the date to act on); the rest after, by trigger and application.
  const order: Trigger[] = ['agreement-ending', 'poor-fit', 'competence-risk', 'same-product'];
  return found.sort((a, b) => {
    if (a.deadline !== b.deadline) return a.deadline === undefined ? 1 : b.deadline === undefined ? -1 : a.deadline < b.deadline ? -1 : 1;
    return order.indexOf(a.trigger) - order.indexOf(b.trigger) || (a.applications[0]! < b.applications[0]! ? -1 : 1);
  });
}
