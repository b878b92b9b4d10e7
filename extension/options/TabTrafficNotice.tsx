import { useEffect, useState } from 'preact/hooks';
import { usePlatform } from '../ui/platform-context.ts';

/** Says when the user's DocSpace tabs are not counted (the permission was refused at Connect), and offers it. */
export function TabTrafficNotice() {
  const { t, tabTraffic } = usePlatform();
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void tabTraffic.allowed().then((on) => live && setAllowed(on));
    return () => {
      live = false;
    };
  }, [tabTraffic]);
  if (!tabTraffic.supported || allowed !== false) return null;
  return (
    <div class="notice" role="status" data-testid="tab-traffic-off">
      <p class="notice-text">{t('tabTrafficOff')}</p>
      <div class="notice-actions">
        <button type="button" class="button" onClick={() => void tabTraffic.allow().then(setAllowed)}>
          {t('tabTrafficAllow')}
        </button>
      </div>
    </div>
  );
}
