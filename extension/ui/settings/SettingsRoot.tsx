import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { GlobalSettings } from '../../../src/protocol/index.ts';
import { createTranslator, type LocaleMessages } from '../../../src/settings/translator.ts';
import type { PagePlatform } from '../../platform/ports.ts';
import type { Connector } from '../connector.ts';
import { PlatformContext } from '../platform-context.ts';
import { applyTheme, cacheSettings, cachedSettings } from './display-cache.ts';

/**
 * Gives every page the user's theme and language: the page's platform with `t` over the chosen language's
 * messages (the browser's i18n cannot switch), re-rendered when the settings change in any page.
 */
export function SettingsRoot({
  platform,
  connector,
  children,
}: {
  platform: PagePlatform;
  connector: Connector;
  children: ComponentChildren;
}) {
  const [settings, setSettings] = useState<GlobalSettings>(cachedSettings);
  const [messages, setMessages] = useState<{ language: string; messages: LocaleMessages } | null>(null);

  useEffect(() => {
    const take = (next: GlobalSettings) => {
      cacheSettings(next);
      setSettings(next);
    };
    const off = connector.on('settingsChanged', take);
    connector.send('getSettings', {}).then(take, () => undefined);
    return off;
  }, [connector]);

  // Before the first paint: a page opened in the dark theme never flashes light.
  useLayoutEffect(() => applyTheme(settings.theme), [settings.theme]);

  const language = settings.language;
  useEffect(() => {
    if (language === 'system' || messages?.language === language) return;
    let current = true;
    platform.loadMessages(language).then(
      (loaded) => current && setMessages({ language, messages: loaded }),
      // Missing messages fall back to the browser's language, key by key.
      () => current && setMessages({ language, messages: {} }),
    );
    return () => void (current = false);
  }, [language, platform, messages?.language]);

  const chosen = language !== 'system' && messages?.language === language ? messages : null;
  const value = useMemo<PagePlatform>(
    () =>
      chosen
        ? { ...platform, t: createTranslator(chosen.messages, platform.t), uiLanguage: () => chosen.language }
        : platform,
    [platform, chosen],
  );
  useLayoutEffect(() => {
    document.documentElement.lang = value.uiLanguage();
  }, [value]);

  // A chosen language not loaded yet: nothing is painted in the wrong one (it is a chunk of the package, ms away).
  if (language !== 'system' && !chosen) return null;
  return <PlatformContext.Provider value={value}>{children}</PlatformContext.Provider>;
}
