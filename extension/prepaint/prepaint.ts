// The popup's and the side panel's first script: a classic script of a few hundred bytes, built apart from the
// app as one file (scripts/build.mjs), that runs while the page is parsed. It puts the last view on screen in the
// first frame while the app's modules still load and the background answers (see ui/prepaint/paint-snapshot.ts). The
// theme comes first so the picture has the chosen colours.
import { paintSnapshot } from '../ui/prepaint/paint-snapshot.ts';
import type { SnapshotKey } from '../ui/prepaint/snapshot-store.ts';
import { applyTheme, cachedSettings } from '../ui/settings/display-cache.ts';

const view = document.currentScript?.dataset['view'];
applyTheme(cachedSettings().theme);
const app = document.getElementById('app');
if (app && (view === 'popup' || view === 'sidepanel') && paintSnapshot(app, view satisfies SnapshotKey))
  performance.mark('prepaint');
