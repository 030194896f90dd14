import { browser } from 'wxt/browser';

/**
 * The few browser APIs the notes UI uses, in one place. Notifications are an optional permission: asked for
 * when the user turns them on (the click is the gesture the browser requires), never at install.
 */
const NOTIFY: { permissions: ['notifications'] } = { permissions: ['notifications'] };

export async function requestNotifications(): Promise<boolean> {
  try {
    return await browser.permissions.request(NOTIFY);
  } catch {
    return false;
  }
}

export async function canNotify(): Promise<boolean> {
  try {
    return await browser.permissions.contains(NOTIFY);
  } catch {
    return false;
  }
}

// A 1×1 image: Chrome requires an icon on a basic notification, and Liaison ships none yet.
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** A notification that names no student: it can show on a locked or shared screen. */
export async function notify(title: string, message: string): Promise<void> {
  const api = (browser as unknown as { notifications?: { create(o: object): Promise<string> } }).notifications;
  await api?.create({ type: 'basic', iconUrl: ICON, title, message });
}
