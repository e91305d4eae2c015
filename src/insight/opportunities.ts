// findOpportunities(): collaboration candidates by the policy's four triggers (IT-policyn kap. 4, "Samverkan kan ske när …").
import { translator, type Language, type Message, type MessageId } from '../i18n/index.js';
import { agreementState, type AgreementStateKey } from '../model/agreement-state.js';
import { isLive, type RegisterModel } from '../model/register-model.js';
import type { Application } from '../types/entities.generated.js';
import { addMonths } from '../util/dates.js';

export type Trigger = 'agreement-ending' | 'poor-fit' | 'competence-risk' | 'same-product';

export interface Opportunity<Words = string> {
  readonly trigger: Trigger;
  readonly applications: readonly string[];
  readonly municipalities: readonly string[];
  readonly agreement?: string;
  readonly deadline?: string;
  /** The agreement's current end and its state on the date (model/agreement-state.ts). */
  readonly end?: string;
  readonly state?: AgreementStateKey;
  /** The notice deadline lies before the date: notice can no longer be given; the agreement ends on its end. */
  readonly deadlinePassed?: boolean;
  readonly message: Words;
}

/** The catalogue's message for each state of an agreement that is an opportunity. */
const agreementMessages: Record<AgreementStateKey, MessageId> = {
  ends: 'opportunityAgreementEnds',
  renews: 'opportunityAgreementRenews',
  'deadline-passed': 'opportunityDeadlinePassed',
  terminated: 'opportunityTerminated',
  running: 'opportunityAgreementEnds',
  ended: 'opportunityAgreementEnds',
};

/** `vendor.product` compared case-insensitively with white space folded. */
function productKey(product: string): string {
  return product.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The opportunities with their messages in words of `language`. */
export function findOpportunities(register: RegisterModel, date: string, months: number, language: Language): Opportunity[] {
  const translate = translator(language);
  return detectOpportunities(register, date, months).map((o) => ({ ...o, message: translate(o.message) }));
}

/** The opportunities on `date` within `months`, each with a message id and its values (the catalogue words them). */
export function detectOpportunities(register: RegisterModel, date: string, months: number): Opportunity<Message>[] {
  const horizon = addMonths(date, months);
  const live = register.ofKind('Application').filter(isLive);
  const found: Opportunity<Message>[] = [];

  for (const app of live) {
    for (const agreement of register.agreements(app.id)) {
      const state = agreementState(agreement, date);
      const { noticeDeadline: deadline, end, terminated, renewsTo } = state.terms;
      if (!deadline || !end || !state.current || deadline > horizon) continue;
      // A deadline already passed is no date to act by: the message says what is left to do before the end.
      const passed = deadline < date;
      found.push({
        trigger: 'agreement-ending',
        applications: [app.id],
        municipalities: app.municipalities,
        agreement: agreement.id,
        deadline,
        end,
        state: state.key,
        ...(passed ? { deadlinePassed: true } : {}),
        message: { id: agreementMessages[state.key], data: { agreement: agreement.name, app: app.name, deadline, end, terminated, renewsTo: renewsTo?.end } },
      });
    }
    if (app.assessment?.fit === 'poor') {
      found.push({ trigger: 'poor-fit', applications: [app.id], municipalities: app.municipalities, message: { id: 'opportunityPoorFit', data: { app: app.name } } });
    }
    const people = register.currentRoles(app.id, 'system-administrator', date).length + register.currentRoles(app.id, 'specialist', date).length;
    if (app.assessment?.competenceRisk === 'high' || people <= 1) {
      const reason: Message = { id: app.assessment?.competenceRisk === 'high' ? 'opportunityRiskHigh' : people === 0 ? 'opportunityRiskNone' : 'opportunityRiskOne' };
      found.push({ trigger: 'competence-risk', applications: [app.id], municipalities: app.municipalities, message: { id: 'opportunityCompetenceRisk', data: { app: app.name, reason } } });
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
      message: { id: 'opportunitySameProduct', data: { product: apps[0]!.vendor!.product!, apps: apps.map((a) => a.name).join(', '), n: municipalities.length } },
    });
  }

  // By deadline (the date to act on); the rest after, by trigger and application.
  const order: Trigger[] = ['agreement-ending', 'poor-fit', 'competence-risk', 'same-product'];
  return found.sort((a, b) => {
    if (a.deadline !== b.deadline) return a.deadline === undefined ? 1 : b.deadline === undefined ? -1 : a.deadline < b.deadline ? -1 : 1;
    return order.indexOf(a.trigger) - order.indexOf(b.trigger) || (a.applications[0]! < b.applications[0]! ? -1 : 1);
  });
}
