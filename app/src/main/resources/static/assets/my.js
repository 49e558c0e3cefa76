// The script of my.html (issue 29: page scripts are modules of their own, not inline).
import {pageHeader} from '/assets/layout.js';
import {h, fill} from '/assets/dom.js';
import {api, money, rentalPeriod} from '/assets/api.js';
import {bookingForm} from '/assets/booking.js';
const $ = id => document.getElementById(id);
const me = await api('/api/me');
pageHeader(me, {title: 'Мои заказы', actions: [h('button', {class: 'primary', id: 'book'}, 'Забронировать')]});
// «Забронировать»: priced by the server before paying, then the gateway's page, then back to the order
$('book').onclick = bookingForm($('bookDialog'), {title: 'Бронирование', submitLabel: 'Перейти к оплате', desk: false,
  visitorName: me.name, visitorEmail: me.email, place: async (body, key) => {
    const placed = await api('/api/my/orders', {method: 'POST', headers: {'Idempotency-Key': key}, body});
    try {
      const payment = await api(`/api/my/orders/${placed.orderId}/payment`, {method: 'POST', headers: {'Idempotency-Key': key + ':pay'}});
      location.href = payment.confirmationUrl;
    } catch (error) {
      location.href = '/my/orders/' + placed.orderId; // booked; the order's page offers «Оплатить» again
    }
  }});
const result = await api('/api/my/orders?size=50');
fill($('rows'), result.items.map(o => h('tr', {dataset: {orderId: o.orderId}},
  h('td', {dataset: {label: 'Заказ'}}, h('b', {}, o.number), h('div', {class: 'muted'}, o.serviceName)),
  h('td', {dataset: {label: 'Период'}}, o.rentalPeriod ? rentalPeriod(o.rentalPeriod) : ''),
  h('td', {dataset: {label: 'Статус'}}, h('span', {class: `badge ${o.status}`}, o.statusLabel)),
  h('td', {dataset: {label: 'Оплата'}}, h('span', {class: `badge ${o.paymentStatus}`}, o.paymentStatusLabel)),
  h('td', {dataset: {label: 'Остаток'}, class: 'money'}, money(o.remainder)))));
$('empty').hidden = result.items.length > 0;
$('rows').onclick = e => { const tr = e.target.closest('tr[data-order-id]'); if (tr) location.href = '/my/orders/' + tr.dataset.orderId; };
