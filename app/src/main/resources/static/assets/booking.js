// The booking form: the desk's «Новый заказ» and the guest's «Забронировать». The server prices the order (the
// catalog's quote) before it is saved; the dates and times are the service's local ones.
import {api, money, newKey, maskPhone, rentalPeriod} from '/assets/api.js';
import {h, fill} from '/assets/dom.js';

const FORM = `<form method="dialog" novalidate>
  <h2 id="noTitle"></h2>
  <div class="grid2">
    <label>Услуга <select id="noService" data-field="serviceId"></select></label>
    <label>Тариф <select id="noTariff" data-field="tariffId"></select></label>
  </div>
  <div class="grid3">
    <label>Дата <input type="date" id="noDate" data-field="rentalPeriod" required></label>
    <label>С <select id="noFrom" required></select></label>
    <label>До <select id="noTo" required></select></label>
  </div>
  <div class="hours" id="noHours" role="group" aria-label="Часы этого дня: свободные и занятые"></div>
  <div class="hint" id="noZone"></div>
  <div class="grid2">
    <label>Посетитель <input id="noVisitorName" data-field="visitor.name" autocomplete="name" required></label>
    <label>Телефон <input id="noVisitorPhone" data-field="visitor.phone" inputmode="tel" placeholder="+7 (___) ___-__-__" autocomplete="tel" required></label>
    <label>Эл. почта (для писем о заказе) <input id="noVisitorEmail" data-field="visitor.email" type="email" autocomplete="email"></label>
  </div>
  <label class="check"><input type="checkbox" id="noApplicantSame" checked> Заявитель — сам посетитель</label>
  <div class="grid3" id="noApplicant" hidden>
    <label>Заявитель <input id="noApplicantName" data-field="applicant.name" autocomplete="off"></label>
    <label>Роль <input id="noApplicantRole" data-field="applicant.role" placeholder="Гость локации" autocomplete="off"></label>
    <label>Телефон заявителя <input id="noApplicantPhone" data-field="applicant.phone" inputmode="tel" placeholder="+7 (___) ___-__-__" autocomplete="off"></label>
  </div>
  <label id="noTicketLabel">Номер билета <input id="noTicket" data-field="ticketNumber" autocomplete="off"></label>
  <fieldset class="plan"><legend>Оплата</legend>
    <label class="check"><input type="radio" name="noPlan" id="noPlanFull" value="FULL" checked> Полная</label>
    <label class="check"><input type="radio" name="noPlan" id="noPlanPartial" value="PARTIAL"> Частичная</label>
  </fieldset>
  <div class="quote" id="noQuote" aria-live="polite"></div>
  <div class="error" id="noError" role="alert"></div>
  <div class="actions"><button type="button" id="noCancel">Отмена</button><button class="primary" id="noSave" type="submit"></button></div>
</form>`;

const hh = h => String(h % 24).padStart(2, '0') + ':00';

/**
 * The hours of one day of a service, as whole-hour chips (full ones disabled) and two selects «С»/«До» — the booking
 * form's and «Перенести»'s. {@code load()} asks the server what is free that day (availability: the same code that
 * decides a booking) and keeps the chosen hours when they still fit; a chip chosen after the start extends the period
 * to it when every hour between is free, otherwise starts a new one. Calls {@code changed()} when the choice changes.
 */
export function hoursPicker({chips, from, to, date, serviceId, changed, ignoreOrder}) {
  let slots = [], capacity = null;
  const hourOf = value => value ? Number(value.substring(0, 2)) : null;
  const freeAt = hour => { const slot = slots.find(s => hourOf(s.start.substring(11, 16)) === hour); return slot && slot.free !== 0; };
  function render() {
    const a = hourOf(from.value), b = to.value === '00:00' ? 24 : hourOf(to.value);
    fill(chips, slots.length ? slots.map(s => {
      const hour = hourOf(s.start.substring(11, 16));
      const full = s.free === 0 && !(ignoreOrder && ignoreOrder.hours?.includes(hour));
      const chosen = a !== null && b !== null && hour >= a && hour < b;
      const left = s.free === null ? '' : full ? 'занято' : `свободно ${s.free} из ${capacity}`;
      return h('button', {type: 'button', class: `hour${chosen ? ' chosen' : ''}${full ? ' full' : ''}`, dataset: {hour},
        'aria-pressed': String(chosen), disabled: full, title: full ? 'Нет свободных мест' : null}, hh(hour), h('small', {}, left));
    }) : h('p', {class: 'muted'}, 'В этот день услуга не работает — выберите другую дату.'));
  }
  function options(keepFrom, keepTo) {
    const starts = slots.map(s => hourOf(s.start.substring(11, 16)));
    fill(from, starts.map(hour => h('option', {value: hh(hour)}, hh(hour))));
    fill(to, starts.map(hour => h('option', {value: hh(hour + 1)}, `${String(hour + 1).padStart(2, '0')}:00`)));
    const a = starts.includes(hourOf(keepFrom)) ? hourOf(keepFrom) : (starts.find(freeAt) ?? starts[0]);
    if (a === undefined) return;
    const endOf = value => value === '00:00' ? 24 : hourOf(value);
    const b = keepTo && [...to.options].some(o => o.value === keepTo) && endOf(keepTo) > a ? endOf(keepTo) : a + 1;
    from.value = hh(a); to.value = hh(b);
  }
  // a click starts a period of one hour there; the next click on a later hour ends the period with it (when every
  // hour between is free); the one after starts again
  let anchor = null;
  chips.addEventListener('click', e => {
    const chip = e.target.closest('button.hour');
    if (!chip || chip.disabled) return;
    const h = Number(chip.dataset.hour);
    let extends_ = anchor !== null && h > anchor;
    for (let x = anchor; extends_ && x <= h; x++) if (!freeAt(x) && !(ignoreOrder && ignoreOrder.hours?.includes(x))) extends_ = false;
    if (extends_) { to.value = hh(h + 1); anchor = null; } else { from.value = hh(h); to.value = hh(h + 1); anchor = h; }
    render(); changed();
  });
  for (const select of [from, to]) select.addEventListener('change', () => { anchor = null; render(); });
  return {
    /**
     * Reloads the day; keeps {@code keepFrom}–{@code keepTo} when they still fit — by default the choice as it stands
     * when the answer arrives (someone may have chosen while it was on its way).
     */
    async load(keepFrom, keepTo) {
      if (!date.value || !serviceId()) { slots = []; render(); return; }
      const asked = date.value + serviceId();
      try {
        const day = await api(`/api/catalog/services/${encodeURIComponent(serviceId())}/availability?from=${date.value}&to=${date.value}`);
        if (asked !== date.value + serviceId()) return; // an answer to an older choice
        slots = day.slots; capacity = day.capacity;
      } catch (error) {
        slots = [];
      }
      options(keepFrom ?? from.value, keepTo ?? to.value); render();
    },
    render
  };
}

/**
 * Puts the booking form into {@code dialog} and returns a function that opens it. {@code desk}: the desk's form (a
 * ticket number; «Предоплата» for a partial plan) rather than the guest's («К оплате сейчас»). {@code place(body, key)}
 * sends the order with the Idempotency-Key {@code key} and goes on from there; its failure is shown in the form.
 */
export function bookingForm(dialog, {title, submitLabel, desk, visitorName, visitorEmail, place}) {
  dialog.innerHTML = FORM;
  dialog.setAttribute('aria-labelledby', 'noTitle'); dialog.classList.add('booking');
  const $ = id => dialog.querySelector('#' + id);
  const form = dialog.querySelector('form');
  $('noTitle').textContent = title; $('noSave').textContent = submitLabel;
  $('noTicketLabel').hidden = !desk;
  let services = [], key = null, quoted = null, latest = 0;
  const service = () => services.find(s => s.id === $('noService').value);
  const tariff = () => service()?.tariffs.find(t => t.id === $('noTariff').value);
  const plan = () => form.querySelector('input[name=noPlan]:checked').value;

  function tariffs() {
    fill($('noTariff'), service().tariffs.map(t => h('option', {value: t.id}, `${t.name} — ${money(t.unitPrice)} в час`)));
    $('noZone').textContent = `Время — по часовому поясу услуги (${service().timeZone}).`;
    plans();
  }
  function plans() {
    const t = tariff();
    $('noPlanPartial').disabled = !t || !t.partialPayment;
    if ($('noPlanPartial').disabled) $('noPlanFull').checked = true;
    $('noPlanPartial').parentElement.title = $('noPlanPartial').disabled ? 'Тариф не допускает частичную оплату' : `Предоплата ${t.prepaymentPercent} %`;
  }
  function clearErrors() {
    $('noError').textContent = '';
    for (const el of form.querySelectorAll('[aria-invalid]')) { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); }
  }
  // the field the error is about is marked; focus moves there only when saving failed (a quote's refusal while the
  // person is still choosing leaves focus where they are)
  function showError(error, focus = true) {
    const field = error.problem && error.problem.field;
    const fields = [...form.querySelectorAll('[data-field]')];
    const target = field && (fields.find(el => el.dataset.field === field) || fields.find(el => field.startsWith(el.dataset.field)));
    $('noError').textContent = error.message;
    if (target) { target.setAttribute('aria-invalid', 'true'); target.setAttribute('aria-describedby', 'noError'); if (focus) target.focus(); }
  }
  async function quote() {
    const ticket = ++latest;
    quoted = null;
    if (!$('noDate').value || !$('noFrom').value || !$('noTo').value) { $('noQuote').textContent = 'Укажите дату и время аренды.'; return; }
    const params = new URLSearchParams({tariffId: $('noTariff').value, date: $('noDate').value, from: $('noFrom').value,
      to: $('noTo').value, paymentPlan: plan()});
    if ($('noTo').value <= $('noFrom').value) { // «с 20:00 до 02:00» ends the next day
      const next = new Date($('noDate').value + 'T00:00:00Z'); next.setUTCDate(next.getUTCDate() + 1);
      params.set('endDate', next.toISOString().substring(0, 10));
    }
    try {
      const q = await api(`/api/catalog/services/${encodeURIComponent($('noService').value)}/quote?` + params);
      if (ticket !== latest) return; // an answer to an older choice
      quoted = q; clearErrors();
      const now = desk ? (q.paymentPlan === 'PARTIAL' ? ['Предоплата', q.prepayment] : null) : ['К оплате сейчас', q.prepayment];
      fill($('noQuote'), q.lines.map(l => h('div', {class: 'row'}, h('span', {}, l.description), h('span', {}, `${l.quantity} x ${money(l.unitPrice)}`),
          h('b', {}, money(l.amount)))),
        h('div', {class: 'row'}, h('b', {}, 'Итоговая стоимость'), h('b', {id: 'noTotal'}, money(q.total))),
        now ? h('div', {class: 'row'}, h('span', {}, now[0]), h('span', {id: 'noPrepayment'}, money(now[1]))) : null,
        h('div', {class: 'hint', id: 'noMinimum'}, `Остаток к оплате не должен быть менее ${money(q.minimumRemainder)}.`));
    } catch (error) {
      if (ticket !== latest) return;
      $('noQuote').textContent = ''; showError(error, false);
    }
  }
  const picker = hoursPicker({chips: $('noHours'), from: $('noFrom'), to: $('noTo'), date: $('noDate'),
    serviceId: () => $('noService').value, changed: quote});
  $('noCancel').onclick = () => dialog.close();
  $('noService').onchange = async () => { tariffs(); await picker.load(); quote(); };
  $('noDate').addEventListener('change', async () => { await picker.load(); quote(); });
  $('noTariff').onchange = () => { plans(); quote(); };
  for (const id of ['noFrom', 'noTo', 'noPlanFull', 'noPlanPartial']) $(id).addEventListener('change', quote);
  for (const id of ['noVisitorPhone', 'noApplicantPhone']) {
    $(id).addEventListener('input', e => { if (!(e.inputType || '').startsWith('delete')) e.target.value = maskPhone(e.target.value); });
  }
  // a field put right clears its error
  form.addEventListener('input', e => {
    if (e.target.getAttribute('aria-invalid')) { e.target.removeAttribute('aria-invalid'); e.target.removeAttribute('aria-describedby'); $('noError').textContent = ''; }
  });
  $('noApplicantSame').onchange = () => { $('noApplicant').hidden = $('noApplicantSame').checked; };
  form.onsubmit = async e => {
    e.preventDefault(); clearErrors();
    if (!quoted) { await quote(); if (!quoted) return; }
    const visitor = {name: $('noVisitorName').value, phone: $('noVisitorPhone').value, email: $('noVisitorEmail').value || null};
    const applicant = $('noApplicantSame').checked ? {name: visitor.name, role: 'Гость локации', phone: visitor.phone}
      : {name: $('noApplicantName').value, role: $('noApplicantRole').value, phone: $('noApplicantPhone').value};
    const body = {serviceId: quoted.serviceId, tariffId: quoted.tariffId, rentalPeriod: quoted.rentalPeriod, visitor, applicant,
      paymentPlan: quoted.paymentPlan};
    if (desk) body.ticketNumber = $('noTicket').value || null;
    $('noSave').disabled = true;
    try { await place(body, key); }
    catch (error) { showError(error); key = newKey(); }
    finally { $('noSave').disabled = false; }
  };
  return async () => {
    services = await api('/api/catalog/services');
    fill($('noService'), services.map(s => h('option', {value: s.id}, s.name)));
    tariffs();
    key = newKey(); clearErrors();
    // today where the first service is (its zone, not the browser's), at times that can still be booked: the desk from
    // the current hour (a walk-in), a guest from the next; past the day's last hour, tomorrow
    let start = 10;
    if (!$('noDate').value && services.length) {
      const now = new Intl.DateTimeFormat('sv-SE', {timeZone: services[0].timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).format(new Date()); // 2026-12-06 22:13
      const day = new Date(now.substring(0, 10) + 'T00:00:00Z');
      const first = Number(now.substring(11, 13)) + (desk ? 0 : 1);
      if (first >= 24) {
        day.setUTCDate(day.getUTCDate() + 1);
      } else if (first > 10) {
        start = first;
      }
      $('noDate').value = day.toISOString().substring(0, 10);
    }
    // four hours from then where the day allows (the picker falls back to its first free hour)
    await picker.load($('noFrom').value || hh(start), $('noTo').value || hh(start + 4));
    if (visitorName && !$('noVisitorName').value) $('noVisitorName').value = visitorName;
    if (visitorEmail && !$('noVisitorEmail').value) $('noVisitorEmail').value = visitorEmail; // from the guest's profile
    dialog.showModal(); $(visitorName ? 'noVisitorPhone' : 'noVisitorName').focus();
    quote();
  };
}

const MOVE_FORM = `<form method="dialog" novalidate>
  <h2 id="mvTitle">Перенести заказ</h2>
  <div class="hint" id="mvNow"></div>
  <div class="grid3">
    <label>Дата <input type="date" id="mvDate" data-field="rentalPeriod" required></label>
    <label>С <select id="mvFrom" required></select></label>
    <label>До <select id="mvTo" required></select></label>
  </div>
  <div class="hours" id="mvHours" role="group" aria-label="Часы этого дня: свободные и занятые"></div>
  <label id="mvReasonLabel">Причина (видна в ленте заказа) <textarea id="mvReason"></textarea></label>
  <div class="quote" id="mvQuote" aria-live="polite"></div>
  <div class="error" id="mvError" role="alert"></div>
  <div class="actions"><button type="button" id="mvCancel">Отмена</button><button class="primary" id="mvSave" type="submit">Перенести</button></div>
</form>`;

/**
 * «Перенести»: puts the move form into {@code dialog} and returns a function that opens it for an order form
 * ({@code detail}). The day's free hours are shown as in the booking form — the order's own hours count as free to
 * it — and the new price is quoted by the server before anything changes. {@code path} is where the move is sent
 * (staff: {@code /api/orders/{id}/rescheduling}, guests: {@code /api/my/orders/{id}/rescheduling}); {@code withReason}
 * asks staff why. {@code done()} runs after the move.
 */
export function moveDialog(dialog, {path, withReason, done}) {
  dialog.innerHTML = MOVE_FORM;
  dialog.setAttribute('aria-labelledby', 'mvTitle'); dialog.classList.add('booking');
  const $ = id => dialog.querySelector('#' + id);
  const form = dialog.querySelector('form');
  $('mvReasonLabel').hidden = !withReason;
  let order = null, latest = 0, quoted = null;
  const own = {hours: []};
  const localDay = iso => iso.substring(0, 10);
  const localHour = iso => Number(iso.substring(11, 13));
  function ownHours() {
    // the order's own hours of the chosen day are free to it: it gives them up as it moves
    own.hours = [];
    if (!order) return;
    const start = order.rentalPeriod.start, end = order.rentalPeriod.end;
    if (localDay(start) === $('mvDate').value) {
      const last = localDay(end) === localDay(start) ? localHour(end) : 24;
      for (let h = localHour(start); h < last; h++) own.hours.push(h);
    }
  }
  async function quote() {
    const ticket = ++latest;
    quoted = null; $('mvError').textContent = '';
    if (!order.tariffId) { $('mvQuote').textContent = 'Стоимость пересчитается по тарифу заказа.'; return; }
    const params = new URLSearchParams({tariffId: order.tariffId, date: $('mvDate').value, from: $('mvFrom').value, to: $('mvTo').value});
    if ($('mvTo').value <= $('mvFrom').value) {
      const next = new Date($('mvDate').value + 'T00:00:00Z'); next.setUTCDate(next.getUTCDate() + 1);
      params.set('endDate', next.toISOString().substring(0, 10));
    }
    try {
      const q = await api(`/api/catalog/services/${encodeURIComponent(order.service.id)}/quote?` + params);
      if (ticket !== latest) return;
      quoted = q;
      const diff = Number(q.total.value) - Number(order.paid.value);
      fill($('mvQuote'), h('div', {class: 'row'}, h('span', {}, 'Новая стоимость'), h('b', {id: 'mvTotal'}, money(q.total))),
        h('div', {class: 'row'}, h('span', {}, 'Было'), h('span', {}, money(order.total))),
        diff < 0 ? h('div', {class: 'row'}, h('span', {}, 'К возврату'), h('span', {id: 'mvBack'}, money({value: (-diff).toFixed(2), currency: 'RUB'})))
          : diff > 0 ? h('div', {class: 'row'}, h('span', {}, 'Останется оплатить'), h('span', {id: 'mvDue'}, money({value: diff.toFixed(2), currency: 'RUB'})))
          : null);
    } catch (error) {
      if (ticket !== latest) return;
      $('mvQuote').textContent = ''; $('mvError').textContent = error.message;
    }
  }
  // a guest moves the booking as it is (the same number of hours, the same price); a manager may change its length
  let length = null;
  function keepLength() {
    if (withReason || length === null || !$('mvFrom').value) return;
    const end = Number($('mvFrom').value.substring(0, 2)) + length;
    if ([...$('mvTo').options].some(o => o.value === hh(end))) $('mvTo').value = hh(end);
  }
  function fromChanged() { keepLength(); picker.render(); quote(); }
  const picker = hoursPicker({chips: $('mvHours'), from: $('mvFrom'), to: $('mvTo'), date: $('mvDate'),
    serviceId: () => order.service.id, changed: fromChanged, ignoreOrder: own});
  $('mvDate').addEventListener('change', async () => { ownHours(); await picker.load(); quote(); });
  $('mvFrom').addEventListener('change', fromChanged);
  $('mvTo').addEventListener('change', quote);
  $('mvCancel').onclick = () => dialog.close();
  form.onsubmit = async e => {
    e.preventDefault(); $('mvError').textContent = '';
    if (!quoted) { await quote(); if (!quoted) return; }
    const body = {rentalPeriod: quoted.rentalPeriod};
    if (withReason && $('mvReason').value.trim()) body.reason = $('mvReason').value.trim();
    $('mvSave').disabled = true;
    try {
      await api(path(order), {method: 'POST', headers: {'If-Match': `"${order.version}"`}, body});
      dialog.close(); done();
    } catch (error) { $('mvError').textContent = error.message; }
    finally { $('mvSave').disabled = false; }
  };
  return async detail => {
    order = detail;
    length = (Date.parse(detail.rentalPeriod.end) - Date.parse(detail.rentalPeriod.start)) / 3600000;
    $('mvNow').textContent = 'Сейчас: ' + rentalPeriod(detail.rentalPeriod) + ' (время услуги).'
      + (withReason ? '' : ` Перенести можно на те же ${length} ч. — изменить длительность поможет менеджер.`);
    $('mvTo').disabled = !withReason;
    $('mvDate').value = localDay(detail.rentalPeriod.start);
    ownHours();
    await picker.load(detail.rentalPeriod.start.substring(11, 16), detail.rentalPeriod.end.substring(11, 16));
    dialog.showModal(); $('mvDate').focus();
    quote();
  };
}

