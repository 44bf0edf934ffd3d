/**
 * Text that came from users or files (titles, names, slugs, paths, error messages quoting them),
 * made safe to print to a terminal. A terminal obeys control characters: ESC (and the 8-bit CSI,
 * U+009B) starts sequences that recolour, move the cursor, erase or rewrite lines, set the window
 * title or, on some terminals, write to the clipboard; CR and BS overwrite what was printed. So
 * every C0 control, DEL and every C1 control is shown as a visible escape (`\x1b`, `\x9b`) instead.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** The same without the line feed, for messages whose lines are the code's own. */
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

const visible = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;

/** `text` with its control characters escaped; `keepNewlines` leaves line feeds as they are. */
export function terminalText(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(options.keepNewlines ? CONTROLS_BUT_NEWLINE : CONTROLS, visible);
}

/**
 * JSON for a terminal: JSON.stringify already escapes C0 controls but leaves DEL and C1 controls
 * raw; they become \u escapes here, so the text is the same JSON value and inert on a terminal.
 */
export function terminalJson(value: unknown, space?: number): string {
  // JSON.stringify answers undefined (not a string) for undefined, functions and symbols.
  return (JSON.stringify(value, null, space) ?? String(value)).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
