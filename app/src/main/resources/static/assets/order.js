// The script of order.html (issue 29: page scripts are modules of their own, not inline).
import {pageHeader} from '/assets/layout.js';
import {api, money, dueLabel, localTime, rentalPeriod, phone, newKey, methodLabel, orderNotFound, renderReceipts} from '/assets/api.js';
import {moveDialog} from '/assets/booking.js';
import {renderTimeline} from '/assets/timeline.js';
import {h, fill} from '/assets/dom.js';
const $ = id => document.getElementById(id);
const orderId = new URLSearchParams(location.search).get('id');
const me = await api('/api/me');
pageHeader(me, {title: 'Заказ', back: '/', backLabel: 'К списку заказов'});
if (me.role === 'AUDITOR') {
  // auditors read everything and change nothing: no controls, and the way to the order's history
  document.body.classList.add('readonly');
  const audit = Object.assign(document.createElement('a'), {id: 'auditLink', className: 'button', href: `/audit.html?id=${orderId}`,
    textContent: 'Аудит: история и проверка'});
  $('status').after(audit);
}
let detail, visibility = 'PUBLIC';

function render(d) {
  detail = d;
  document.title = `Заказ ${d.number} — Order Desk`;
  $('heading').textContent = `Заказ ${d.number}`;
  $('number').textContent = d.number;
  $('created').textContent = localTime(d.createdAt);
  $('service').textContent = d.service.name;
  $('status').textContent = d.statusLabel; $('status').className = 'badge ' + d.status;
  fill($('executor'), d.executor ? d.executor.name : h('span', {class: 'muted'}, 'Не назначено'));
  // «Билет №…» opens the ticket: its pass, the check-ins (issue 30)
  fill($('ticket'), h('a', {href: `/ticket.html?id=${encodeURIComponent(d.orderId)}`, id: 'ticketLink'}, `Билет № ${d.ticket.number}`),
    d.ticket.checkedInAt ? h('span', {class: 'muted', id: 'ticketState'}, ` · пришёл ${localTime(d.ticket.checkedInAt)}`)
      : d.ticket.noShowAt ? h('span', {class: 'muted', id: 'ticketState'}, ` · не пришёл`) : null);
  fill($('visitor'), d.visitor.name, h('div', {class: 'muted'}, 'Телефон: ', phone(d.visitor.phone)),
    d.visitor.email ? h('div', {class: 'muted', id: 'visitorEmail'}, d.visitor.email, d.visitorEmailUnconfirmed ? [' · ', h('span', {class: 'warn',
      title: 'Адрес указал гость, и он не его: письма и чеки туда не отправляются, пока адрес не подтвердят по ссылке из письма'},
      'не подтверждён')] : null) : null);
  fill($('lines'), d.lines.map(l => h('div', {class: 'row'}, h('span', {}, l.description), h('span', {}, `${l.quantity} x ${money(l.unitPrice)}`),
    h('span', {}, money(l.amount)))));
  $('period').textContent = 'Период аренды: ' + rentalPeriod(d.rentalPeriod);
  $('ticketCost').textContent = money(d.ticketCost); $('total').textContent = money(d.total);
  fill($('payments'), d.payments.map(p => h('div', {class: 'row'},
      h('span', {}, p.methodLabel.charAt(0).toUpperCase() + p.methodLabel.slice(1),
        h('div', {class: 'muted'}, localTime(p.at), p.recordedBy ? ' · ' + p.recordedBy.name : '')),
      h('span', {}, `Оплачено ${money(p.amount)}`))),
    d.prepaymentDue && Number(d.prepaymentDue.value) > 0
      ? h('div', {class: 'row muted'}, h('span', {}, 'Предоплата'), h('span', {}, money(d.prepaymentDue))) : null);
  $('paid').textContent = money(d.paid); $('remainder').textContent = money(d.remainder);
  // a refund made in the gateway's dashboard can leave less than the minimum: it can only be paid whole
  const belowMinimum = d.status !== 'CANCELLED' && Number(d.remainder.value) > 0 && Number(d.remainder.value) < Number(d.minimumRemainder.value);
  $('belowMinimum').hidden = !belowMinimum;
  if (belowMinimum) {
    $('belowMinimum').textContent = `Остаток ${money(d.remainder)} меньше минимума ${money(d.minimumRemainder)}: примите его только целиком.`;
  }
  $('refundRow').hidden = Number(d.refundDue.value) === 0; $('refundDue').textContent = money(d.refundDue);
  fill($('refunds'), d.refunds.map(r => h('div', {class: 'row refund'},
    h('span', {}, 'Возврат: ', r.method ? methodLabel(r.method) : '', h('div', {class: 'muted'}, localTime(r.at), r.recordedBy ? ' · ' + r.recordedBy.name : '')),
    h('span', {}, `−${money(r.amount)}`))));
  $('receiptsCard').hidden = !(d.receipts && d.receipts.length); renderReceipts($('receipts'), d.receipts);
  const final = d.status === 'CANCELLED' || d.status === 'COMPLETED';
  $('recordPayment').hidden = final || Number(d.remainder.value) === 0;
  // money owed back is paid out at the desk, whatever the order's status
  $('recordRefund').hidden = Number(d.refundDue.value) === 0;
  $('cancelOrder').disabled = final;
  // a confirmed order moves (one awaiting its payment is paid first); the server decides whether the hours are free
  $('move').hidden = d.status !== 'CONFIRMED';
  // completion: a confirmed order whose rental is over (the server checks the same)
  const over = new Date(d.rentalPeriod.end) <= new Date();
  $('completeOrder').disabled = d.status !== 'CONFIRMED' || !over;
  $('completeOrder').title = d.status !== 'CONFIRMED' ? 'Завершить можно только подтверждённый заказ'
    : over ? '' : 'Период аренды ещё не закончился';
  $('paymentStatusLine')?.remove();
  $('paid').parentElement.before(h('div', {class: 'row', id: 'paymentStatusLine'}, h('span', {}, 'Статус оплаты'),
    h('span', {class: `badge ${d.paymentStatus}`, id: 'paymentStatus'}, d.paymentStatusLabel)));
  fill($('applicant'), d.applicant.name, h('div', {class: 'muted'}, d.applicant.role), h('div', {}, phone(d.applicant.phone)));
  $('due').textContent = dueLabel(d.dueDate, d.createdAt);
}
async function loadTimeline() {
  const entries = await api(`/api/orders/${orderId}/timeline`);
  renderTimeline($('timeline'), entries);
}
render(await api(`/api/orders/${orderId}`).catch(error => orderNotFound(error, '/', 'К списку заказов',
  'Такого заказа нет, или он относится к услуге, за которую отвечают другие менеджеры.')));
loadTimeline();

// live: the form follows the order without reload
const live = new EventSource(`/api/orders/${orderId}/updates`);
live.addEventListener('order', e => { render(JSON.parse(e.data)); loadTimeline(); });

/**
 * A dialog that moves money (a payment, a refund): one Idempotency-Key per opening, so a double click records it
 * once, and a new one after a refusal, so the corrected amount is a new request.
 */
function moneyForm(dialog, path, amount, method, save, error) {
  let key = null;
  return {
    open() { key = newKey(); error.textContent = ''; },
    async submit() {
      const value = amount.value.trim().replace(/\s/g, '').replace(',', '.');
      save.disabled = true;
      try {
        await api(path, {method: 'POST', headers: {'Idempotency-Key': key}, body: {amount: {value, currency: 'RUB'}, method: method.value}});
        dialog.close();
        render(await api(`/api/orders/${orderId}`)); loadTimeline();
      } catch (failure) { error.textContent = failure.message; key = newKey(); }
      finally { save.disabled = false; }
    }};
}

// «Провести оплату»
const payment = moneyForm($('paymentDialog'), `/api/orders/${orderId}/payments`, $('amount'), $('method'), $('paymentSave'), $('paymentError'));
$('recordPayment').onclick = () => {
  payment.open(); $('amount').value = '';
  $('amountHint').textContent = `Остаток к оплате ${money(detail.remainder)}. Остаток к оплате не должен быть менее ${money(detail.minimumRemainder)}.`;
  $('paymentDialog').showModal(); $('amount').focus();
};
$('paymentCancel').onclick = () => $('paymentDialog').close();
$('paymentForm').onsubmit = e => { e.preventDefault(); payment.submit(); };

// the executor is one of the service's responsible staff (the catalog names them)
$('changeExecutor').onclick = async e => { e.preventDefault(); $('executorError').textContent = '';
  try {
    const service = (await api('/api/catalog/services')).find(s => s.id === detail.service.id);
    const staff = service ? service.staff : [];
    const chosen = detail.executor ? detail.executor.id : (staff.some(p => p.id === me.id) ? me.id : '');
    fill($('executorId'), chosen ? null : h('option', {value: ''}, '— выберите —'),
      staff.map(p => h('option', {value: p.id, selected: p.id === chosen}, p.name)));
  } catch (error) { $('executorError').textContent = error.message; }
  $('executorDialog').showModal(); $('executorId').focus(); };
$('executorForm').onsubmit = async e => { e.preventDefault();
  const option = $('executorId').selectedOptions[0];
  try { await api(`/api/orders/${orderId}/executor`, {method: 'PUT', body: {executorId: $('executorId').value, executorName: option ? option.textContent : ''}});
    $('executorDialog').close(); render(await api(`/api/orders/${orderId}`)); loadTimeline(); }
  catch (error) { $('executorError').textContent = error.message; } };
$('unassign').onclick = async () => { await api(`/api/orders/${orderId}/executor`, {method: 'DELETE'}); $('executorDialog').close();
  render(await api(`/api/orders/${orderId}`)); loadTimeline(); };

// «Оформить возврат»: money owed back, paid out at the desk (in parts if need be)
const refund = moneyForm($('refundDialog'), `/api/orders/${orderId}/refunds`, $('refundAmount'), $('refundMethod'), $('refundSave'), $('refundError'));
$('recordRefund').onclick = () => {
  refund.open(); $('refundAmount').value = String(Number(detail.refundDue.value)).replace('.', ',');
  $('confirmRefund').checked = false;
  $('refundHint').textContent = `К возврату ${money(detail.refundDue)}. Можно вернуть частями.`;
  $('refundDialog').showModal(); $('refundAmount').focus(); $('refundAmount').select();
};
$('refundCancel').onclick = () => $('refundDialog').close();
$('confirmRefund').onchange = () => { $('refundError').textContent = ''; };
$('refundForm').onsubmit = e => {
  e.preventDefault();
  if (!$('confirmRefund').checked) { $('refundError').textContent = 'Подтвердите, что деньги выданы гостю.'; return; }
  refund.submit();
};

$('completeOrder').onclick = () => {
  $('menuItems').hidden = true; $('completeError').textContent = '';
  $('completeText').textContent = `Отметить заказ ${detail.number} выполненным? Период аренды: ${rentalPeriod(detail.rentalPeriod)}. `
    + 'После этого заказ нельзя будет изменить или отменить.'
    + (Number(detail.remainder.value) > 0 ? ` Внимание: заказ оплачен не полностью, остаток к оплате ${money(detail.remainder)}.` : '');
  $('completeDialog').showModal(); $('completeSubmit').focus();
};
$('completeCancel').onclick = () => $('completeDialog').close();
$('completeForm').onsubmit = async e => { e.preventDefault();
  try { await api(`/api/orders/${orderId}/completion`, {method: 'POST', headers: {'If-Match': `"${detail.version}"`}});
    $('completeDialog').close(); render(await api(`/api/orders/${orderId}`)); loadTimeline(); }
  catch (error) { $('completeError').textContent = error.message; } };

const openMove = moveDialog($('moveDialog'), {path: o => `/api/orders/${o.orderId}/rescheduling`, withReason: true,
  done: async () => { render(await api(`/api/orders/${orderId}`)); loadTimeline(); }});
$('move').onclick = () => openMove(detail);
$('menu').onclick = () => { $('menuItems').hidden = !$('menuItems').hidden; };
$('cancelOrder').onclick = () => { $('menuItems').hidden = true; $('cancelError').textContent = ''; $('cancelDialog').showModal(); };
$('cancelClose').onclick = () => $('cancelDialog').close();
$('cancelForm').onsubmit = async e => { e.preventDefault();
  if (!$('confirmCancel').checked) { $('cancelError').textContent = 'Подтвердите отмену заказа.'; return; }
  try { await api(`/api/orders/${orderId}/cancellation`, {method: 'POST', body: {reason: $('reason').value}});
    $('cancelDialog').close(); render(await api(`/api/orders/${orderId}`)); loadTimeline(); }
  catch (error) { $('cancelError').textContent = error.message; } };

$('tabPublic').onclick = () => { visibility = 'PUBLIC'; $('tabPublic').className = 'active'; $('tabInternal').className = ''; };
$('tabInternal').onclick = () => { visibility = 'INTERNAL'; $('tabInternal').className = 'active'; $('tabPublic').className = ''; };
$('send').onclick = async () => {
  $('messageError').textContent = '';
  try { await api(`/api/orders/${orderId}/messages`, {method: 'POST', headers: {'Idempotency-Key': newKey()}, body: {visibility, text: $('message').value}});
    $('message').value = ''; loadTimeline(); }
  catch (error) { $('messageError').textContent = error.message; }
};
