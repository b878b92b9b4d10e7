import { useEffect, useState } from 'preact/hooks';
import type { PortalPrefs, SectionId } from '../../../src/protocol/index.ts';
import { visibleSections } from '../../../src/settings/preferences.ts';
import type { Connector } from '../connector.ts';

/** The sections the user wants the popup to show for this portal (all until their answer comes). */
export function usePopupSections(connector: Connector, portalId: string | undefined, current: SectionId): SectionId[] {
  const [prefs, setPrefs] = useState<PortalPrefs | null>(null);
  useEffect(() => {
    setPrefs(null);
    if (!portalId) return undefined;
    let live = true;
    connector.send('getPortalBehaviour', { portalId }).then(
      (behaviour) => live && setPrefs(behaviour.prefs),
      () => undefined,
    );
    const off = connector.on('portalBehaviourChanged', (change) => {
      if (change.portalId === portalId) setPrefs(change.prefs);
    });
    return () => {
      live = false;
      off();
    };
  }, [connector, portalId]);
  return visibleSections(prefs, current);
}
