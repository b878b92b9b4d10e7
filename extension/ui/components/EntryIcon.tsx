import type { Entry } from '../../../src/protocol/index.ts';

// Colours follow the ONLYOFFICE editors (blue text, green sheets, orange slides, red PDF) so the eye finds them.
const FILE_STYLES: Record<number, { label: string; color: string }> = {
  0: { label: '?', color: '#7a7f87' },
  1: { label: 'ZIP', color: '#8a6d3b' },
  2: { label: 'VID', color: '#7b4bd6' },
  3: { label: 'AUD', color: '#c2185b' },
  4: { label: 'IMG', color: '#1e88a8' },
  5: { label: 'XLS', color: '#3a8d3e' },
  6: { label: 'PPT', color: '#d8692b' },
  7: { label: 'DOC', color: '#2f6fed' },
  10: { label: 'PDF', color: '#d32f2f' },
  11: { label: 'DGM', color: '#00897b' },
};

const ROOM_STYLES: Record<number, { label: string; color: string }> = {
  1: { label: 'F', color: '#2e7d32' },
  2: { label: 'C', color: '#2f6fed' },
  5: { label: 'R', color: '#6d4c9f' },
  6: { label: 'P', color: '#ef6c00' },
  8: { label: 'V', color: '#37474f' },
};

export function EntryIcon({ entry }: { entry: Entry }) {
  if (entry.kind === 'folder' && entry.roomType !== undefined) {
    const style = ROOM_STYLES[entry.roomType] ?? { label: 'R', color: '#546e7a' };
    return (
      <svg class="entry-icon" viewBox="0 0 32 32" aria-hidden="true">
        <rect x="2" y="2" width="28" height="28" rx="7" fill={style.color} />
        <text x="16" y="21" text-anchor="middle" font-size="14" font-weight="700" fill="#fff">
          {style.label}
        </text>
      </svg>
    );
  }
  if (entry.kind === 'folder') {
    return (
      <svg class="entry-icon" viewBox="0 0 32 32" aria-hidden="true">
        <path d="M3 8a2 2 0 0 1 2-2h7l3 3h12a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" fill="#f2b84b" />
        <path d="M3 12h26v13a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" fill="#f7c967" />
      </svg>
    );
  }
  const style = FILE_STYLES[entry.fileType] ?? FILE_STYLES[0]!;
  return (
    <svg class="entry-icon" viewBox="0 0 32 32" aria-hidden="true">
      <path
        d="M7 2h13l7 7v19a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z"
        fill="var(--file-paper)"
        stroke="var(--border)"
      />
      <path d="M20 2v7h7" fill="none" stroke="var(--border)" />
      <rect x="3" y="15" width="22" height="10" rx="2" fill={style.color} />
      <text x="14" y="23" text-anchor="middle" font-size="7.5" font-weight="700" fill="#fff">
        {style.label}
      </text>
    </svg>
  );
}
