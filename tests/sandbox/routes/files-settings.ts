// GET files/settings → FilesSettingsDto (docspace-api.md §6.2, §11): the extension lists the
// client needs to decide how files open, and the upload limits (chunkUploadSize, maxUploadThreadCount).
import type { RequestContext } from '../context.ts';
import { ok } from '../envelope.ts';
import type { Router } from '../router.ts';
import type { SandboxTuning } from '../tuning.ts';
import { API } from './common.ts';

const DOCUMENT = ['.docx', '.doc', '.docm', '.dotx', '.odt', '.rtf', '.txt', '.md', '.epub', '.fb2', '.html'];
const SPREADSHEET = ['.xlsx', '.xls', '.xlsm', '.xltx', '.ods', '.csv'];
const PRESENTATION = ['.pptx', '.ppt', '.pptm', '.potx', '.odp', '.ppsx'];
const IMAGE = ['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.svg', '.webp', '.tif', '.tiff', '.ico'];
const VIDEO = ['.mp4', '.webm', '.mov', '.avi', '.mkv', '.m4v', '.mpeg', '.ogv'];
const AUDIO = ['.mp3', '.wav', '.ogg', '.m4a', '.flac', '.aac', '.opus', '.wma'];
const ARCHIVE = ['.zip', '.rar', '.7z', '.tar', '.gz', '.tgz', '.bz2'];
const DIAGRAM = ['.vsdx', '.vsd', '.vssx', '.vstx'];

function filesSettings(ctx: RequestContext, tuning: SandboxTuning): Record<string, unknown> {
  const origin = ctx.origin;
  return {
    extsImagePreviewed: IMAGE,
    extsMediaPreviewed: ['.mp4', '.webm', '.ogv', '.mp3', '.ogg', '.wav', '.m4a'],
    extsWebPreviewed: [...DOCUMENT, ...SPREADSHEET, ...PRESENTATION, '.pdf', ...DIAGRAM],
    extsWebEdited: ['.docx', '.xlsx', '.pptx', '.pdf', '.txt', '.csv', '.md'],
    extsWebEncrypt: ['.docx', '.xlsx', '.pptx'],
    extsWebReviewed: ['.docx'],
    extsWebCustomFilterEditing: ['.xlsx'],
    extsWebRestrictedEditing: ['.pdf'],
    extsWebCommented: ['.docx', '.xlsx', '.pptx'],
    extsWebTemplate: ['.dotx', '.xltx', '.potx'],
    extsMustConvert: ['.doc', '.xls', '.ppt', '.odt', '.ods', '.odp', '.rtf'],
    extsConvertible: {
      '.doc': ['.docx', '.pdf', '.odt', '.txt'],
      '.docx': ['.pdf', '.odt', '.txt', '.rtf'],
      '.xls': ['.xlsx', '.pdf', '.ods', '.csv'],
      '.xlsx': ['.pdf', '.ods', '.csv'],
      '.ppt': ['.pptx', '.pdf', '.odp'],
      '.pptx': ['.pdf', '.odp'],
    },
    extsUploadable: [
      ...DOCUMENT,
      ...SPREADSHEET,
      ...PRESENTATION,
      '.pdf',
      ...IMAGE,
      ...VIDEO,
      ...AUDIO,
      ...ARCHIVE,
      ...DIAGRAM,
    ],
    extsArchive: ARCHIVE,
    extsVideo: VIDEO,
    extsAudio: AUDIO,
    extsImage: IMAGE,
    extsSpreadsheet: SPREADSHEET,
    extsPresentation: PRESENTATION,
    extsDocument: DOCUMENT,
    extsDiagram: DIAGRAM,
    internalFormats: { Document: '.docx', Spreadsheet: '.xlsx', Presentation: '.pptx', Pdf: '.pdf' },
    masterFormExtension: '.pdf',
    paramVersion: 'version',
    paramOutType: 'outputtype',
    fileDownloadUrlString: `${origin}/filehandler.ashx?action=download&fileid={0}`,
    fileWebViewerUrlString: `${origin}/doceditor?fileid={0}&action=view`,
    fileWebViewerExternalUrlString: `${origin}/doceditor?fileid={0}&action=view`,
    fileWebEditorUrlString: `${origin}/doceditor?fileid={0}`,
    fileWebEditorExternalUrlString: `${origin}/doceditor?fileid={0}`,
    fileRedirectPreviewUrlString: `${origin}/media/view/{0}`,
    fileThumbnailUrlString: `${origin}/filehandler.ashx?action=thumb&fileid={0}`,
    confirmDelete: true,
    enableThirdParty: false,
    externalShare: true,
    externalShareSocialMedia: true,
    storeOriginalFiles: true,
    keepNewFileName: false,
    displayFileExtension: true,
    convertNotify: true,
    hideConfirmCancelOperation: false,
    hideConfirmConvertSave: false,
    hideConfirmConvertOpen: false,
    hideConfirmRoomLifetime: false,
    defaultOrder: { is_asc: false, property: 0 },
    forcesave: false,
    storeForcesave: false,
    recentSection: true,
    favoritesSection: true,
    templatesSection: false,
    downloadTarGz: false,
    automaticallyCleanUp: { isAutoCleanUp: true, gap: 4 },
    canSearchByContent: false,
    defaultSharingAccessRights: [2],
    maxUploadThreadCount: 15,
    chunkUploadSize: tuning.chunkUploadSize,
    openEditorInSameTab: false,
    organizeRoomsGrouping: false,
    defaultShareLinkInternal: false,
    externalShareApplyToDocuments: true,
    externalShareApplyToRooms: true,
    blockExistingLinksOnRestrict: false,
  };
}

export function registerFilesSettingsRoutes(router: Router, deps: { tuning: SandboxTuning }): void {
  router.get(`${API}/files/settings`, 'authenticated', (ctx) => ok(ctx, filesSettings(ctx, deps.tuning)));
}
