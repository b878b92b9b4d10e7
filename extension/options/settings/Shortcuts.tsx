import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { usePlatform } from '../../ui/platform-context.ts';

/** Our command names → what they do, in the page's language (the browser gives no text for _execute_*). */
const LABELS: Record<string, string> = {
  _execute_action: 'commandOpenPopup',
  'open-side-panel': 'commandOpenSidePanel',
  _execute_sidebar_action: 'commandOpenSidePanel',
};

/** The keyboard shortcuts as the browser has them, and the way to change them. */
export function Shortcuts() {
  const platform = usePlatform();
  const { t } = platform;
  const [shortcuts, setShortcuts] = useState<Awaited<ReturnType<typeof platform.shortcuts>> | null>(null);
  const [where, setWhere] = useState(false);
  useEffect(() => {
    platform.shortcuts().then(setShortcuts, () => setShortcuts([]));
  }, [platform]);
  const change = async () => setWhere(!(await platform.openShortcutSettings().catch(() => false)));
  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('shortcutsHeading')}</h2>
      {shortcuts && (
        <dl class="facts" data-testid="shortcuts">
          {shortcuts.map((s) => (
            <Fragment key={s.name}>
              <dt>{LABELS[s.name] ? t(LABELS[s.name]!) : s.description || s.name}</dt>
              <dd>{s.shortcut ? <kbd>{s.shortcut}</kbd> : t('shortcutNotSet')}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      <button type="button" class="button" onClick={() => void change()}>
        {t('shortcutsChange')}
      </button>
      <p class="muted" role="status" data-testid="shortcuts-where">
        {where ? t('shortcutsWhereFirefox') : ''}
      </p>
    </section>
  );
}
