import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PauseBanner as PauseBannerType } from './PauseBanner.tsx';

type Banner = typeof PauseBannerType;
let loaded: Banner | null = null;

/**
 * The pause banner, whose code loads the first time the portal asks to wait (rare, and the wait is seconds):
 * it is not part of the popup's first paint, which has a budget (scripts/build.mjs).
 */
export function LazyPauseBanner(props: ComponentProps<Banner>) {
  const paused = props.snapshot?.pause != null;
  const [Shown, setShown] = useState<Banner | null>(() => loaded);
  useEffect(() => {
    if (Shown || !paused) return;
    let live = true;
    void import('./PauseBanner.tsx').then((module) => {
      loaded = module.PauseBanner;
      if (live) setShown(() => module.PauseBanner);
    });
    return () => void (live = false);
  }, [paused]);
  return Shown && paused ? <Shown {...props} /> : null;
}
