import { visibleText } from '../../../src/format/text.ts';
import { usePlatform } from '../platform-context.ts';

/**
 * A `_locales` message whose parameters come from the portal (titles, names): each parameter is its own <bdi>,
 * so a right-to-left name cannot reorder the sentence around it, and its own reordering marks are shown.
 * The message is made with a private-use mark and the parameter's digit in each place, then cut there.
 */
export function Sentence({ k, params }: { k: string; params: readonly string[] }) {
  const parts = usePlatform()
    .t(
      k,
      params.map((_, i) => `\uE000${i}`),
    )
    .split(/\uE000(\d)/);
  return <>{parts.map((part, i) => (i % 2 ? <bdi class="server-text">{visibleText(params[+part]!)}</bdi> : part))}</>;
}
