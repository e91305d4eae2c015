// single-active-owner — no two system-owner assignments of one application overlap in time.
import { periodsOverlap } from '../util/dates.js';
import { defineRule, type Hit } from './define-rule.js';

export default defineRule({
  id: 'single-active-owner',
  severity: 'error',
  appliesTo: 'RoleAssignment',
  docs: {
    description: {
      sv: 'Två rollbemanningar som systemägare för samma applikation vars perioder överlappar.',
      en: 'Two system-owner assignments of one application whose periods overlap.',
    },
    policy: { chapter: '3', quote: 'Systemägaren har ansvaret för applikationen från beslutet om införande till dess att applikationen är avvecklad.' },
    details: {
      sv: 'En applikation har en systemägare i taget. Fyndet visas på den rollbemanning som börjar senare (vid samma start: den med senare id), vid dess `from`.',
      en: 'An application has one owner at a time. The finding is shown on the assignment that starts later (same start: the later id), at its from.',
    },
  },
  check(role, { register }) {
    if (role.role !== 'system-owner' || role.application === undefined) return [];
    const hits: Hit[] = [];
    for (const other of register.roles(role.application, 'system-owner')) {
      if (other === role) continue;
      const otherFirst = other.from < role.from || (other.from === role.from && other.id < role.id);
      if (otherFirst && periodsOverlap(role.from, role.until, other.from, other.until)) {
        const app = register.nameOf(role.application);
        hits.push({ path: ['from'], message: { id: 'overlappingOwners', data: { app, other: other.id, from: role.from, until: role.until ?? '' } } });
      }
    }
    return hits;
  },
});
