// Anonymous "is this a DocSpace?" endpoints and the portal description (docspace-api.md §11).
import type { RequestContext } from '../context.ts';
import { apiDate } from '../dates.ts';
import { DEMO_USER_ID } from '../demo-account.ts';
import { ok } from '../envelope.ts';
import { isDocSpaceAdmin } from '../people/roles.ts';
import { PORTAL } from '../portal-config.ts';
import type { Router } from '../router.ts';
import { API } from './common.ts';

function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}:00`;
}

/** SettingsController.GetPortalSettings: a public part, plus tenant details for signed-in callers. */
function portalSettings(ctx: RequestContext): Record<string, unknown> {
  const settings: Record<string, unknown> = {
    culture: PORTAL.culture,
    greetingSettings: PORTAL.name,
    docSpace: true,
    standalone: true,
    isAmi: false,
    baseDomain: 'localhost',
    version: PORTAL.version,
    recaptchaType: 0,
    debugInfo: false,
    tenantStatus: 0,
    tenantAlias: PORTAL.tenantAlias,
    displayAbout: true,
    deepLink: { androidPackageName: '', url: '', iosPackageId: '' },
    enableAdmMess: false,
    cookieSettingsEnabled: false,
    limitedAccessSpace: false,
    limitedAccessDevToolsForUsers: false,
    displayBanners: false,
    aiEnabled: false,
    userNameRegex: "^[\\p{L}\\p{M}' \\-]+$",
    maxImageUploadSize: 1_048_576,
    logoText: 'ONLYOFFICE',
    externalDbEnabled: false,
  };
  if (ctx.auth.identity) {
    Object.assign(settings, {
      timezone: PORTAL.timeZone,
      trustedDomains: [],
      trustedDomainsType: 0,
      utcOffset: utcOffset(PORTAL.utcOffsetMinutes),
      utcHoursOffset: PORTAL.utcOffsetMinutes / 60,
      ownerId: DEMO_USER_ID,
      nameSchemaId: 'Common',
      socketUrl: '/socket.io',
      domainValidator: { regex: '^[a-z0-9]([a-z0-9-]){1,61}[a-z0-9]$', minLength: 3, maxLength: 63 },
      firebase: {
        apiKey: '',
        authDomain: '',
        projectId: '',
        storageBucket: '',
        messagingSenderId: '',
        appId: '',
        measurementId: '',
        databaseURL: '',
      },
      plugins: { enabled: true, upload: true, delete: true },
      formGallery: {
        path: '/api/oforms/',
        domain: 'https://oforms.onlyoffice.com',
        ext: '.pdf',
        uploadPath: '/api/upload',
        uploadDomain: 'https://oforms.onlyoffice.com',
        uploadExt: '.pdf',
        uploadDashboard: '/dashboard/api/oforms',
      },
      invitationLimit: -1,
      defaultFolderType: 14,
    });
  } else {
    Object.assign(settings, { enabledJoin: false, thirdpartyEnable: false });
  }
  // Only anonymous callers (or `withPassword=true`) get the hashing parameters.
  if (!ctx.auth.identity || ctx.query.get('withPassword')?.toLowerCase() === 'true')
    settings['passwordHash'] = PORTAL.passwordHash;
  return settings;
}

export function registerPortalRoutes(router: Router): void {
  router.get(`${API}/settings`, 'anonymous', (ctx) => ok(ctx, portalSettings(ctx)));

  const capabilities = (ctx: RequestContext) =>
    ok(ctx, {
      ldapEnabled: false,
      providers: [],
      ssoLabel: '',
      oauthEnabled: true,
      ssoUrl: '',
      identityServerEnabled: false,
    });
  router.get(`${API}/capabilities`, 'anonymous', capabilities);
  router.get(`${API}/capabilities.json`, 'anonymous', capabilities);

  router.get(`${API}/settings/version/build`, 'anonymous', (ctx) =>
    ok(ctx, { docSpace: PORTAL.version, documentServer: PORTAL.documentServerVersion }),
  );

  // GetPortalInformation: without EditPortalSettings (not a DocSpace admin) only the tenant id.
  router.get(`${API}/portal`, 'authenticated', (ctx) => {
    const userId = ctx.auth.identity?.userId;
    if (!isDocSpaceAdmin(userId ? ctx.store.users.get(userId) : undefined))
      return ok(ctx, { tenantId: PORTAL.tenantId });
    return ok(ctx, {
      tenantId: PORTAL.tenantId,
      tenantAlias: PORTAL.tenantAlias,
      name: PORTAL.name,
      language: PORTAL.culture,
      timeZone: PORTAL.timeZone,
      ownerId: DEMO_USER_ID,
      status: 0,
      creationDateTime: apiDate(new Date('2025-01-15T08:00:00.000Z'), PORTAL.utcOffsetMinutes),
      trustedDomains: [],
      trustedDomainsType: 0,
      version: 2,
      industry: 0,
      spam: false,
      calls: true,
      // The hosted region, as a cloud portal reports it (apiSystemHelper.GetTenantRegionAsync).
      region: 'us-east-1',
    });
  });
}
