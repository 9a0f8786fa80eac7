/** Where the clerk's web page is: `send/` beside the pane (`https://host/taskpane.html` → `https://host/send/`), on the same host. */
export function sendPageAddress(paneHref: string): string {
  return new URL('send/', paneHref).href;
}
