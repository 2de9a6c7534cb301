// The tip form's browser side: the same zod schema as the function checks the form before it is
// sent, with the same messages and markup; photos are re-encoded without their hidden data when
// the reader keeps "remove hidden data". Without this script the form works just the same: the
// function checks, cleans and answers with the form and its errors.
import { pageTranslator } from '../../i18n/pageStrings';
import type { Translate } from '../../i18n/translate';
import { claimedEvidenceType, tipFieldOrder, validateTip, type TipFieldErrors } from '../../lib/tips/tipSchema';
import { renderErrorSummary, renderFieldError } from './tipErrors';
import { solveChallenge } from 'altcha-lib/v1';

/**
 * Proof of work (altcha, self-hosted): fetch a challenge and solve it while the reader types.
 * The answer goes in a hidden field; if anything fails the form is sent without it and the tip is
 * simply marked for review, never refused.
 */
function startProofOfWork(form: HTMLFormElement): Promise<void> {
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = 'altcha';
  form.append(field);
  return (async () => {
    try {
      const response = await fetch('/api/tips/challenge', { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const challenge = (await response.json()) as { algorithm: string; challenge: string; salt: string; signature: string; maxnumber?: number };
      const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
      if (solution) field.value = btoa(JSON.stringify({ ...challenge, number: solution.number }));
    } catch {
      // Offline or blocked: the tip still goes through, marked for review.
    }
  })();
}

const isImage = (file: File) => claimedEvidenceType(file)?.startsWith('image/') ?? false;

/**
 * Keeps the file input holding what will be sent: the reader's files as chosen, or (hidden data
 * to be removed) their images re-encoded in this browser. The re-encoder is loaded only once an
 * image is chosen, so the form's own script stays small.
 */
function watchFiles(form: HTMLFormElement, t: Translate): { busy: () => boolean; ready: () => Promise<void> } {
  const input = form.querySelector<HTMLInputElement>('input[name="files"]');
  const status = form.querySelector<HTMLElement>('[data-file-cleaning]');
  if (!input || typeof DataTransfer === 'undefined') return { busy: () => false, ready: () => Promise.resolve() };
  let chosen: File[] = [];
  let ready: Promise<void> = Promise.resolve();
  let busy = false;
  const show = (text: string) => {
    if (!status) return;
    status.textContent = text;
    status.hidden = text === '';
  };
  const prepare = async () => {
    const remove = form.querySelector<HTMLInputElement>('input[name="metadata"]:checked')?.value !== 'keep';
    let files = chosen;
    if (remove && chosen.some(isImage)) {
      show(t('tip.metadata.cleaning'));
      const { reencodeImages } = await import('./reencodeImages.client');
      const result = await reencodeImages(chosen);
      files = result.files;
      show(result.cleaned > 0 ? t('tip.metadata.cleaned', { count: result.cleaned }) : '');
    } else show('');
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    input.files = transfer.files;
  };
  const refresh = () => {
    busy = true;
    ready = prepare()
      .catch(() => show(''))
      .finally(() => (busy = false));
  };
  input.addEventListener('change', () => {
    chosen = [...(input.files ?? [])];
    refresh();
  });
  for (const choice of form.querySelectorAll<HTMLInputElement>('input[name="metadata"]')) choice.addEventListener('change', refresh);
  return { busy: () => busy, ready: () => ready };
}

export function enhanceTipForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-tip-form]');
  if (!form) return;
  const t = pageTranslator();
  const keyField = form.querySelector<HTMLInputElement>('input[name="idempotencyKey"]');
  // One key per filled-in form: a double click or a resend after a lost answer stores one tip.
  if (keyField && !keyField.value) keyField.value = crypto.randomUUID();

  document.querySelector<HTMLAnchorElement>('[data-quick-exit]')?.addEventListener('click', (event) => {
    event.preventDefault();
    // replace(): the tip form does not stay in the back button's history.
    window.location.replace((event.currentTarget as HTMLAnchorElement).href);
  });

  const proofOfWork = startProofOfWork(form);
  let proofReady = false;
  void proofOfWork.then(() => (proofReady = true));
  const files = watchFiles(form, t);

  form.addEventListener('submit', (event) => {
    if (files.busy()) {
      // Photos still being re-encoded: wait, then submit again (which runs this check again).
      // A new task, not a microtask: a submit requested while this event is firing is ignored.
      event.preventDefault();
      void files.ready().then(() => setTimeout(() => form.requestSubmit()));
      return;
    }
    const data = new FormData(form);
    const values: Record<string, unknown> = {};
    for (const [name, value] of data.entries()) if (typeof value === 'string') values[name] = value;
    values.files = data.getAll('files').filter((entry): entry is File => entry instanceof File && (entry.size > 0 || entry.name !== ''));
    const result = validateTip(values);
    showErrors(form, t, result.ok ? {} : result.errors);
    if (!result.ok) {
      event.preventDefault();
      form.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    if (!proofReady) {
      // Wait (at most a few seconds) for the proof, then send; form.submit() fires no second event.
      event.preventDefault();
      const timeout = new Promise((resolve) => setTimeout(resolve, 8000));
      void Promise.race([proofOfWork, timeout]).then(() => form.submit());
    }
  });
}

function showErrors(form: HTMLFormElement, t: Translate, errors: TipFieldErrors): void {
  const summary = form.querySelector<HTMLElement>('[data-error-summary]');
  if (summary) summary.innerHTML = renderErrorSummary(t, errors);
  for (const field of tipFieldOrder) {
    const slot = form.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
    if (slot) slot.innerHTML = renderFieldError(t, field, errors[field]);
    slot?.parentElement?.classList.toggle('field--error', Boolean(errors[field]));
    const control = form.querySelector<HTMLElement>(`[name="${field}"]`);
    if (!control || field === 'identity' || field === 'metadata') continue;
    const errorId = `tip-${field}-error`;
    const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== errorId);
    if (errors[field]) described.push(errorId);
    if (described.length) control.setAttribute('aria-describedby', described.join(' '));
    else control.removeAttribute('aria-describedby');
    if (errors[field]) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}
