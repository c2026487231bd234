/** What became of a copy to the clipboard, for the line that says so. */
export type CopyOutcome = 'none' | 'copied' | 'refused';

/** Copies `text`: 'refused' where the clipboard is absent (outside secure contexts) or permission is refused. */
export async function copyText(text: string): Promise<Exclude<CopyOutcome, 'none'>> {
  try {
    if (!navigator.clipboard) return 'refused';
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'refused';
  }
}
