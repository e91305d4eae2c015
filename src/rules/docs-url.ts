// The one address of a rule's documentation (docs/rules.md#<id> in the repository), for SARIF, `itreg rules` and the editor.
import { repositoryUrl } from '../util/paths.js';

/** docs/rules.md#<id> on the repository's main branch; undefined when package.json names no repository. */
export function ruleDocsUrl(id: string): string | undefined {
  return repositoryUrl === undefined ? undefined : `${repositoryUrl}/blob/main/docs/rules.md#${id}`;
}
