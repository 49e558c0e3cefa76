// The script of reception.html, «Приём гостей» (issue 30): the day's guests of the staff's services, and the check-in
// by what the guest shows — the pass a handheld scanner types (it presses Enter itself) or a number typed by hand.
// The answer reads at a glance: «Проходите», or why not; a guest who has not paid is paid for here, then let in.
import {pageHeader} from '/assets/layout.js';
import {api, money, newKey} from '/assets/api.js';
import {h, fill} from '/assets/dom.js';
const $ = id => document.getElementById(id);
const me = await api('/api/me');
pageHeader(me, {title: 'Приём гостей', back: '/', backLabel: 'К списку заказов',
  actions: [h('a', {class: 'button', href: '/board.html'}, 'Загрузка')]});
const time = iso => iso ? iso.substring(11, 16) : '';
const MONTHS = ['января','февраля','марта','апреля','мая','июня','июля','августа','сентября','октября','ноября','декабря'];
const dayText = iso => { const [y, m, d] = iso.split('-'); return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`; };
let day = null, unpaid = null, payKey = null;

/** The answer of the last check-in, in large type: green to let in, red with the reason, amber when money is owed. */
function answer(kind, title, detail, guest, ...actions) {
  const box = $('answer');
  box.hidden = false;
  box.className = `answer ${kind}`;
  fill(box, h('div', {class: 'verdict', id: 'verdict'}, title),
    guest ? h('div', {class: 'who'}, h('b', {}, guest.visitorName), ` · билет ${guest.ticketNumber ?? guest.number}`,
      guest.start ? ` · ${time(guest.start)}–${time(guest.end)}` : '', guest.serviceName ? ` · ${guest.serviceName}` : '') : null,
    detail ? h('div', {class: 'detail', id: 'answerDetail'}, detail) : null,
    actions.length ? h('div', {class: 'actions start'}, actions) : null);
}

async function checkIn(code) {
  fill($('answer')); $('answer').hidden = true; // the last guest's answer goes: what shows next is this one's
  try {
    const done = await api('/api/reception/check-in', {method: 'POST', body: {code}});
    answer(done.already ? 'again' : 'ok', done.already ? done.message : 'Проходите', done.already ? null : `Отмечен приход в ${time(done.at)}.`,
      done.guest, h('a', {class: 'button', href: `/ticket.html?id=${encodeURIComponent(done.guest.orderId)}`}, 'Билет'));
  } catch (error) {
    const p = error.problem || {};
    const guest = p.orderId ? {orderId: p.orderId, number: p.number, ticketNumber: p.ticketNumber, visitorName: p.visitorName} : null;
    if (p.code === 'order-not-paid') {
      unpaid = {orderId: p.orderId, code, remainder: p.remainder, visitorName: p.visitorName, number: p.number};
      answer('owed', `Не оплачено: к оплате ${money(p.remainder)}`, 'Примите оплату, затем гость проходит.', guest,
        h('button', {class: 'primary', id: 'takePayment', onclick: openPayment}, `Принять ${money(p.remainder)}`));
      openPayment();
    } else {
      answer('no', p.code === 'pass-invalid' ? 'Пропуск недействителен' : 'Нельзя пройти', error.message, guest,
        guest ? h('a', {class: 'button', href: `/order.html?id=${encodeURIComponent(guest.orderId)}`}, 'Открыть заказ') : null);
    }
  }
  $('code').value = '';
  $('code').focus();
  load();
}

function openPayment() {
  payKey = newKey();
  $('payError').textContent = '';
  $('payWho').textContent = `${unpaid.visitorName}, заказ № ${unpaid.number}. Остаток к оплате ${money(unpaid.remainder)}.`;
  $('payAmount').value = unpaid.remainder.value;
  $('payDialog').showModal();
  $('payAmount').select();
}
$('payCancel').onclick = () => $('payDialog').close();
$('payForm').onsubmit = async e => {
  e.preventDefault();
  $('paySave').disabled = true;
  try {
    const value = $('payAmount').value.trim().replace(/\s/g, '').replace(',', '.');
    await api(`/api/orders/${unpaid.orderId}/payments`, {method: 'POST', headers: {'Idempotency-Key': payKey},
      body: {amount: {value, currency: 'RUB'}, method: $('payMethod').value}});
    $('payDialog').close();
    await checkIn(unpaid.code);
  } catch (failure) { $('payError').textContent = failure.message; payKey = newKey(); }
  finally { $('paySave').disabled = false; }
};

$('scanForm').onsubmit = e => { e.preventDefault(); const code = $('code').value.trim(); if (code) checkIn(code); };

/** An action of a row (check-out, no-show, check-in from the list): the order's own endpoint; the list then shows it. */
async function act(guest, path, what) {
  try {
    const done = await api(`/api/orders/${guest.orderId}/${path}`, {method: 'POST'});
    if (path === 'check-in') answer(done.already ? 'again' : 'ok', done.already ? 'Уже отмечен' : 'Проходите', null, guest);
  } catch (error) { answer('no', `Не удалось: ${what}`, error.message, guest); }
  load();
}

function row(g) {
  const live = g.status === 'CONFIRMED';
  return h('tr', {dataset: {orderId: g.orderId, state: g.state}, class: g.state},
    h('td', {dataset: {label: 'Время'}}, `${time(g.start)}–${time(g.end)}`),
    h('td', {dataset: {label: 'Билет'}}, h('a', {href: `/ticket.html?id=${encodeURIComponent(g.orderId)}`}, g.ticketNumber)),
    h('td', {dataset: {label: 'Посетитель'}}, g.visitorName),
    h('td', {dataset: {label: 'Услуга'}, class: 'muted'}, g.serviceName),
    h('td', {dataset: {label: 'Состояние'}}, h('span', {class: `badge state-${g.state}`}, g.stateLabel)),
    h('td', {dataset: {label: 'Действия'}}, h('div', {class: 'actions start'},
      live && g.state === 'EXPECTED' ? h('button', {onclick: () => act(g, 'check-in', 'отметить приход')}, 'Пришёл') : null,
      live && g.state === 'NOT_PAID' ? h('button', {onclick: () => { unpaid = {orderId: g.orderId, code: g.number, remainder: g.remainder,
        visitorName: g.visitorName, number: g.number}; openPayment(); }}, 'Принять оплату') : null,
      live && g.state === 'CHECKED_IN' ? h('button', {onclick: () => act(g, 'check-out', 'отметить уход')}, 'Ушёл') : null,
      live && (g.state === 'EXPECTED' || g.state === 'NOT_PAID') && new Date(g.start) <= new Date()
        ? h('button', {onclick: () => act(g, 'no-show', 'отметить неявку')}, 'Не пришёл') : null)));
}

async function load() {
  const today = await api('/api/reception/today' + (day ? '?date=' + day : ''));
  day = day || today.date;
  $('dayTitle').textContent = `Гости на ${dayText(today.date)}`;
  fill($('guests'), today.guests.map(row));
  $('empty').hidden = today.guests.length > 0;
  const count = state => today.guests.filter(g => g.state === state).length;
  $('counts').textContent = `ожидаются: ${count('EXPECTED') + count('NOT_PAID')} · пришли: ${count('CHECKED_IN') + count('CHECKED_OUT')}`
    + ` · не пришли: ${count('NO_SHOW')}`;
  $('updated').textContent = 'обновлено в ' + new Date().toLocaleTimeString('ru-RU');
}
// live: guests let in at another desk, payments and no-shows show within seconds
setInterval(() => { if (document.visibilityState === 'visible' && !$('payDialog').open) load(); }, 5000);
load();
