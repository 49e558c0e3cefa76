// The script of ticket.html (issue 30): «Билет №…» of the order form — the ticket's state, the guest's pass and the
// check-ins, and the reception's actions on it.
import {pageHeader} from '/assets/layout.js';
import {api, money, localTime, rentalPeriod, orderNotFound} from '/assets/api.js';
import {h, fill} from '/assets/dom.js';
const $ = id => document.getElementById(id);
const orderId = new URLSearchParams(location.search).get('id');
const me = await api('/api/me');
pageHeader(me, {title: 'Билет', back: `/order.html?id=${encodeURIComponent(orderId)}`, backLabel: 'К заказу',
  actions: me.role === 'AUDITOR' ? [] : [h('a', {class: 'button', href: '/reception.html'}, 'Приём гостей')]});
const readonly = me.role === 'AUDITOR';

async function show() {
  const d = await api(`/api/orders/${orderId}`).catch(error => orderNotFound(error, '/', 'К списку заказов',
    'Такого заказа нет, или он относится к услуге, за которую отвечают другие менеджеры.'));
  const t = d.ticket || {};
  document.title = `Билет ${t.number} — Order Desk`;
  $('heading').textContent = `Билет № ${t.number}`;
  $('ticketNumber').textContent = `Билет № ${t.number}`;
  $('status').textContent = d.statusLabel; $('status').className = 'badge ' + d.status;
  $('orderLink').textContent = `Заказ ${d.number}`; $('orderLink').href = `/order.html?id=${encodeURIComponent(d.orderId)}`;
  $('service').textContent = d.service.name;
  $('period').textContent = rentalPeriod(d.rentalPeriod);
  $('visitor').textContent = d.visitor.name;
  $('remainder').textContent = money(d.remainder);
  const confirmed = d.status === 'CONFIRMED';
  $('passCard').hidden = !confirmed;
  if (confirmed) {
    const pass = await api(`/api/orders/${orderId}/pass`);
    $('passCode').textContent = pass.code;
    if (!$('passImage').src.endsWith('pass.svg')) $('passImage').src = `/api/orders/${orderId}/pass.svg`;
  }
  fill($('history'),
    t.checkedInAt ? h('div', {class: 'row', id: 'checkedIn'}, h('span', {}, 'Пришёл'),
      h('span', {}, localTime(t.checkedInAt), ' · ', t.checkInMethodLabel, t.checkedInBy ? ' · ' + t.checkedInBy.name : '')) : null,
    t.checkedOutAt ? h('div', {class: 'row', id: 'checkedOut'}, h('span', {}, 'Ушёл'), h('span', {}, localTime(t.checkedOutAt))) : null,
    t.noShowAt ? h('div', {class: 'row warn', id: 'noShowAt'}, h('span', {}, 'Не пришёл'), h('span', {}, localTime(t.noShowAt))) : null,
    !t.checkedInAt && !t.noShowAt ? h('p', {class: 'muted'}, 'Гость ещё не отмечался.') : null);
  $('checkIn').hidden = readonly || !confirmed || !!t.checkedInAt;
  $('checkOut').hidden = readonly || !confirmed || !t.checkedInAt || !!t.checkedOutAt;
  $('noShow').hidden = readonly || !confirmed || !!t.checkedInAt || new Date(d.rentalPeriod.start) > new Date();
}
async function act(path) {
  $('ticketError').textContent = '';
  try { await api(`/api/orders/${orderId}/${path}`, {method: 'POST'}); } catch (error) { $('ticketError').textContent = error.message; }
  show();
}
$('checkIn').onclick = () => act('check-in');
$('checkOut').onclick = () => act('check-out');
$('noShow').onclick = () => act('no-show');
const live = new EventSource(`/api/orders/${orderId}/updates`);
live.addEventListener('order', () => show());
show();
