/**
 * Text for a terminal: C0 and C1 control characters (ESC sequences that clear the screen
 * or retitle the window, BEL, backspace, bidi overrides) are removed, keeping line breaks
 * and tabs. Cell text is the user's data, not the terminal's commands (`_x001B_[2J`).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function forTerminal(s: string): string {
  return s.replace(CONTROL, '');
}
