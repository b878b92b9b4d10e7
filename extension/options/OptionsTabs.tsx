import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PortalSummary } from '../../src/protocol/index.ts';
import type { Connector } from '../ui/connector.ts';
import { usePlatform } from '../ui/platform-context.ts';
import { ActivityView } from './activity/ActivityView.tsx';
import { SettingsView } from './settings/SettingsView.tsx';
import './options-views.css';

const TABS = ['portals', 'activity', 'settings'] as const;
type Tab = (typeof TABS)[number];

const fromHash = (): Tab => TABS.find((tab) => `#${tab}` === location.hash) ?? 'portals';

/** Portals / Activity / Settings as one tab list; the hash names the open tab, so each can be linked to. */
export function OptionsTabs({
  connector,
  portals,
  activePortalId,
  children,
}: {
  connector: Connector;
  portals: PortalSummary[];
  activePortalId: string | null;
  children: ComponentChildren;
}) {
  const { t } = usePlatform();
  const [tab, setTab] = useState<Tab>(fromHash);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onHash = () => setTab(fromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const open = (next: Tab, focus = false) => {
    setTab(next);
    history.replaceState(null, '', next === 'portals' ? location.pathname : `#${next}`);
    if (focus) requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`#options-tab-${next}`)?.focus());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.indexOf(tab);
    const to =
      {
        ArrowRight: (at + 1) % TABS.length,
        ArrowLeft: (at - 1 + TABS.length) % TABS.length,
        Home: 0,
        End: TABS.length - 1,
      }[event.key] ?? -1;
    if (to < 0) return;
    event.preventDefault();
    open(TABS[to]!, true);
  };
  return (
    <>
      <div ref={list} class="options-tabs" role="tablist" aria-label={t('optionsTabs')} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`options-tab-${name}`}
            class="options-tab"
            aria-selected={name === tab}
            aria-controls={`options-panel-${name}`}
            tabIndex={name === tab ? 0 : -1}
            onClick={() => open(name)}
          >
            {t(`optionsTab_${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`options-panel-${tab}`} aria-labelledby={`options-tab-${tab}`}>
        {tab === 'portals' && children}
        {tab === 'activity' && <ActivityView connector={connector} portals={portals} activePortalId={activePortalId} />}
        {tab === 'settings' && <SettingsView connector={connector} portals={portals} activePortalId={activePortalId} />}
      </div>
    </>
  );
}
