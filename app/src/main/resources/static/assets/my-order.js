// The script of my-order.html (issue 29: page scripts are modules of their own, not inline).
import {h, fill} from '/assets/dom.js';
import {pageHeader} from '/assets/layout.js';
import {api, money, localTime, rentalPeriod, phone, newKey, orderNotFound, renderReceipts} from '/assets/api.js';
import {moveDialog} from '/assets/booking.js';
import {renderTimeline} from '/assets/timeline.js';
const $ = id => document.getElementById(id);
const orderId = new URLSearchParams(location.search).get('id') || location.pathname.split('/').pop();
pageHeader(await api('/api/me'), {title: 'Заказ', back: '/my.html', backLabel: 'К моим заказам'});
const services = await api('/api/catalog/services');
let cancellableUntil = null, current = null;
/** The service's cancellation policy, in its own time zone: shown before paying and before cancelling. */
function policy(d) {
  const service = services.find(s => s.id === d.service.id);
  if (!service) { $('policyCard').hidden = true; return; }
  const p = service.cancellationPolicy;
  cancellableUntil = new Date(Date.parse(d.rentalPeriod.start) - p.guestCutoffMinutes * 60000);
  const until = new Intl.DateTimeFormat('ru-RU', {timeZone: d.service.timeZone, day: '2-digit', month: '2-digit',
    year: 'numeric', hour: '2-digit', minute: '2-digit'}).format(cancellableUntil);
  const back = p.guestRefundPercent === 100 ? 'вернём всё оплаченное' : p.guestRefundPercent === 0
    ? 'оплата не возвращается' : `вернём ${p.guestRefundPercent} % оплаченного`;
  $('policy').textContent = `Отменить бронирование можно до ${until} (время площадки) — ${back}. `
    + 'До того же времени его можно перенести на свободные часы. Позже это может сделать только менеджер.';
  const open = d.status !== 'CANCELLED' && d.status !== 'COMPLETED' && Date.now() < cancellableUntil.getTime();
  $('cancel').hidden = !open;
  // a paid (confirmed) booking moves, until the same cut-off
  $('move').hidden = !open || d.status !== 'CONFIRMED';
}
function render(d) {
  current = d;
  $('heading').textContent = `Заказ ${d.number}`; $('number').textContent = d.number; $('service').textContent = d.service.name;
  $('status').textContent = d.statusLabel; $('status').className = 'badge ' + d.status;
  $('period').textContent = 'Период аренды: ' + rentalPeriod(d.rentalPeriod);
  $('receiptsCard').hidden = !(d.receipts && d.receipts.length); renderReceipts($('receipts'), d.receipts);
  fill($('payments'), d.payments.map(p => h('div', {class: 'row'}, h('span', {}, p.methodLabel, ' ', h('span', {class: 'muted'}, localTime(p.at))),
    h('span', {}, `Оплачено ${money(p.amount)}`))));
  $('paymentStatus').textContent = d.paymentStatusLabel; $('paymentStatus').className = 'badge ' + d.paymentStatus;
  $('total').textContent = money(d.total); $('paid').textContent = money(d.paid); $('remainder').textContent = money(d.remainder);
  $('pay').hidden = d.status === 'CANCELLED' || d.status === 'COMPLETED' || Number(d.remainder.value) === 0;
  fill($('visitor'), d.visitor.name, h('div', {class: 'muted'}, phone(d.visitor.phone)),
    d.visitor.email ? h('div', {class: 'muted', id: 'visitorEmail'}, d.visitor.email) : null);
  policy(d);
  pass(d);
}
/** The pass to show at the reception (issue 30): a confirmed booking's; once checked in, «Вы отметились в 10:02». */
async function pass(d) {
  const t = d.ticket || {};
  $('calendar').href = `/api/my/orders/${orderId}/calendar.ics`;
  $('calendar').hidden = d.status === 'CANCELLED';
  $('checkedIn').hidden = !t.checkedInAt;
  $('checkedIn').textContent = t.checkedInAt ? `Вы отметились в ${t.checkedInAt.substring(11, 16)}` + (t.checkedOutAt
    ? `, ушли в ${t.checkedOutAt.substring(11, 16)}.` : '.') : '';
  const confirmed = d.status === 'CONFIRMED';
  $('passCard').hidden = !confirmed && !t.checkedInAt;
  $('passTitle').textContent = `Пропуск · билет № ${t.number}`;
  $('passImage').parentElement.hidden = !confirmed || !!t.checkedInAt;
  if (confirmed && !t.checkedInAt) {
    const p = await api(`/api/my/orders/${orderId}/pass`);
    $('passCode').textContent = p.code;
    if (!$('passImage').src.endsWith('pass.svg')) $('passImage').src = `/api/my/orders/${orderId}/pass.svg`;
  }
}
async function loadTimeline() {
  const entries = await api(`/api/my/orders/${orderId}/timeline`);
  renderTimeline($('timeline'), entries);
}
render(await api(`/api/my/orders/${orderId}`).catch(error => orderNotFound(error, '/my.html', 'К моим заказам',
  'Среди ваших заказов такого нет.'))); loadTimeline();
new EventSource(`/api/my/orders/${orderId}/updates`).addEventListener('order', e => { render(JSON.parse(e.data)); loadTimeline(); });
$('pay').onclick = async () => {
  $('pay').disabled = true; $('payError').textContent = '';
  try { const answer = await api(`/api/my/orders/${orderId}/payment`, {method: 'POST', headers: {'Idempotency-Key': newKey()}});
    location.href = answer.confirmationUrl; }
  catch (error) { $('payError').textContent = error.message; $('pay').disabled = false; }
};
const openMove = moveDialog($('moveDialog'), {path: o => `/api/my/orders/${o.orderId}/rescheduling`, withReason: false,
  done: async () => { render(await api(`/api/my/orders/${orderId}`)); loadTimeline(); }});
$('move').onclick = () => openMove(current);
$('cancel').onclick = async () => {
  if (!confirm('Отменить бронирование? ' + $('policy').textContent)) return;
  $('cancel').disabled = true; $('cancelError').textContent = '';
  try { render(await api(`/api/my/orders/${orderId}/cancellation`, {method: 'POST', body: {}})
          .then(() => api(`/api/my/orders/${orderId}`))); loadTimeline(); }
  catch (error) { $('cancelError').textContent = error.message; }
  $('cancel').disabled = false;
};
$('send').onclick = async () => {
  $('messageError').textContent = '';
  try { await api(`/api/my/orders/${orderId}/messages`, {method: 'POST', headers: {'Idempotency-Key': newKey()}, body: {text: $('message').value}});
    $('message').value = ''; loadTimeline(); }
  catch (error) { $('messageError').textContent = error.message; }
};
