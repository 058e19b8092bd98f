/**
 * Mermaid's own parser under Node. Mermaid wires DOMPurify hooks when it sanitizes labels;
 * without a DOM, DOMPurify is an inert stub, so it is given no-op hooks and an identity
 * sanitizer first (the syntax check is the parser's; sanitising is the browser's job).
 */
export async function mermaidParse(): Promise<(text: string) => Promise<unknown>> {
  const { default: purify } = await import('dompurify');
  const p = purify as unknown as Record<string, unknown>;
  if (typeof p.addHook !== 'function') {
    p.addHook = () => {};
    p.removeHook = () => {};
    p.removeHooks = () => {};
    p.removeAllHooks = () => {};
    p.sanitize = (s: string) => s;
  }
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 10_000_000 });
  return (text: string) => mermaid.parse(text);
}
