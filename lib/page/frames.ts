import { sitePatternFor } from '../sites/patterns';

/**
 * Pages in frames. The content script runs in every frame of an enabled site (`all_frames`): openSIS, for one,
 * shows every page inside `<iframe name="body">` of a top `index.php` that holds nothing else. Frames of other
 * sites get no script at all: the browser injects only where the registered (or manifest) patterns match, and the
 * worker refuses messages whose sender frame is not an enabled site (lib/messaging/guard).
 */

/** True in the tab's top document; false in a frame (also when the top is another site's and unreadable). */
export function isTopFrame(win: Window | null | undefined): boolean {
  if (!win) return true;
  try {
    return win.top === win;
  } catch {
    return false;
  }
}

/**
 * Whether the document holds frames of its own site (same host, any port: the unit Liaison enables), each of
 * which runs its own copy of the content script. An `about:blank` or `srcdoc` frame, or another site's, does not
 * count: nothing of Liaison runs there.
 */
export function hostsSiteFrames(doc: Document, pageUrl: string): boolean {
  const site = sitePatternFor(pageUrl);
  if (!site) return false;
  for (const f of doc.querySelectorAll('iframe[src], frame[src]')) {
    if (f.hasAttribute('srcdoc')) continue;
    let url: URL;
    try {
      url = new URL(f.getAttribute('src') ?? '', pageUrl);
    } catch {
      continue;
    }
    if (sitePatternFor(url.href) === site) return true;
  }
  return false;
}

/**
 * The "not recognized — teach Liaison" chip shows only on an unrecognized top document that is not a mere holder
 * of the site's frames: those frames carry the SIS and speak for themselves (a record in the frame must not sit
 * under a "not recognized" chip of the empty top), and teach mode is injected into the top document only.
 */
export function chipWanted(o: { recognized: boolean; top: boolean; hostsSiteFrames: boolean }): boolean {
  return !o.recognized && o.top && !o.hostsSiteFrames;
}
