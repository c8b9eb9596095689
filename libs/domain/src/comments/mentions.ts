// `@` opens a mention only at the start or after a character that cannot end a word or an address,
// so `bob@example.com` on its own is an address, not a mention of `example.com`.
const MENTION = /(?<![\w.@+-])@([a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi;
// Code is quoted, not addressed: fenced blocks and inline spans mention nobody.
const FENCED_CODE = /(^|\n)(```|~~~)[^\n]*\n[\s\S]*?(\n\2[^\n]*(?=\n|$)|$)/g;
const INLINE_CODE = /`[^`\n]*`/g;

/**
 * The emails named as `@email` in a comment's Markdown, lower-cased, each once, in order of first
 * appearance; mentions inside code are ignored. Whether they name team members is for the caller.
 */
export function extractMentions(body: string): string[] {
  const text = body.replace(FENCED_CODE, '$1').replace(INLINE_CODE, ' ');
  const emails: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    const email = match[1]!.toLowerCase();
    if (email.length <= 320 && !emails.includes(email)) emails.push(email);
  }
  return emails;
}
