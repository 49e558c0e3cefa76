// The script of cash.html (issue 29: page scripts are modules of their own, not inline).
import {pageHeader} from '/assets/layout.js';
import {api, money} from '/assets/api.js';
import {h, fill} from '/assets/dom.js';
const $ = id => document.getElementById(id);
const me = await api('/api/me');
pageHeader(me, {title: 'Касса за день', back: '/', backLabel: 'К списку заказов'});
const services = await api('/api/catalog/services');
if (!services.length) {
  $('title').textContent = 'Вы не отвечаете ни за одну услугу: касс для вас нет.';
  throw new Error('no services');
}
fill($('service'), services.map(s => h('option', {value: s.id}, s.name)));
const params = new URLSearchParams(location.search);
if (params.get('serviceId')) $('service').value = params.get('serviceId');
/** Today where the service is (its zone, not the browser's). */
const today = zone => new Intl.DateTimeFormat('sv-SE', {timeZone: zone}).format(new Date());
$('date').value = params.get('date') || today(services.find(s => s.id === $('service').value).timeZone);
const signed = net => (net.value.startsWith('-') ? '−' + money({value: net.value.substring(1)}) : money(net));
const time = iso => iso.substring(11, 16);
const money$ = (...content) => h('td', {class: 'money'}, ...content);
function sums(table, rows) {
  fill(table, h('thead', {}, h('tr', {}, h('th'), ['Оплат', 'Получено', 'Возвратов', 'Возвращено', 'Итого'].map(title => h('th', {class: 'money'}, title)))),
    h('tbody', {}, rows.map(s => h('tr', {}, h('td', {}, s.label), money$(s.payments), money$(money(s.paid)), money$(s.refunds),
      money$(money(s.refunded)), money$(h('b', {}, signed(s.net)))))));
}
async function load() {
  const query = new URLSearchParams({serviceId: $('service').value, date: $('date').value});
  history.replaceState(null, '', '?' + query);
  $('xlsx').href = '/api/reports/cash?format=xlsx&' + query;
  const day = await api('/api/reports/cash?' + query);
  $('title').textContent = `${day.serviceName}, ${day.date.split('-').reverse().join('.')} (время ${day.timeZone})`;
  fill($('totals'),
    h('div', {}, h('span', {class: 'muted'}, 'Получено'), h('b', {id: 'paid'}, money(day.total.paid)), h('span', {class: 'muted'}, `${day.total.payments} опл.`)),
    h('div', {}, h('span', {class: 'muted'}, 'Возвращено'), h('b', {id: 'refunded'}, money(day.total.refunded)),
      h('span', {class: 'muted'}, `${day.total.refunds} возвр.`)),
    h('div', {}, h('span', {class: 'muted'}, 'Итого за день'), h('b', {id: 'net'}, signed(day.total.net))));
  fill($('lines'), day.lines.map(l => h('tr', {class: l.kind},
    h('td', {dataset: {label: 'Время'}}, time(l.at)),
    h('td', {dataset: {label: 'Заказ'}}, h('a', {href: `/order.html?id=${encodeURIComponent(l.orderId)}`}, l.orderNumber)),
    h('td', {dataset: {label: 'Операция'}}, l.kind === 'PAYMENT' ? 'Оплата' : 'Возврат'),
    h('td', {dataset: {label: 'Способ'}}, l.methodLabel),
    h('td', {dataset: {label: 'Кто'}}, l.byName),
    h('td', {dataset: {label: 'Сумма'}, class: 'money'}, `${l.kind === 'PAYMENT' ? '' : '−'}${money(l.amount)}`))));
  $('empty').hidden = day.lines.length > 0;
  sums($('byMethod'), day.byMethod);
  sums($('byPerson'), day.byPerson);
}
$('filters').oninput = load;
$('filters').onsubmit = e => e.preventDefault();
$('print').onclick = () => window.print();
load();
