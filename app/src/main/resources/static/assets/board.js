// The script of board.html (issue 29: page scripts are modules of their own, not inline).
import {pageHeader} from '/assets/layout.js';
import {api} from '/assets/api.js';
import {h, fill} from '/assets/dom.js';
const $ = id => document.getElementById(id);
const me = await api('/api/me');
pageHeader(me, {title: 'Загрузка', back: '/', backLabel: 'К списку заказов'});
const services = await api('/api/catalog/services');
const zone = services.length ? services[0].timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone;
/** Today where the services are (their zone, not the browser's). */
const today = () => new Intl.DateTimeFormat('sv-SE', {timeZone: zone}).format(new Date());
const params = new URLSearchParams(location.search);
$('date').value = params.get('date') || today();
const dayText = iso => iso.split('-').reverse().join('.');
const shift = days => { const d = new Date($('date').value + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + days); $('date').value = d.toISOString().substring(0, 10); load(); };
function cell(hour, service) {
  if (!hour) return h('td', {dataset: {label: service.serviceName}, class: 'closed muted'}, 'не работает');
  const cap = hour.capacity;
  const level = cap == null ? '' : hour.occupied > cap ? 'over' : hour.occupied === cap ? 'full' : hour.occupied > 0 ? 'some' : 'free';
  const text = cap == null ? `${hour.occupied} зак.` : `${hour.occupied} / ${cap}`;
  const share = cap ? Math.min(100, Math.round(100 * hour.occupied / cap)) : 0;
  return h('td', {dataset: {label: service.serviceName, hour: hour.start.substring(11, 13), service: service.serviceId}, class: `slot ${level}`},
    h('div', {class: 'load'}, h('span', {class: 'bar', role: 'img', 'aria-label': `занято ${hour.occupied} из ${cap ?? '—'}`},
      h('span', {class: `w${Math.round(share / 10) * 10}`})), h('b', {}, text)),
    hour.orders.map(o => h('a', {class: `order ${o.status}`, href: `/order.html?id=${encodeURIComponent(o.orderId)}`, title: o.statusLabel},
      o.number, ' ', h('span', {class: 'muted'}, o.visitorName))));
}
/** The board of the chosen day; with {@code overlapsToo}, «Пересечения» again (they change only when orders of an
    earlier version are moved or cancelled: not on every refresh). */
async function load(overlapsToo = true) {
  history.replaceState(null, '', '?date=' + $('date').value);
  const board = await api('/api/space/board?date=' + $('date').value);
  $('title').textContent = `${dayText(board.date)} (время ${zone})`;
  const hours = [...new Set(board.services.flatMap(s => s.hours.map(h => h.start.substring(11, 16))))].sort();
  fill($('head'), h('tr', {}, h('th', {}, 'Час'), board.services.map(s => h('th', {}, s.serviceName, h('div', {class: 'muted small'},
    s.capacity == null ? '' : 'мест: ' + s.capacity + ' · ', s.openingHours ? s.openingHours : 'выходной')))));
  fill($('rows'), hours.map(hour => h('tr', {}, h('th', {scope: 'row', dataset: {label: 'Час'}},
      `${hour}–${String(Number(hour.substring(0, 2)) + 1).padStart(2, '0')}:00`),
    board.services.map(s => cell(s.hours.find(x => x.start.substring(11, 16) === hour), s)))));
  $('empty').hidden = hours.length > 0;
  if (overlapsToo) overlapsShown(await api('/api/space/overbooked'));
  $('updated').textContent = 'обновлено в ' + new Date().toLocaleTimeString('ru-RU');
}
function overlapsShown(overlaps) {
  $('overlapsCard').hidden = overlaps.length === 0;
  fill($('overlaps'), overlaps.map(o => h('li', {}, h('b', {}, o.serviceName),
    `, ${dayText(o.start.substring(0, 10))} ${o.start.substring(11, 16)}–${o.end.substring(11, 16)}: ${o.held} заказа на ${o.capacity} мест — `,
    o.orders.map((x, i) => [i ? ', ' : '', h('a', {href: `/order.html?id=${encodeURIComponent(x.orderId)}`}, x.number)]))));
}
$('filters').onsubmit = e => e.preventDefault();
$('date').onchange = () => load();
$('prevDay').onclick = () => shift(-1);
$('nextDay').onclick = () => shift(1);
$('today').onclick = () => { $('date').value = today(); load(); };
$('print').onclick = () => window.print();
// live: what other desks and guests book shows within seconds, while the page is looked at
setInterval(() => { if (document.visibilityState === 'visible') load(false); }, 5000);
load();
