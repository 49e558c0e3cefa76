// The script of index.html (issue 29: page scripts are modules of their own, not inline).
import {pageHeader} from '/assets/layout.js';
import {h, fill} from '/assets/dom.js';
import {api, money, dueLabel, localTime} from '/assets/api.js';
import {bookingForm} from '/assets/booking.js';
const $ = id => document.getElementById(id);
let page = 0; const size = 20; let latest = 0;
const me = await api('/api/me');
pageHeader(me, {title: 'Обращения и заказы', actions: [h('button', {class: 'primary', id: 'newOrder', hidden: true}, 'Новый заказ'), h('a', {class: 'button', id: 'receptionLink', href: '/reception.html', hidden: me.role === 'AUDITOR'}, 'Приём гостей'), h('a', {class: 'button', id: 'boardLink', href: '/board.html'}, 'Загрузка'), h('a', {class: 'button', id: 'cashLink', href: '/cash.html'}, 'Касса за день')]});
// a manager works with the services they are responsible for; a choice among them when there is one to make
const services = await api('/api/catalog/services');
$('serviceId').append(...services.map(s => h('option', {value: s.id}, s.name)));
$('serviceId').hidden = services.length < 2;
/** The list's filters and sort as the API takes them (the page, the exports). */
function filters() {
  const params = new URLSearchParams({sort: $('sort').value});
  for (const f of ['q', 'status', 'paymentStatus', 'serviceId', 'createdFrom', 'createdTo']) if ($(f).value) params.set(f, $(f).value);
  if ($('executorId').value) params.set('executorId', $('executorId').value === 'me' ? me.id : $('executorId').value);
  return params;
}
async function load() {
  const params = filters(); params.set('page', page); params.set('size', size);
  // the exports take every order the filters select, not just this page
  $('exportXlsx').href = '/api/orders/export?format=xlsx&' + filters();
  $('exportCsv').href = '/api/orders/export?format=csv&' + filters();
  const ticket = ++latest;
  const result = await api('/api/orders?' + params);
  if (ticket !== latest) return; // a newer search is on its way; never show an older answer over it
  const cell = (label, props, ...content) => h('td', {...props, dataset: {label}}, ...content);
  fill($('rows'), result.items.map(o => h('tr', {dataset: {orderId: o.orderId}},
    cell('Заказ', {}, h('b', {}, o.number), h('div', {class: 'muted'}, o.serviceName)),
    cell('Создан', {}, localTime(o.createdAt)),
    cell('Посетитель', {}, o.visitorName),
    cell('Статус', {}, h('span', {class: `badge ${o.status}`}, o.statusLabel)),
    cell('Оплата', {}, h('span', {class: `badge ${o.paymentStatus}`}, o.paymentStatusLabel)),
    cell('Остаток', {class: 'money'}, money(o.remainder)),
    cell('Исполнитель', {}, o.executorName || h('span', {class: 'muted'}, 'Не назначено')),
    cell('Срок', {}, dueLabel(o.dueDate, o.createdAt)))));
  $('empty').hidden = result.items.length > 0;
  $('total').textContent = `Всего: ${result.total}`;
  $('prev').disabled = page === 0; $('next').disabled = (page + 1) * size >= result.total;
}
$('filters').oninput = () => { page = 0; load(); };
$('filters').onsubmit = e => e.preventDefault();
$('prev').onclick = () => { page--; load(); };
$('next').onclick = () => { page++; load(); };
// «Новый заказ»: a walk-in guest at the desk; the server prices it before it is saved
if ((me.role === 'RENTAL_MANAGER' || me.role === 'SERVICE_MANAGER') && services.length) {
  $('newOrder').hidden = false;
  $('newOrder').onclick = bookingForm($('newOrderDialog'), {title: 'Новый заказ', submitLabel: 'Создать заказ', desk: true,
    place: async (body, key) => {
      const placed = await api('/api/orders', {method: 'POST', headers: {'Idempotency-Key': key}, body});
      location.href = '/order.html?id=' + placed.orderId;
    }});
}

$('rows').onclick = e => { const tr = e.target.closest('tr[data-order-id]'); if (tr) location.href = '/order.html?id=' + tr.dataset.orderId; };
load();
// the list follows new orders and payments without reload while someone looks at it
setInterval(() => { if (document.visibilityState === 'visible') load(); }, 5000);
