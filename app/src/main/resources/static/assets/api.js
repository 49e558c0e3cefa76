// The pages' only way to the service: its public HTTP API, with the session cookie and the CSRF token.
export const money = m => m ? Number(m.value).toLocaleString('ru-RU', {minimumFractionDigits: 0, maximumFractionDigits: 2}) + '\u00a0₽' : '';
function xsrf() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : null;
}
export async function api(path, options = {}) {
  const headers = {'Accept': 'application/json', ...(options.headers || {})};
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.method && options.method !== 'GET') headers['X-XSRF-TOKEN'] = xsrf();
  const response = await fetch(path, {...options, headers, credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body)});
  if (response.status === 401) { location.href = '/login'; throw new Error('unauthenticated'); }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) { const error = new Error(data && data.detail || response.statusText); error.problem = data; throw error; }
  return data;
}
/** "2023-08-11T13:32:00+05:00" → "11.08.2023, 13:32": the time as the service's zone shows it, not the browser's. */
export function localTime(iso) {
  if (!iso) return '';
  const [date, time] = iso.split('T');
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}, ${time.substring(0, 5)}`;
}
export function dueLabel(isoDate) {
  if (!isoDate) return '';
  const today = new Date(); const day = new Date(isoDate + 'T00:00:00');
  const diff = Math.round((day - new Date(today.getFullYear(), today.getMonth(), today.getDate())) / 86400000);
  return diff === 0 ? 'Сегодня' : diff === 1 ? 'Завтра' : day.toLocaleDateString('ru-RU');
}
export async function signOut() {
  await fetch('/logout', {method: 'POST', headers: {'X-XSRF-TOKEN': xsrf()}, credentials: 'same-origin'});
  location.href = '/login?logout';
}
