// A municipality named on the command line (--municipality, report yearly --municipality): found, or one line saying
// which ids there are nearest.
import { UsageError } from '../errors.js';
import { suggestNearest } from '../i18n/index.js';
import type { Municipality } from '../types/entities.generated.js';
import type { RegisterModel } from './register-model.js';

export function requireMunicipality(register: RegisterModel, id: string): Municipality {
  const found = register.getOf('Municipality', id);
  if (found) return found;
  throw new UsageError({
    id: 'noMunicipality',
    data: {
      id,
      suggestion: suggestNearest(
        id,
        register.ofKind('Municipality').map((m) => m.id),
      ),
    },
  });
}
