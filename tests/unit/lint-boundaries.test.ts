import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules are lint errors; these cases prove each rule fires (and that clean code passes).
// The probes are virtual files outside the TypeScript project, so type-aware parsing is switched off for them;
// the boundary rules are syntactic and behave the same.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
});

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries', () => {
  it('src/ may not use browser globals', async () => {
    expect(await ruleIds('export const id = chrome.runtime.id;\n', 'src/boundary-probe.ts')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIds('export const w = window.innerWidth;\n', 'src/boundary-probe.ts')).toContain(
      'no-restricted-globals',
    );
  });

  it('src/ may not import from extension/ or the polyfill', async () => {
    expect(
      await ruleIds(
        "import { t } from '../extension/platform/i18n.ts';\nexport const x = t;\n",
        'src/boundary-probe.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import browser from 'webextension-polyfill';\nexport const x = browser;\n",
        'src/boundary-probe.ts',
      ),
    ).toContain('no-restricted-imports');
  });

  it('only extension/platform/ touches browser APIs', async () => {
    expect(await ruleIds('export const id = chrome.runtime.id;\n', 'extension/popup/boundary-probe.ts')).toContain(
      'no-restricted-globals',
    );
    expect(
      await ruleIds(
        "import browser from 'webextension-polyfill';\nexport const x = browser;\n",
        'extension/ui/boundary-probe.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import browser from 'webextension-polyfill';\nexport const x = browser;\n",
        'extension/platform/boundary-probe.ts',
      ),
    ).toEqual([]);
  });

  it('pages never import background code, and the background never imports pages', async () => {
    expect(
      await ruleIds(
        "import { BackgroundServices } from '../background/services.ts';\nexport const x = BackgroundServices;\n",
        'extension/popup/boundary-probe.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { PopupApp } from '../popup/PopupApp.tsx';\nexport const x = PopupApp;\n",
        'extension/background/boundary-probe.ts',
      ),
    ).toContain('no-restricted-imports');
  });

  it('only the entry points load the browser; everything else takes ports', async () => {
    const probe = "import { browser } from '../platform/browser.ts';\nexport const x = browser;\n";
    expect(await ruleIds(probe, 'extension/popup/boundary-probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(probe, 'extension/background/boundary-probe.ts')).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { browser } from './browser.ts';\nexport const x = browser;\n",
        'extension/platform/probe.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(await ruleIds(probe, 'extension/popup/main.tsx')).toEqual([]);
    expect(await ruleIds(probe, 'extension/background/index.ts')).toEqual([]);
  });

  it('server strings are never rendered as HTML', async () => {
    expect(
      await ruleIds('export const x = <div dangerouslySetInnerHTML={{ __html: name }} />;\n', 'extension/ui/probe.tsx'),
    ).toContain('no-restricted-syntax');
  });

  it('the sandbox shares no code with the extension', async () => {
    expect(
      await ruleIds(
        "import { AppError } from '../../src/errors/index.ts';\nexport const x = AppError;\n",
        'tests/sandbox/boundary-probe.ts',
      ),
    ).toContain('no-restricted-imports');
  });
});
