/**
 * Monaco, loaded only when the reader chooses to edit: the editor core, hover (for marker
 * messages), the Dockerfile grammar and the editor worker. One small interface for the island.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { FindingView } from '../model/view-model.ts';
import type { SiteTheme } from '../model/theme.ts';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export interface EditorHandle {
  getValue(): string;
  setValue(text: string): void;
  setMarkers(findings: readonly FindingView[]): void;
  /** Highlights whole lines (1-based, inclusive ranges); empty clears. */
  highlightLines(ranges: readonly (readonly [number, number])[]): void;
  /** Puts the cursor at `line`:`column` (1-based), scrolls it into view and focuses the editor. */
  revealLine(line: number, column: number): void;
  focus(): void;
  dispose(): void;
}

export interface EditorOptions {
  readonly value: string;
  readonly label: string;
  readonly theme: SiteTheme;
  readonly onChange: (text: string) => void;
  readonly onCursorLine: (line: number) => void;
  /** Escape leaves the editor (Monaco otherwise keeps Tab for indentation). */
  readonly onEscape: () => void;
}

/**
 * Whether Tab moves the focus instead of indenting, for every editor on the page (like
 * Monaco's own tab focus mode). Off while editing; Escape turns it on, so a keyboard reader
 * who left an editor passes through the next one with Tab; Ctrl+M toggles it; a click into
 * an editor turns it off again.
 */
let tabMovesFocus = false;
const editors = new Set<monaco.editor.IStandaloneCodeEditor>();
const tabModeListeners = new Set<(tabMovesFocus: boolean) => void>();

export function setTabMovesFocus(on: boolean): void {
  if (on === tabMovesFocus) return;
  tabMovesFocus = on;
  for (const editor of editors) editor.updateOptions({ tabFocusMode: on });
  for (const listener of tabModeListeners) listener(on);
}

export function onTabModeChange(listener: (tabMovesFocus: boolean) => void): void {
  tabModeListeners.add(listener);
  listener(tabMovesFocus);
}

const SEVERITY = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };

export function setEditorTheme(theme: SiteTheme): void {
  monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
}

/**
 * Where every editor draws its hovers and suggestions: a layer of its own at the end of the
 * body, above the page's columns. Inside the page, Starlight's main column is a stacking
 * context of its own (isolation), so no z-index could lift them over the table of contents.
 */
let overflowLayer: HTMLElement | undefined;
function overflowWidgets(): HTMLElement {
  if (!overflowLayer?.isConnected) {
    overflowLayer = document.createElement('div');
    overflowLayer.className = 'monaco-editor lw-monaco-overflow';
    document.body.append(overflowLayer);
  }
  return overflowLayer;
}

export function createEditor(container: HTMLElement, options: EditorOptions): EditorHandle {
  const editor = monaco.editor.create(container, {
    value: options.value,
    language: 'dockerfile',
    theme: options.theme === 'dark' ? 'vs-dark' : 'vs',
    ariaLabel: `${options.label}: Dockerfile editor. Press Escape to leave the editor, Ctrl+M to switch what Tab does.`,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    lineNumbersMinChars: 3,
    renderLineHighlight: 'none',
    fixedOverflowWidgets: true,
    overflowWidgetsDomNode: overflowWidgets(),
    hover: { enabled: 'on', delay: 200 },
    tabFocusMode: tabMovesFocus,
  });
  editors.add(editor);
  const model = editor.getModel()!;
  const lines = editor.createDecorationsCollection();
  editor.onDidChangeModelContent(() => options.onChange(editor.getValue()));
  editor.onDidChangeCursorPosition((e) => options.onCursorLine(e.position.lineNumber));
  // An action, not addCommand: Monaco runs an addCommand handler of the last editor created
  // whichever editor has the focus; an action belongs to its own editor.
  editor.addAction({
    id: 'layerwise.leave-editor',
    label: 'Leave the editor',
    keybindings: [monaco.KeyCode.Escape],
    precondition: '!suggestWidgetVisible && !findWidgetVisible',
    run: () => {
      setTabMovesFocus(true);
      options.onEscape();
    },
  });
  // Ctrl+M, as in VS Code (handled before Monaco's keybindings, which may hold their own toggle).
  editor.onKeyDown((e) => {
    if (e.keyCode === monaco.KeyCode.KeyM && e.ctrlKey && !e.shiftKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      setTabMovesFocus(!tabMovesFocus);
    }
  });
  editor.onMouseDown(() => setTabMovesFocus(false));
  return {
    getValue: () => editor.getValue(),
    setValue(text) {
      if (text !== editor.getValue()) editor.setValue(text);
    },
    setMarkers(findings) {
      monaco.editor.setModelMarkers(
        model,
        'layerwise',
        findings.map((f) => ({
          severity: SEVERITY[f.severity],
          message: f.href ? `${f.message}\n${f.rule}: ${new URL(f.href, location.href).href}` : f.message,
          source: 'layerwise',
          code: f.href ? { value: f.rule, target: monaco.Uri.parse(new URL(f.href, location.href).href) } : f.rule,
          startLineNumber: f.line,
          startColumn: f.column,
          endLineNumber: f.endLine,
          endColumn: f.endLine === f.line && f.endColumn <= f.column ? model.getLineMaxColumn(f.line) : f.endColumn,
        })),
      );
    },
    highlightLines(ranges) {
      lines.set(
        ranges.map(([start, end]) => ({
          range: new monaco.Range(start, 1, end, 1),
          options: { isWholeLine: true, className: 'lw-editor-line-hl' },
        })),
      );
    },
    revealLine(line, column) {
      editor.setPosition({ lineNumber: line, column });
      editor.revealLineInCenterIfOutsideViewport(line);
      editor.focus();
    },
    focus: () => editor.focus(),
    dispose() {
      editors.delete(editor);
      editor.dispose();
    },
  };
}
