import { readFileSync } from 'node:fs';
import type { ErrorData } from '../../../src/errors/index.ts';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Messages;

/** A message as chrome.i18n.getMessage renders it: named placeholders, then $1..$9. */
export function renderMessage(messages: Messages, key: string, substitutions: readonly string[] = []): string {
  const entry = messages[key];
  if (!entry) throw new Error(`no message "${key}"`);
  let text = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    return content ?? whole;
  });
  text = text.replace(/\$(\d)/g, (_whole, n: string) => substitutions[Number(n) - 1] ?? '');
  return text.replace(/\$\$/g, '$');
}

/** The English sentence a user reads for an error (what the page renders from `_locales/en`). */
export function english(error: Pick<ErrorData, 'key' | 'params'>): string {
  return renderMessage(en, `err_${error.key}`, error.params);
}

export function englishMessage(key: string, substitutions: readonly string[] = []): string {
  return renderMessage(en, key, substitutions);
}
