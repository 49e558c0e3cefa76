// The script of audit.html (issue 29: page scripts are modules of their own, not inline).
import {pageHeader} from '/assets/layout.js';
import {api, money, esc} from '/assets/api.js';
const $ = id => document.getElementById(id);
const orderId = new URLSearchParams(location.search).get('id');
const TYPES = {OrderPlaced: 'Заказ создан', ExecutorAssigned: 'Назначен исполнитель', ExecutorUnassigned: 'Исполнитель снят',
  ManagerPaymentRecorded: 'Оплата у менеджера', OnlinePaymentRequested: 'Запрошена онлайн-оплата',
  GatewayPaymentCreated: 'Платёж создан в шлюзе', GatewayPaymentRecorded: 'Оплата через шлюз',
  GatewayPaymentCanceled: 'Платёж в шлюзе отменён', OrderConfirmed: 'Заказ подтверждён', MessagePosted: 'Сообщение',
  OrderCancelled: 'Заказ отменён', OrderCompleted: 'Заказ выполнен', DeskRefundRecorded: 'Возврат у менеджера',
  GatewayRefundRecorded: 'Возврат через шлюз'};
const CHANNELS = {DESK: 'Рабочее место', GUEST_APP: 'Приложение гостя', GATEWAY: 'Платёжный шлюз', SAGA: 'Платёжный процесс',
  DEADLINE: 'Срок оплаты', REPLAY: 'Пересборка', SYSTEM: 'Система'};
const ROLES = {RENTAL_MANAGER: 'Менеджер по аренде', SERVICE_MANAGER: 'Менеджер по услугам', AUDITOR: 'Аудитор',
  GUEST: 'Гость локации', SYSTEM: 'Система'};
const METHODS = {CASH: 'наличные', CARD_TERMINAL: 'карта через терминал', BANK_TRANSFER: 'банковский перевод', BANK_CARD: 'банковская карта'};
const PROBLEMS = {HASH_MISMATCH: 'содержимое не совпадает с хешем', UNREADABLE: 'данные повреждены',
  SEQUENCE_GAP: 'пропуск в последовательности', NOT_SEALED: 'событие записано до введения хешей'};

const me = await api('/api/me');
pageHeader(me, {title: 'Аудит заказа', back: '/', backLabel: 'К заказу'});
const detail = await api(`/api/orders/${orderId}`);
const zone = detail.service && detail.service.timeZone || 'Europe/Moscow';
const format = new Intl.DateTimeFormat('ru-RU', {timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric',
  hour: '2-digit', minute: '2-digit', second: '2-digit'});
const shown = iso => format.format(new Date(iso));
document.title = `Аудит заказа ${detail.number} — Order Desk`;
$('heading').textContent = `Аудит заказа ${detail.number}`;
$('back').href = `/order.html?id=${orderId}`;
$('number').textContent = detail.number;
$('status').textContent = detail.statusLabel || detail.status;
$('status').className = 'badge ' + detail.status;
$('csv').href = `/api/audit/orders/${orderId}/events?format=csv`;
$('json').href = `/api/audit/orders/${orderId}/events?format=json`;

const [events, verdict] = await Promise.all([api(`/api/audit/orders/${orderId}/events`), api(`/api/audit/orders/${orderId}/verify`)]);
const bad = verdict.firstBadEvent;
$('seal').className = 'seal ' + (verdict.intact ? 'ok' : 'broken');
$('seal').textContent = verdict.intact ? `✓ Цепочка хешей цела: ${verdict.verified} из ${verdict.events}`
  : `✗ Нарушение на событии № ${bad.sequence}`;
$('sealDetail').textContent = verdict.intact ? `Последний хеш ${verdict.lastHash}`
  : `${TYPES[bad.type] || bad.type}: ${PROBLEMS[bad.problem] || bad.problem}. ${bad.detail}`;

function cause(e) {
  const m = e.metadata || {};
  if (m.cause) return esc(m.cause);
  const p = e.payload || {};
  if (e.type === 'MessagePosted') return `${p.visibility === 'INTERNAL' ? 'Внутреннее' : 'Публичное'}: «${esc(p.text)}»`;
  if (p.amount) return `${money(p.amount)}${p.method ? ' · ' + esc(METHODS[p.method] || p.method) : ''}`;
  if (p.reason) return `«${esc(p.reason)}»`;
  if (p.executorName) return esc(p.executorName);
  return m.idempotencyKey ? `Idempotency-Key ${esc(m.idempotencyKey)}` : '';
}
$('events').innerHTML = events.map(e => {
  const a = e.actor || {};
  const broken = bad && e.sequence >= bad.sequence;
  return `<tr data-seq="${e.sequence}" class="${broken ? 'broken' : ''}">
    <td data-label="№">${e.sequence}${bad && e.sequence === bad.sequence ? ' ✗' : ''}</td>
    <td data-label="Время">${esc(shown(e.at))}</td><td data-label="Событие">${esc(TYPES[e.type] || e.type)}</td>
    <td data-label="Кто">${esc(a.name || '')}<div class="muted">${esc(ROLES[a.role] || a.role || '')}</div></td>
    <td data-label="Канал">${esc(CHANNELS[a.channel] || a.channel || '')}</td><td data-label="Основание">${cause(e)}</td></tr>`;
}).join('');

async function select(seq) {
  const e = events.find(x => x.sequence === seq);
  document.querySelectorAll('#events tr').forEach(tr => tr.classList.toggle('selected', Number(tr.dataset.seq) === seq));
  $('raw').textContent = JSON.stringify({type: e.type, at: e.at, eventId: e.eventId, payload: e.payload, metadata: e.metadata}, null, 2);
  $('asOfTime').textContent = shown(e.at);
  try {
    const s = await api(`/api/audit/orders/${orderId}/state?at=${encodeURIComponent(e.at)}`);
    $('asOf').classList.remove('muted');
    $('asOf').innerHTML = `<div class="row"><span>Статус</span><span class="badge ${s.status}">${esc(s.statusLabel || s.status)}</span></div>
      <div class="row"><span>Оплата</span><span class="badge ${s.paymentStatus}">${esc(s.paymentStatusLabel || s.paymentStatus)}</span></div>
      <div class="row"><span>Итого</span><span>${money(s.total)}</span></div>
      <div class="row"><span>Оплачено</span><span>${money(s.paid)}</span></div>
      <div class="row"><span>Остаток</span><span>${money(s.remainder)}</span></div>
      <div class="row"><span>Исполнитель</span><span>${esc(s.executor ? s.executor.name : 'не назначен')}</span></div>
      <div class="row"><span>Версия</span><span>${s.version}</span></div>`;
  } catch (error) { $('asOf').textContent = error.message; }
}
$('events').onclick = ev => { const tr = ev.target.closest('tr[data-seq]'); if (tr) select(Number(tr.dataset.seq)); };
if (events.length) select(events[events.length - 1].sequence);
