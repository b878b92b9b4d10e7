// What a login event records of the client (MessageSettings.GetBrowser / GetPlatformAndDevice use
// UAParser: "Chrome 120", "Windows 10"). A small parser for the common browsers is enough here.

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/\bEdg\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bFirefox\/(\d+)/, 'Firefox'],
  [/\bChrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)[^ ]* .*Safari\//, 'Safari'],
];

const PLATFORMS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/Windows NT 10/, () => 'Windows 10'],
  [/Windows NT (\d+)/, (m) => `Windows ${m[1]}`],
  [/Android (\d+)/, (m) => `Android ${m[1]}`],
  [/(?:iPhone|iPad).* OS (\d+)/, (m) => `iOS ${m[1]}`],
  [/Mac OS X (\d+)/, (m) => `Mac OS X ${m[1]}`],
  [/CrOS/, () => 'Chrome OS'],
  [/Linux/, () => 'Linux'],
];

export interface ClientSummary {
  browser: string;
  platform: string;
  mobile: boolean;
}

export function summarizeUserAgent(ua: string | undefined): ClientSummary {
  const text = ua ?? '';
  let browser = 'Other';
  for (const [pattern, name] of BROWSERS) {
    const m = pattern.exec(text);
    if (m) {
      browser = `${name} ${m[1]}`;
      break;
    }
  }
  let platform = 'Other';
  for (const [pattern, name] of PLATFORMS) {
    const m = pattern.exec(text);
    if (m) {
      platform = name(m);
      break;
    }
  }
  return { browser, platform, mobile: /\bMobile\b|Android|iPhone/.test(text) };
}
