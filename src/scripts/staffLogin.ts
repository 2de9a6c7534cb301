// Says why the last sign-in failed (the function sends the reason in ?error=).
const messages: Record<string, string> = {
  wrong_credentials: '用户名或密码不正确。',
  rate_limited: '登录尝试次数过多，请稍后再试。',
  missing: '请填写用户名和密码。',
  csrf: '登录请求来自其他网站，已拒绝。',
  password_login_off: '本站使用统一身份认证登录，不接受密码登录。',
};

export function showLoginError(): void {
  const reason = new URLSearchParams(window.location.search).get('error');
  const box = document.querySelector<HTMLElement>('[data-login-error]');
  if (!reason || !box) return;
  box.textContent = messages[reason] ?? '登录失败，请重试。';
  box.hidden = false;
}
