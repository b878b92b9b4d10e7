import type { ComponentProps } from 'preact';
import { lazyComponent } from './lazy-component.tsx';
import type { PauseBanner } from './PauseBanner.tsx';

const Banner = lazyComponent(() => import('./PauseBanner.tsx').then((module) => module.PauseBanner));

/** The pause banner: loaded the first time the portal asks to wait (rare; the wait is seconds). */
export function LazyPauseBanner(props: ComponentProps<typeof PauseBanner>) {
  return props.snapshot?.pause ? <Banner {...props} /> : null;
}
