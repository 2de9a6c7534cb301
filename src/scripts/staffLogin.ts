// Says why the last sign-in failed (the function sends the reason in ?error=).
import { pageTranslator } from '../i18n/pageStrings';
import type { UiKey } from '../i18n/schema';

export function showLoginError(): void {
  const reason = new URLSearchParams(window.location.search).get('error');
  const box = document.querySelector<HTMLElement>('[data-login-error]');
  if (!reason || !box) return;
  const t = pageTranslator();
  const key = `staff.login.error.${reason}` as UiKey;
  const text = t(key);
  // An unknown reason (or a hand-made URL) gets the general message, never the raw value.
  box.textContent = text === key ? t('staff.login.error.other') : text;
  box.hidden = false;
}
