import { useState } from 'preact/hooks';
import { injectTeach, type ExecuteScriptApi } from '../../lib/teach/inject';

/**
 * Starts teach mode on the tab the side panel shows, in the frame whose page the panel shows (the script is
 * injected only now, not on every page).
 */
export function TeachButton({ tabId, frameId = 0, label }: { tabId: number; frameId?: number; label: string }) {
  const [message, setMessage] = useState('');
  const start = async () => {
    try {
      await injectTeach(browser.scripting as unknown as ExecuteScriptApi, tabId, frameId);
      setMessage('Teach mode is open on the page: pick each field there, then save.');
    } catch {
      setMessage('Teach mode could not open on that page. Reload it and try again.');
    }
  };
  return (
    <p class="teach">
      <button type="button" onClick={() => void start()}>
        {label}
      </button>{' '}
      <span role="status">{message}</span>
    </p>
  );
}
