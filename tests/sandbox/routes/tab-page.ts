// GET /__sandbox/tab-page: a stand-in for the user's own DocSpace tab (the web client), for the e2e test of the
// extension making way for it. Served on the portal's origin, it signs in as the web client does (POST
// /api/2.0/authentication, which sets the asc_auth_key cookie) with the user from its fragment
// (`#user=…&password=…&perSecond=10&count=300&path=/api/2.0/people/@self`), then sends `GET <path>` with that
// cookie at a steady rate, bounded in count, until `stopTabTraffic()` is called. Its requests are the log's
// entries with authScheme "cookie". `window.tabTraffic` says what it sent and what came back.
import type { Reply } from '../context.ts';
import type { Router } from '../router.ts';

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>DocSpace tab (sandbox)</title></head>
<body>
<p>Sent <output id="sent">0</output>, answered <output id="answered">0</output>,
refused <output id="refused">0</output>, failed <output id="failed">0</output>.</p>
<script>
(() => {
  const params = new URLSearchParams(location.hash.slice(1));
  const user = params.get('user') || '';
  const password = params.get('password') || '';
  const perSecond = Math.min(50, Math.max(0.5, Number(params.get('perSecond')) || 5));
  const count = Math.min(3000, Math.max(1, Number(params.get('count')) || 100));
  const path = params.get('path') || '/api/2.0/people/@self';
  const state = { signedIn: false, sent: 0, answered: 0, refused: 0, failed: 0, stopped: false, stoppedAt: null };
  window.tabTraffic = state;
  const show = () => {
    for (const name of ['sent', 'answered', 'refused', 'failed']) document.getElementById(name).textContent = String(state[name]);
  };
  // The beat comes from a worker: browsers clamp a background tab's own timers to one a second (Firefox did
  // while the popup was in front), and the test needs a tab that keeps its rate.
  const beat = new Worker(URL.createObjectURL(new Blob(
    ['setInterval(() => postMessage(0), ' + 1000 / perSecond + ');'],
    { type: 'text/javascript' },
  )));
  beat.onmessage = () => {
    if (!state.signedIn) return;
    if (state.stopped || state.sent >= count) {
      beat.terminate();
      return;
    }
    state.sent++;
    fetch(path, { cache: 'no-store' })
      .then((response) => {
        if (response.status === 429 || response.status === 503) state.refused++;
        else state.answered++;
      })
      .catch(() => state.failed++)
      .finally(show);
  };
  fetch('/api/2.0/authentication', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName: user, password }),
  }).then((response) => {
    state.signedIn = response.ok;
  });
  window.stopTabTraffic = () => {
    state.stopped = true;
    state.stoppedAt = Date.now();
    beat.terminate();
  };
})();
</script>
</body>
</html>
`;

export function registerTabPageRoute(router: Router): void {
  router.get('/__sandbox/tab-page', 'anonymous', (): Reply => ({
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    body: PAGE,
  }));
}
