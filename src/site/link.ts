// Link: a reference as a page shows it, a link to the entity's page, plain text, or broken with its finding.
export interface Link {
  readonly text: string;
  readonly href?: string;
  /** A reference to nothing: why (the reference finding's message). */
  readonly broken?: string;
}
