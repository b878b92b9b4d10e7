/** The one message the background sends its offscreen clipboard document. */
export const OFFSCREEN_COPY = 'dpt/offscreen-copy';

export interface OffscreenCopy {
  type: typeof OFFSCREEN_COPY;
  text: string;
}
