import { useEffect, useState } from 'preact/hooks';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type { PortalBehaviour, SectionId } from '../../../src/protocol/index.ts';
import { LIMIT_RANGES } from '../../../src/portals/portal-limits.ts';
import {
  CUSTOM_FIELDS,
  KEPT_FOR_OTHERS_MAX,
  formForLimits,
  limitsForProfile,
  type BehaviourForm,
} from '../../../src/settings/limit-profile.ts';
import { ALL_SECTIONS, LIMIT_PROFILES } from '../../../src/settings/preferences.ts';
import { DEFAULT_LIMITS } from '../../../src/scheduler/limits.ts';
import { ErrorNotice } from '../../ui/components/ErrorNotice.tsx';
import type { Connector } from '../../ui/connector.ts';
import { usePlatform } from '../../ui/platform-context.ts';

const DEFAULTS: Record<(typeof CUSTOM_FIELDS)[number], number> = {
  requestsPer10s: DEFAULT_LIMITS.windows[0]!.limit,
  requestsPerMinute: DEFAULT_LIMITS.windows[1]!.limit,
  concurrentReads: DEFAULT_LIMITS.concurrentReads,
  concurrentWrites: DEFAULT_LIMITS.concurrentWrites,
  dailyWrites: DEFAULT_LIMITS.dailyWrites,
};

/** One portal's limit profile, the share kept for other apps, and the popup's sections; saved together. */
export function PortalBehaviourForm({ connector, portalId }: { connector: Connector; portalId: string }) {
  const { t } = usePlatform();
  const [loaded, setLoaded] = useState<PortalBehaviour | null>(null);
  const [form, setForm] = useState<BehaviourForm | null>(null);
  const [sections, setSections] = useState<SectionId[]>([...ALL_SECTIONS]);
  const [error, setError] = useState<ErrorData | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let current = true;
    setLoaded(null);
    connector.send('getPortalBehaviour', { portalId }).then(
      (behaviour) => {
        if (!current) return;
        setLoaded(behaviour);
        setForm(formForLimits(behaviour.limits, behaviour.prefs.limitProfile));
        setSections(behaviour.prefs.popupSections ?? [...ALL_SECTIONS]);
      },
      (e: unknown) => current && setError(toErrorData(e)),
    );
    return () => void (current = false);
  }, [connector, portalId]);

  if (!loaded || !form) return error ? <ErrorNotice error={error} /> : <p class="muted">{t('loading')}</p>;

  const change = (next: Partial<BehaviourForm>) => {
    setSaved(false);
    setForm({ ...form, ...next });
  };
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const behaviour = await connector.send('setPortalBehaviour', {
        portalId,
        prefs: { limitProfile: form.profile, popupSections: ALL_SECTIONS.filter((s) => sections.includes(s)) },
        limits: limitsForProfile(form, loaded.limits) as Record<string, number>,
      });
      setLoaded(behaviour);
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  return (
    <form class="settings-stack" onSubmit={(e) => void save(e)} noValidate data-testid="portal-behaviour">
      <fieldset>
        <legend>{t('limitProfileLegend')}</legend>
        <div class="radio-row">
          {LIMIT_PROFILES.map((profile) => (
            <label key={profile}>
              <input
                type="radio"
                name="limitProfile"
                value={profile}
                checked={form.profile === profile}
                onChange={() => change({ profile })}
              />
              {t(`limitProfile_${profile}`)}
            </label>
          ))}
        </div>
        <p class="muted">{t(`limitProfileHint_${form.profile}`)}</p>
        {form.profile === 'off' && (
          <p class="notice notice-error" data-testid="limits-off-warning">
            {t('limitProfileOffWarning')}
          </p>
        )}
      </fieldset>
      {form.profile === 'custom' && (
        <div class="number-grid">
          {CUSTOM_FIELDS.map((field) => (
            <label class="field" key={field}>
              <span>{t(`limit_${field}`)}</span>
              <input
                type="number"
                name={field}
                min={LIMIT_RANGES[field][0]}
                max={LIMIT_RANGES[field][1]}
                step={1}
                value={form.custom[field] ?? DEFAULTS[field]}
                onInput={(e) => {
                  const value = e.currentTarget.valueAsNumber;
                  change({ custom: { ...form.custom, [field]: Number.isFinite(value) ? value : undefined } });
                }}
              />
            </label>
          ))}
        </div>
      )}
      <label class="field">
        <span>{t('keptForOthersLabel')}</span>
        <input
          type="number"
          name="keptForOthers"
          min={0}
          max={KEPT_FOR_OTHERS_MAX}
          step={1}
          aria-describedby="kept-hint"
          value={form.keptForOthers}
          onInput={(e) => change({ keptForOthers: e.currentTarget.valueAsNumber || 0 })}
        />
        <small class="muted" id="kept-hint">
          {t('keptForOthersHint', [String(KEPT_FOR_OTHERS_MAX)])}
        </small>
      </label>
      <fieldset>
        <legend>{t('popupSectionsLegend')}</legend>
        <div class="check-list">
          {ALL_SECTIONS.map((section) => (
            <label key={section}>
              <input
                type="checkbox"
                name="popupSection"
                value={section}
                checked={sections.includes(section)}
                // The last one stays: a popup with no section has nothing to open.
                disabled={sections.length === 1 && sections.includes(section)}
                onChange={(e) => {
                  setSaved(false);
                  setSections(e.currentTarget.checked ? [...sections, section] : sections.filter((s) => s !== section));
                }}
              />
              {t(`section_${section}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {error && <ErrorNotice error={error} />}
      <div class="form-actions">
        <button type="submit" class="button button-primary">
          {t('saveBehaviour')}
        </button>
        <span role="status" class="muted" data-testid="behaviour-saved">
          {saved ? t('saved') : ''}
        </span>
      </div>
    </form>
  );
}
