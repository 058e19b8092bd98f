/** What Tab does in the editor, shown under the toolbar while editing (Ctrl+M toggles it). */
export const editorHint = (tabMovesFocus: boolean) =>
  tabMovesFocus
    ? 'In the editor, Tab moves the focus on; Ctrl+M makes Tab indent.'
    : 'In the editor, Tab indents; Escape leaves the editor and Ctrl+M makes Tab move the focus.';
