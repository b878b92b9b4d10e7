import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads the first time it is rendered (a few milliseconds, from the extension itself),
 * then renders at once: what most openings never show stays out of the popup's first paint, which has a budget
 * (scripts/build.mjs).
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [Shown, setShown] = useState(() => loaded);
    useEffect(() => {
      if (Shown) return;
      let live = true;
      void load().then((component) => {
        loaded = component;
        if (live) setShown(() => component);
      });
      return () => void (live = false);
    }, []);
    return Shown ? <Shown {...props} /> : null;
  };
}
