import { sectionRoots, type SectionRoots } from '../../../src/docspace/api-listing.ts';
import type { PortalSession } from '../../../src/sessions/portal-session.ts';

/** The account's section roots, asked for once per session. */
export function rootsOf(session: PortalSession): Promise<SectionRoots> {
  return session.remember('roots', () => sectionRoots(session.client));
}
