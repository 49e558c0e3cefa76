// The script of board.html (issue 29: page scripts are modules of their own, not inline).
import {pageHeader} from '/assets/layout.js';
import {api, esc} from '/assets/api.js';
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
  if (!hour) return `<td data-label="${esc(service.serviceName)}" class="closed muted">не работает</td>`;
  const cap = hour.capacity;
  const level = cap == null ? '' : hour.occupied > cap ? 'over' : hour.occupied === cap ? 'full' : hour.occupied > 0 ? 'some' : 'free';
  const text = cap == null ? `${hour.occupied} зак.` : `${hour.occupied} / ${cap}`;
  const share = cap ? Math.min(100, Math.round(100 * hour.occupied / cap)) : 0;
  return `<td data-label="${esc(service.serviceName)}" class="slot ${level}" data-hour="${hour.start.substring(11, 13)}" data-service="${esc(service.serviceId)}">`
    + `<div class="load"><span class="bar" role="img" aria-label="занято ${hour.occupied} из ${cap ?? '—'}"><span class="w${Math.round(share / 10) * 10}"></span></span>`
    + `<b>${text}</b></div>`
    + hour.orders.map(o => `<a class="order ${o.status}" href="/order.html?id=${esc(o.orderId)}" title="${esc(o.statusLabel)}">${esc(o.number)}`
      + ` <span class="muted">${esc(o.visitorName)}</span></a>`).join('') + '</td>';
}
/** The board of the chosen day; with {@code overlapsToo}, «Пересечения» again (they change only when orders of an
    earlier version are moved or cancelled: not on every refresh). */
async function load(overlapsToo = true) {
  history.replaceState(null, '', '?date=' + $('date').value);
  const board = await api('/api/space/board?date=' + $('date').value);
  $('title').textContent = `${dayText(board.date)} (время ${zone})`;
  const hours = [...new Set(board.services.flatMap(s => s.hours.map(h => h.start.substring(11, 16))))].sort();
  $('head').innerHTML = '<tr><th>Час</th>' + board.services.map(s => `<th>${esc(s.serviceName)}<div class="muted small">`
    + `${s.capacity == null ? '' : 'мест: ' + s.capacity + ' · '}${s.openingHours ? esc(s.openingHours) : 'выходной'}</div></th>`).join('') + '</tr>';
  $('rows').innerHTML = hours.map(h => `<tr><th scope="row" data-label="Час">${h}–${String(Number(h.substring(0, 2)) + 1).padStart(2, '0')}:00</th>`
    + board.services.map(s => cell(s.hours.find(x => x.start.substring(11, 16) === h), s)).join('') + '</tr>').join('');
  $('empty').hidden = hours.length > 0;
  if (overlapsToo) overlapsShown(await api('/api/space/overbooked'));
  $('updated').textContent = 'обновлено в ' + new Date().toLocaleTimeString('ru-RU');
}
function overlapsShown(overlaps) {
  $('overlapsCard').hidden = overlaps.length === 0;
  $('overlaps').innerHTML = overlaps.map(o => `<li><b>${esc(o.serviceName)}</b>, ${dayText(o.start.substring(0, 10))} ${o.start.substring(11, 16)}–${o.end.substring(11, 16)}:`
    + ` ${o.held} заказа на ${o.capacity} мест — ` + o.orders.map(x => `<a href="/order.html?id=${esc(x.orderId)}">${esc(x.number)}</a>`).join(', ') + '</li>').join('');
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
