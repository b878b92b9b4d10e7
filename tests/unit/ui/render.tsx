import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import type { PagePlatform } from '../../../extension/platform/ports.ts';
import { PlatformContext } from '../../../extension/ui/platform-context.ts';

export function renderWith(platform: PagePlatform, ui: ComponentChildren) {
  return render(<PlatformContext.Provider value={platform}>{ui}</PlatformContext.Provider>);
}
