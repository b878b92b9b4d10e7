import { visibleText } from '../../../src/format/text.ts';
import { usePlatform } from '../platform-context.ts';

/**
 * A string that came from the portal: rendered as text (never HTML), isolated so it cannot reorder what
 * surrounds it, with its own reordering characters made visible, and a placeholder when it is empty.
 */
export function ServerText({ text, class: className }: { text: string; class?: string }) {
  const { t } = usePlatform();
  const shown = text.trim() === '' ? t('untitled') : visibleText(text);
  return <bdi class={className ? `server-text ${className}` : 'server-text'}>{shown}</bdi>;
}
