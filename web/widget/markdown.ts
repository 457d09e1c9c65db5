export interface TextRun {
  text: string;
  bold: boolean;
}

/** Splits `**bold**` markup into runs, so the renderer can build text nodes instead of parsing HTML. */
export function boldRuns(text: string): TextRun[] {
  // split() with a capturing group alternates plain and captured parts: odd indexes are the bold ones.
  return text
    .split(/\*\*(.+?)\*\*/s)
    .map((part, index) => ({ text: part, bold: index % 2 === 1 }))
    .filter((run) => run.text !== '');
}
