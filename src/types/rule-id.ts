// A rule's id, derived from the configuration schema's rule names (schema/itreg.schema.json), so every layer can name a
// rule without importing the rule registry; rules/index.ts checks at compile time that the registry has the same ids.
import type { ConfigFile } from './entities.generated.js';

export type RuleId = keyof NonNullable<ConfigFile['rules']>;
