/** Saves text as a file the user downloads: the only way note data leaves the browser. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by the time the click returns; the URL is released a little later to be safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens generated HTML in a new tab to print; falls back to downloading it when a tab cannot be opened. */
export function openPrintable(filename: string, html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const win = window.open(url, '_blank');
  if (!win) downloadText(filename, html, 'text/html');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file-name-safe piece (ids may hold anything a SIS uses). */
export const safePart = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 60);
