// Records of processing (GDPR art. 30) as the model answers them: which applications need one, which processing
// activities are current, which transfers lack a safeguard. The rules and `report processing` ask here.
import type { Agreement, Application, Processing } from '../types/entities.generated.js';
import { isWithin } from '../util/dates.js';
import { isThirdCountry } from './countries.js';
import type { RegisterModel } from './register-model.js';

export type Transfer = NonNullable<Processing['transfers']>[number];
export type SubProcessor = NonNullable<Agreement['subProcessors']>[number];

/** An application that processes personal data must be in a record of processing (art. 30.1). */
export function needsProcessingRecord(app: Application): boolean {
  return app.personalData === 'personal' || app.personalData === 'sensitive';
}

/** Current on `date`: within its `start`/`end` (either absent: open). */
export function isCurrentProcessing(processing: Processing, date: string): boolean {
  return isWithin(date, processing.start, processing.end);
}

/** Whether a processing activity is ongoing, over or yet to start on `date`. */
export function processingState(processing: Processing, date: string): 'current' | 'ended' | 'upcoming' {
  if (isCurrentProcessing(processing, date)) return 'current';
  return processing.end !== undefined && processing.end < date ? 'ended' : 'upcoming';
}

/** The processing activities current on `date` that list the application. */
export function currentProcessingsOf(register: RegisterModel, appId: string, date: string): readonly Processing[] {
  return register.processingsFor(appId).filter((processing) => isCurrentProcessing(processing, date));
}

/** Whether a processing activity concerns special categories: one of its applications holds sensitive data. */
export function processesSensitiveData(register: RegisterModel, processing: Processing): boolean {
  return processing.applications.some((id) => register.getOf('Application', id)?.personalData === 'sensitive');
}

/** A transfer or sub-processor outside the EU/EEA with no chapter V safeguard (GDPR art. 44–46). */
export function lacksSafeguard(entry: { readonly country: string; readonly safeguard?: string }): boolean {
  return isThirdCountry(entry.country) && entry.safeguard === undefined;
}

/** Ended before `date`: a past processing activity is history, not checked. */
export function hasEnded(processing: Processing, date: string): boolean {
  return processing.end !== undefined && processing.end < date;
}
