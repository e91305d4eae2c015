// The rule registry: every rule, once. A test checks each file in this folder is listed and its id is its file name.
import agreementExpiry from './agreement-expiry.js';
import applicationHasAdministrator from './application-has-administrator.js';
import applicationHasOwner from './application-has-owner.js';
import classificationAssessed from './classification-assessed.js';
import continuityPlan from './continuity-plan.js';
import costSplit from './cost-split.js';
import criticalStaffing from './critical-staffing.js';
import dataProcessingAgreement from './data-processing-agreement.js';
import dateOrder from './date-order.js';
import documentReview from './document-review.js';
import documentation from './documentation.js';
import exception from './exception.js';
import hostingLocation from './hosting-location.js';
import idMatchesFilename from './id-matches-filename.js';
import itStaffTrainingPlan from './it-staff-training-plan.js';
import noPersonalIdentityNumber from './no-personal-identity-number.js';
import operationsAgreement from './operations-agreement.js';
import personalDataAssessed from './personal-data-assessed.js';
import processingBasis from './processing-basis.js';
import processingRecord from './processing-record.js';
import reference from './reference.js';
import schema from './schema.js';
import singleActiveOwner from './single-active-owner.js';
import specialistCompetence from './specialist-competence.js';
import supportAgreement from './support-agreement.js';
import textEncoding from './text-encoding.js';
import thirdCountryTransfer from './third-country-transfer.js';
import trainingPlan from './training-plan.js';
import trainingPlanReview from './training-plan-review.js';
import uniqueId from './unique-id.js';
import yamlSyntax from './yaml-syntax.js';
import type { Rule } from './define-rule.js';
export { ruleDocsUrl } from './docs-url.js';
import type { RuleId as ConfiguredRuleId } from '../types/rule-id.js';

/** In the order of DESIGN.md's rule table: integrity first, then policy. */
export const rules = [
  yamlSyntax,
  schema,
  uniqueId,
  idMatchesFilename,
  reference,
  applicationHasOwner,
  applicationHasAdministrator,
  singleActiveOwner,
  trainingPlan,
  trainingPlanReview,
  itStaffTrainingPlan,
  operationsAgreement,
  supportAgreement,
  agreementExpiry,
  dataProcessingAgreement,
  personalDataAssessed,
  processingRecord,
  processingBasis,
  thirdCountryTransfer,
  classificationAssessed,
  continuityPlan,
  hostingLocation,
  criticalStaffing,
  dateOrder,
  documentation,
  specialistCompetence,
  documentReview,
  costSplit,
  noPersonalIdentityNumber,
  exception,
  textEncoding,
] as const;

export type RuleId = (typeof rules)[number]['id'];

// The registry and the configuration schema name the same rules (types/rule-id.ts derives RuleId from the schema for
// the layers below this one): a rule missing on either side fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type RegistryMatchesSchema = Assert<Same<RuleId, ConfiguredRuleId>>;
export const ruleIds: readonly RuleId[] = rules.map((rule) => rule.id);

export function findRule(id: string): Rule | undefined {
  return (rules as readonly Rule[]).find((rule) => rule.id === id);
}

export function isRuleId(id: string): id is RuleId {
  return (ruleIds as readonly string[]).includes(id);
}
