import type { Browser } from 'puppeteer-core';

/**
 * Runs privileged script in Firefox's parent process, where the add-on manager lives. WebDriver BiDi lists the
 * browser's chrome windows (`moz:scope: 'chrome'`) and evaluates in them only when Firefox was started with
 * --remote-allow-system-access. Puppeteer has no public API for this, so the raw BiDi commands go through its
 * connection.
 */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

export async function evaluateInParent(browser: Browser, body: string): Promise<unknown> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as {
    contexts: Array<{ context: string; 'moz:scope'?: string }>;
  };
  // Firefox 140 ignores moz:scope and lists its tabs instead, where privileged script cannot run.
  const window = tree.contexts.find((context) => context['moz:scope'] === 'chrome');
  if (!window) {
    throw new Error(
      'Firefox lists no chrome window over BiDi: it needs --remote-allow-system-access and a Firefox that knows ' +
        'moz:scope (153 does, 140 does not).',
    );
  }
  const { result } = await connection.send('script.evaluate', {
    expression: `(async () => { ${body} })()`,
    target: { context: window.context },
    awaitPromise: true,
  });
  const outcome = result as EvaluateResult;
  if (outcome.type === 'exception') throw new Error(`Parent-process script failed: ${outcome.exceptionDetails?.text}`);
  return outcome.result?.value;
}

/**
 * The add-on's event page, as Firefox's parent process sees it. `DebugUtils.terminateBackgroundScript` is what
 * about:debugging's "Terminate background script" button calls; it ends the event page as Firefox does when the
 * page has been idle (extensions.background.idle.timeout): its memory, timers and fetches are gone, and the next
 * event (a message, a port, an alarm) starts it again.
 */
export function backgroundOf(browser: Browser, addonId: string) {
  const extension = `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)});
    if (!extension) throw new Error('add-on ${addonId} is not running');`;
  return {
    /** 'running', 'starting', 'suspending' or 'stopped'. */
    state: async () =>
      String(await evaluateInParent(browser, `${extension} return String(extension.backgroundState);`)),
    terminate: () =>
      evaluateInParent(
        browser,
        `${extension} await ExtensionParent.DebugUtils.terminateBackgroundScript(${JSON.stringify(addonId)});`,
      ),
  };
}
