// The sign-in page: name and password, POST /api/login, then the caller loads the session.
import { api, ApiError } from '../api.js';
import { escapeHtml } from '../format.js';
import { appTitle } from '../area.js';
import { t } from '../i18n.js';

/** Draws the form into `root`; calls onSignedIn() after a successful login. */
export function render(root, { onSignedIn, onLanguage }) {
  root.innerHTML = `
    <div class="login-page">
      <form class="login-card" id="login-form" autocomplete="on">
        <div class="login-brand"><span class="logo" aria-hidden="true">智</span><h1 data-app-title>${escapeHtml(appTitle())}</h1></div>
        <p class="muted">${escapeHtml(t('loginHint'))}</p>
        <label>${escapeHtml(t('userName'))}<input name="name" id="login-name" autocomplete="username" required></label>
        <label>${escapeHtml(t('password'))}<input name="password" id="login-password" type="password" autocomplete="current-password" required></label>
        <div class="form-error" id="login-error" role="alert"></div>
        <button type="submit" class="primary" id="login-submit">${escapeHtml(t('login'))}</button>
        <button type="button" class="link" id="login-lang">${escapeHtml(t('language'))}</button>
      </form>
    </div>`;
  const form = root.querySelector('#login-form');
  root.querySelector('#login-lang').addEventListener('click', onLanguage);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = root.querySelector('#login-error');
    error.textContent = '';
    const data = new FormData(form);
    try {
      await api.login(String(data.get('name')), String(data.get('password')));
      await onSignedIn();
    } catch (e) {
      error.textContent = e instanceof ApiError && e.status === 401 ? t('loginFailed') : t('errorGeneric', { msg: e.message });
    }
  });
  root.querySelector('#login-name').focus();
}
