import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SchedulerSnapshot } from '../../src/protocol/index.ts';

type Panel = ComponentType<{ snapshot: SchedulerSnapshot | null }>;

/**
 * The request-activity panel, folded at the bottom and never part of the first view: its code loads after the
 * first paint, keeping the popup's start under its budget (scripts/build.mjs).
 */
export function LazyActivityPanel({ snapshot }: { snapshot: SchedulerSnapshot | null }) {
  const [Loaded, setLoaded] = useState<Panel | null>(null);
  useEffect(() => {
    let live = true;
    void import('../ui/components/ActivityPanel.tsx').then(
      ({ ActivityPanel }) => live && setLoaded(() => ActivityPanel),
    );
    return () => void (live = false);
  }, []);
  return Loaded ? <Loaded snapshot={snapshot} /> : null;
}
