/** A `_locales/<lang>/messages.json` as the browser reads it. */
export type LocaleMessages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * `t` over a chosen language's messages, rendered as `i18n.getMessage` does (named placeholders, then
 * $1..$9, then $$). The browser's API only speaks the browser's language, so a chosen one is read this way;
 * a key missing here falls back to `fallback` (the browser's own), then to the key itself.
 */
export function createTranslator(
  messages: LocaleMessages,
  fallback?: (key: string, substitutions?: string | string[]) => string,
): (key: string, substitutions?: string | string[]) => string {
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return fallback ? fallback(key, substitutions) : key;
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      return content ?? whole;
    });
    return named.replace(/\$(\$|\d)/g, (_whole, what: string) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
  };
}
