// Register text in Markdown (reports, opportunities --format md): as text, never as markup.

/**
 * Text for Markdown: no HTML can slip through (< > & as entities), no table breaks (| escaped), and no link, image or
 * emphasis can be formed from register text ([x](javascript:…), ![](http://tracker…/p.gif)): \\ ` * _ [ ] are
 * backslash-escaped, and so are ( after ] and ! before [ (CommonMark renders each as the character itself); other
 * parentheses and quotes stay as they are, so the Markdown stays readable as text. Applied to every
 * string of the view before a Markdown template, which is compiled without HTML escaping.
 */
export function escapeMarkdown(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkdownText(value);
  if (Array.isArray(value)) return value.map(escapeMarkdown);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeMarkdown(v)]));
  return value;
}

/** One string for Markdown text or a table cell (see escapeMarkdown). */
export function escapeMarkdownText(value: string): string {
  return (
    value
      .replace(/[\\`*_[\]]/g, '\\$&')
      // Only where a link or image could start: ordinary parentheses and exclamation marks stay readable.
      .replace(/\\\]\(/g, '\\]\\(')
      .replace(/!\\\[/g, '\\!\\[')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '\\|')
      .replace(/\r\n?|\n/g, ' ')
  );
}
