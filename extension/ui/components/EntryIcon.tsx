import { textOn } from '../../../src/format/contrast.ts';
import type { Entry } from '../../../src/protocol/index.ts';

// Colours follow the ONLYOFFICE editors (blue text, green sheets, orange slides, red PDF) so the eye finds them;
// every label colour below keeps at least 4.5:1 against its white text.
const FILE_STYLES: Record<number, { label: string; color: string }> = {
  0: { label: '?', color: '#5f6670' },
  1: { label: 'ZIP', color: '#7a5d2e' },
  2: { label: 'VID', color: '#6a3fc4' },
  3: { label: 'AUD', color: '#b0175a' },
  4: { label: 'IMG', color: '#16708a' },
  5: { label: 'XLS', color: '#2e7532' },
  6: { label: 'PPT', color: '#b3531c' },
  7: { label: 'DOC', color: '#2459c9' },
  10: { label: 'PDF', color: '#c02525' },
  11: { label: 'DGM', color: '#00736a' },
};

/** DocSpace draws a room as a tile of its own colour with its initials; these are the colours it picks from. */
const ROOM_FALLBACK: Record<number, string> = {
  1: '2e7d32',
  2: '2f6fed',
  5: '6d4c9f',
  6: 'ef6c00',
  8: '37474f',
};

function initials(title: string): string {
  const words = title.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0]![0]! + words[1]![0]! : (words[0] ?? '?').slice(0, 2);
  return [...letters].slice(0, 2).join('').toUpperCase();
}

export function EntryIcon({ entry, thumbnail }: { entry: Entry; thumbnail?: string | null | undefined }) {
  if (entry.kind === 'folder' && entry.roomType !== undefined) {
    // The room's own logo once the background has it; its coloured tile until then (or when it has none).
    if (thumbnail)
      return <img class="entry-icon entry-thumb room-logo" src={thumbnail} alt="" width={32} height={32} />;
    const color = `#${entry.color ?? ROOM_FALLBACK[entry.roomType] ?? '546e7a'}`;
    return (
      <svg class="entry-icon" viewBox="0 0 32 32" aria-hidden="true">
        <rect x="1" y="1" width="30" height="30" rx="7" fill={color} />
        <text x="16" y="20.5" text-anchor="middle" font-size="11.5" font-weight="700" fill={textOn(color)}>
          {initials(entry.title)}
        </text>
      </svg>
    );
  }
  if (entry.kind === 'folder') {
    return (
      <svg class="entry-icon" viewBox="0 0 32 32" aria-hidden="true">
        <path d="M3 8a2 2 0 0 1 2-2h7l3 3h12a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" fill="#d9a23a" />
        <path d="M3 12h26v13a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" fill="#f2bd55" />
      </svg>
    );
  }
  if (thumbnail) return <img class="entry-icon entry-thumb" src={thumbnail} alt="" width={32} height={32} />;
  const style = FILE_STYLES[entry.fileType] ?? FILE_STYLES[0]!;
  return (
    <svg class="entry-icon" viewBox="0 0 32 32" aria-hidden="true">
      <path
        d="M7 2h13l7 7v19a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z"
        fill="var(--file-paper)"
        stroke="var(--border-strong)"
      />
      <path d="M20 2v7h7" fill="none" stroke="var(--border-strong)" />
      <rect x="3" y="15" width="22" height="10" rx="2" fill={style.color} />
      <text x="14" y="23" text-anchor="middle" font-size="7.5" font-weight="700" fill="#fff">
        {style.label}
      </text>
    </svg>
  );
}
