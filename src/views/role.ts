// roleView(): a role assignment as every output shows it: who holds it, where, from when, and whether it holds on the date.
import { isCurrentRole, type Role } from '../model/register-model.js';
import type { RoleAssignment } from '../types/entities.generated.js';

export interface RoleView {
  readonly id: string;
  readonly role: Role;
  readonly title: string;
  readonly unit: string;
  readonly from: string;
  readonly until?: string;
  readonly current: boolean;
}

export function roleView(role: RoleAssignment, date: string): RoleView {
  return {
    id: role.id,
    role: role.role,
    title: role.holder.title,
    unit: role.holder.unit,
    from: role.from,
    ...(role.until !== undefined ? { until: role.until } : {}),
    current: isCurrentRole(role, date),
  };
}
