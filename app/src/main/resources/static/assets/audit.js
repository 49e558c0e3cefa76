// The script of audit.html (issue 29: page scripts are modules of their own, not inline).
import {pageHeader} from '/assets/layout.js';
import {api, money} from '/assets/api.js';
import {h, fill} from '/assets/dom.js';
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
  if (m.cause) return m.cause;
  const p = e.payload || {};
  if (e.type === 'MessagePosted') return `${p.visibility === 'INTERNAL' ? 'Внутреннее' : 'Публичное'}: «${p.text}»`;
  if (p.amount) return `${money(p.amount)}${p.method ? ' · ' + (METHODS[p.method] || p.method) : ''}`;
  if (p.reason) return `«${p.reason}»`;
  if (p.executorName) return p.executorName;
  return m.idempotencyKey ? `Idempotency-Key ${m.idempotencyKey}` : '';
}
fill($('events'), events.map(e => {
  const a = e.actor || {};
  const broken = bad && e.sequence >= bad.sequence;
  return h('tr', {dataset: {seq: e.sequence}, class: broken ? 'broken' : ''},
    h('td', {dataset: {label: '№'}}, `${e.sequence}${bad && e.sequence === bad.sequence ? ' ✗' : ''}`),
    h('td', {dataset: {label: 'Время'}}, shown(e.at)), h('td', {dataset: {label: 'Событие'}}, TYPES[e.type] || e.type),
    h('td', {dataset: {label: 'Кто'}}, a.name || '', h('div', {class: 'muted'}, ROLES[a.role] || a.role || '')),
    h('td', {dataset: {label: 'Канал'}}, CHANNELS[a.channel] || a.channel || ''), h('td', {dataset: {label: 'Основание'}}, cause(e)));
}));

async function select(seq) {
  const e = events.find(x => x.sequence === seq);
  document.querySelectorAll('#events tr').forEach(tr => tr.classList.toggle('selected', Number(tr.dataset.seq) === seq));
  $('raw').textContent = JSON.stringify({type: e.type, at: e.at, eventId: e.eventId, payload: e.payload, metadata: e.metadata}, null, 2);
  $('asOfTime').textContent = shown(e.at);
  try {
    const s = await api(`/api/audit/orders/${orderId}/state?at=${encodeURIComponent(e.at)}`);
    $('asOf').classList.remove('muted');
    const row = (label, value) => h('div', {class: 'row'}, h('span', {}, label), value instanceof Node ? value : h('span', {}, value));
    fill($('asOf'), row('Статус', h('span', {class: `badge ${s.status}`}, s.statusLabel || s.status)),
      row('Оплата', h('span', {class: `badge ${s.paymentStatus}`}, s.paymentStatusLabel || s.paymentStatus)),
      row('Итого', money(s.total)), row('Оплачено', money(s.paid)), row('Остаток', money(s.remainder)),
      row('Исполнитель', s.executor ? s.executor.name : 'не назначен'), row('Версия', s.version));
  } catch (error) { $('asOf').textContent = error.message; }
}
$('events').onclick = ev => { const tr = ev.target.closest('tr[data-seq]'); if (tr) select(Number(tr.dataset.seq)); };
if (events.length) select(events[events.length - 1].sequence);
