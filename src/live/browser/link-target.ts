/**
 * Whether the page's address carries a shared state for this island: `?s=…` with a fragment
 * naming the island (its anchor or an old alias inside it), or any `?s=…` on an embed, which
 * holds one island. Shared by boot.ts (wake at once) and controller.ts (load it).
 */
export function linkedTo(root: HTMLElement): boolean {
  if (!new URLSearchParams(location.search).has('s')) return false;
  if (root.classList.contains('lw-embed')) return true;
  let id: string;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return false;
  }
  const target = id ? document.getElementById(id) : null;
  return !!target && root.contains(target);
}
