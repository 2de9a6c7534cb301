const storageKey = 'text-size';
const knownSizes = new Set(['normal', 'large', 'larger']);

/**
 * Restores the reader's text size on every page and saves a new choice. The control itself needs no
 * script; without one it still works on the page at hand.
 */
export function rememberTextSize(document: Document, storage: Storage): void {
  const control = document.querySelector<HTMLFieldSetElement>('[data-text-size-control]');
  if (!control) return;
  let saved: string | null = null;
  try {
    saved = storage.getItem(storageKey);
  } catch {
    // Storage can be blocked (private browsing); the control still works on this page.
  }
  if (saved && knownSizes.has(saved)) {
    const radio = control.querySelector<HTMLInputElement>(`input[value="${saved}"]`);
    if (radio) radio.checked = true;
  }
  control.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (!knownSizes.has(target.value)) return;
    try {
      storage.setItem(storageKey, target.value);
    } catch {
      // Not remembered, but applied.
    }
  });
}
