/**
 * Which of the panels' copies built into index.html (panels.tsx) a visit shows. Pure, and imported by reveal.ts,
 * which runs before anything else: no code of the app's.
 */
import { opensFirstView, readPicture } from './link-rule';

/** The class of the templates that hold the copies. */
export const FIRST_PANELS_CLASS = 'first-panels';

/**
 * The origin of the page the copies are rendered in (panels.tsx): the links they hold start with it, and reveal.ts
 * points them at the page's own origin and folder, as every link the app writes (state/link-path.ts).
 */
export const PLACEHOLDER_ORIGIN = 'https://atlas.invalid';

/** Where a copy keeps an element's style for reveal.ts to set (panels.tsx). */
export const HELD_STYLE_ATTRIBUTE = 'data-style';

export type PanelLayout = 'desktop' | 'phone';

/** A copy as its template describes it: the layout it was rendered for and its link rule, as written there. */
export interface PanelCopy {
  layout: string | undefined;
  picture: string | undefined;
}

/** The index of the copy for this link on a screen of `layout`, or -1: the panels then wait for the app. */
export function pickPanelCopy(copies: readonly PanelCopy[], search: string, hash: string, layout: PanelLayout): number {
  return copies.findIndex((copy) => {
    const picture = copy.layout === layout ? readPicture(copy.picture) : null;
    return picture !== null && opensFirstView(search, hash, picture);
  });
}
