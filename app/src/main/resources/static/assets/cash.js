// The script of cash.html (issue 29: page scripts are modules of their own, not inline).
import {pageHeader} from '/assets/layout.js';
import {api, money, esc} from '/assets/api.js';
const $ = id => document.getElementById(id);
const me = await api('/api/me');
pageHeader(me, {title: 'Касса за день', back: '/', backLabel: 'К списку заказов'});
const services = await api('/api/catalog/services');
if (!services.length) {
  $('title').textContent = 'Вы не отвечаете ни за одну услугу: касс для вас нет.';
  throw new Error('no services');
}
$('service').innerHTML = services.map(s => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join('');
const params = new URLSearchParams(location.search);
if (params.get('serviceId')) $('service').value = params.get('serviceId');
/** Today where the service is (its zone, not the browser's). */
const today = zone => new Intl.DateTimeFormat('sv-SE', {timeZone: zone}).format(new Date());
$('date').value = params.get('date') || today(services.find(s => s.id === $('service').value).timeZone);
const signed = net => (net.value.startsWith('-') ? '−' + money({value: net.value.substring(1)}) : money(net));
const time = iso => iso.substring(11, 16);
function sums(rows) {
  return `<thead><tr><th></th><th class="money">Оплат</th><th class="money">Получено</th><th class="money">Возвратов</th><th class="money">Возвращено</th><th class="money">Итого</th></tr></thead><tbody>`
    + rows.map(s => `<tr><td>${esc(s.label)}</td><td class="money">${s.payments}</td><td class="money">${money(s.paid)}</td><td class="money">${s.refunds}</td><td class="money">${money(s.refunded)}</td><td class="money"><b>${signed(s.net)}</b></td></tr>`).join('')
    + '</tbody>';
}
async function load() {
  const query = new URLSearchParams({serviceId: $('service').value, date: $('date').value});
  history.replaceState(null, '', '?' + query);
  $('xlsx').href = '/api/reports/cash?format=xlsx&' + query;
  const day = await api('/api/reports/cash?' + query);
  $('title').textContent = `${day.serviceName}, ${day.date.split('-').reverse().join('.')} (время ${day.timeZone})`;
  $('totals').innerHTML = `<div><span class="muted">Получено</span><b id="paid">${money(day.total.paid)}</b><span class="muted">${day.total.payments} опл.</span></div>`
    + `<div><span class="muted">Возвращено</span><b id="refunded">${money(day.total.refunded)}</b><span class="muted">${day.total.refunds} возвр.</span></div>`
    + `<div><span class="muted">Итого за день</span><b id="net">${signed(day.total.net)}</b></div>`;
  $('lines').innerHTML = day.lines.map(l => `<tr class="${l.kind}"><td data-label="Время">${time(l.at)}</td>`
    + `<td data-label="Заказ"><a href="/order.html?id=${esc(l.orderId)}">${esc(l.orderNumber)}</a></td>`
    + `<td data-label="Операция">${l.kind === 'PAYMENT' ? 'Оплата' : 'Возврат'}</td><td data-label="Способ">${esc(l.methodLabel)}</td>`
    + `<td data-label="Кто">${esc(l.byName)}</td><td data-label="Сумма" class="money">${l.kind === 'PAYMENT' ? '' : '−'}${money(l.amount)}</td></tr>`).join('');
  $('empty').hidden = day.lines.length > 0;
  $('byMethod').innerHTML = sums(day.byMethod);
  $('byPerson').innerHTML = sums(day.byPerson);
}
$('filters').oninput = load;
$('filters').onsubmit = e => e.preventDefault();
$('print').onclick = () => window.print();
load();
