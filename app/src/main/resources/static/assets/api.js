import {h, fill} from '/assets/dom.js';
// The pages' only way to the service: its public HTTP API, with the session cookie and the CSRF token.
export const money = m => m ? Number(m.value).toLocaleString('ru-RU', {minimumFractionDigits: 0, maximumFractionDigits: 2}) + '\u00a0₽' : '';
function xsrf() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : null;
}
/** The session's CSRF token: from its cookie, or asked for once (sign-in rotates it and leaves no cookie). */
async function csrfToken() {
  const known = xsrf();
  if (known) return known;
  const answer = await fetch('/csrf', {credentials: 'same-origin'});
  return (await answer.json()).token;
}
export async function api(path, options = {}) {
  const headers = {'Accept': 'application/json', ...(options.headers || {})};
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.method && options.method !== 'GET') headers['X-XSRF-TOKEN'] = await csrfToken();
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
/**
 * «Сегодня», «Завтра» or the date, counted in the service's zone: {@code at} is any time the service wrote (its ISO
 * string carries the zone's offset), so a manager in another zone, or late in the evening, sees the service's day.
 */
export function dueLabel(isoDate, at) {
  if (!isoDate) return '';
  const m = /([+-])(\d\d):(\d\d)$/.exec(at || '');
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : -new Date().getTimezoneOffset();
  const today = new Date(Date.now() + offset * 60000).toISOString().substring(0, 10);
  const diff = Math.round((Date.parse(isoDate + 'T00:00:00Z') - Date.parse(today + 'T00:00:00Z')) / 86400000);
  const [y, mo, d] = isoDate.split('-');
  return diff === 0 ? 'Сегодня' : diff === 1 ? 'Завтра' : `${d}.${mo}.${y}`;
}
export async function signOut() {
  await fetch('/logout', {method: 'POST', headers: {'X-XSRF-TOKEN': await csrfToken()}, credentials: 'same-origin'});
  location.href = '/login?logout';
}

const MONTHS = ['января','февраля','марта','апреля','мая','июня','июля','августа','сентября','октября','ноября','декабря'];
/** «11 августа 2023 г., с 16:00 до 20:00» in the service's zone (the ISO strings carry its offset). */
export function rentalPeriod(period) {
  const [startDate, startTime] = period.start.split('T'); const [endDate, endTime] = period.end.split('T');
  const day = d => { const [y, m, dd] = d.split('-'); return `${Number(dd)} ${MONTHS[Number(m) - 1]} ${y} г.`; };
  const sameDay = startDate === endDate;
  return sameDay ? `${day(startDate)}, с ${startTime.substring(0, 5)} до ${endTime.substring(0, 5)}`
    : `с ${day(startDate)} ${startTime.substring(0, 5)} до ${day(endDate)} ${endTime.substring(0, 5)}`;
}
export function phone(e164) {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164 || '');
  return m ? `+7 (${m[1]}) ${m[2]}-${m[3]}-${m[4]}` : (e164 || '');
}
export const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
const METHODS = {CASH: 'наличные', CARD_TERMINAL: 'карта через терминал', BANK_TRANSFER: 'банковский перевод',
  BANK_CARD: 'банковская карта', SBP: 'СБП', ONLINE: 'онлайн-оплата'};
/** How money moved, in words (the same labels as the server's PaymentMethod). */
export const methodLabel = method => METHODS[method] || method;
/** Types a Russian phone as «+7 (912) 555-12-34» while it is entered; a leading 8 is read as +7. */
export function maskPhone(value) {
  let digits = String(value).replace(/\D/g, '');
  if (digits.startsWith('8')) digits = '7' + digits.substring(1);
  if (digits && !digits.startsWith('7')) digits = '7' + digits;
  digits = digits.substring(0, 11);
  const d = digits.substring(1);
  let out = digits ? '+7' : '';
  if (d.length > 0) out += ' (' + d.substring(0, 3);
  if (d.length >= 3) out += ')';
  if (d.length > 3) out += ' ' + d.substring(3, 6);
  if (d.length > 6) out += '-' + d.substring(6, 8);
  if (d.length > 8) out += '-' + d.substring(8, 10);
  return out;
}

/**
 * The order page's answer to an order that is not there for this person (none such, another guest's, or of a service
 * others are responsible for): says so in place of the form, with the way back, and stops the page's script.
 */
export function orderNotFound(error, backHref, backLabel, why) {
  if (!error.problem || error.problem.code !== 'not-found') throw error;
  document.title = 'Заказ не найден — Order Desk';
  fill(document.querySelector('main'), h('div', {class: 'card section', id: 'notFound', role: 'alert'}, h('h2', {}, 'Заказ не найден'),
    h('p', {}, why), h('p', {}, h('a', {class: 'button', href: backHref}, backLabel))));
  throw new Error('order not found');
}

const VAT = {1: 'без НДС', 2: 'НДС 0%', 3: 'НДС 10%', 4: 'НДС 20%', 5: 'НДС 10/110', 6: 'НДС 20/120', 7: 'НДС 5%',
  8: 'НДС 7%', 9: 'НДС 5/105', 10: 'НДС 7/107', 11: 'НДС 22%', 12: 'НДС 22/122'};
const SETTLED = {PREPAYMENT: 'Зачёт предоплаты', CASHLESS: 'Безналичными', CASH: 'Наличными'};

/** «Чеки»: the order's fiscal receipts, where each stands, what it holds; why one failed (staff get the reason). */
export function renderReceipts(container, receipts) {
  fill(container, (receipts || []).map(r => h('div', {class: `receipt ${r.status}`, dataset: {kind: r.kind}},
    h('div', {class: 'row'},
      h('span', {}, h('b', {}, r.kindLabel), ' ', h('span', {class: `badge receipt-${r.status}`}, r.statusLabel),
        h('div', {class: 'muted'}, localTime(r.at), r.paymentModeLabel ? ' · ' + r.paymentModeLabel : '',
          r.sentTo ? ' · чек для ' + (r.sentTo.startsWith('+') ? phone(r.sentTo) : r.sentTo) : '')),
      h('span', {}, money(r.amount))),
    (r.items || []).map(i => h('div', {class: 'row muted small'}, h('span', {}, i.description),
      h('span', {}, `${i.quantity} x ${money(i.unitPrice)}`), h('span', {}, VAT[i.vatCode] || 'НДС ' + i.vatCode))),
    (r.settlements || []).map(s => h('div', {class: 'row muted small'}, h('span', {}, SETTLED[s.type] || s.type), h('span', {}, money(s.amount)))),
    r.fiscalDocumentNumber ? h('div', {class: 'muted small'}, `ФД № ${r.fiscalDocumentNumber}`,
      r.fiscalStorageNumber ? ' · ФН ' + r.fiscalStorageNumber : '', r.fiscalAttribute ? ' · ФП ' + r.fiscalAttribute : '') : null,
    r.reason ? h('div', {class: 'error receipt-reason'}, r.reason) : null)));
}
