// The booking form: the desk's «Новый заказ» and the guest's «Забронировать». The server prices the order (the
// catalog's quote) before it is saved; the dates and times are the service's local ones.
import {api, money, esc, newKey, maskPhone} from '/assets/api.js';

const FORM = `<form method="dialog" novalidate>
  <h2 id="noTitle"></h2>
  <div class="grid2">
    <label>Услуга <select id="noService" data-field="serviceId"></select></label>
    <label>Тариф <select id="noTariff" data-field="tariffId"></select></label>
  </div>
  <div class="grid3">
    <label>Дата <input type="date" id="noDate" data-field="rentalPeriod" required></label>
    <label>С <input type="time" id="noFrom" step="900" value="10:00" required></label>
    <label>До <input type="time" id="noTo" step="900" value="14:00" required></label>
  </div>
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
    $('noTariff').innerHTML = service().tariffs.map(t => `<option value="${esc(t.id)}">${esc(t.name)} — ${money(t.unitPrice)} в час</option>`).join('');
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
      $('noQuote').innerHTML = q.lines.map(l => `<div class="row"><span>${esc(l.description)}</span><span>${l.quantity} x ${money(l.unitPrice)}</span><b>${money(l.amount)}</b></div>`).join('')
        + `<div class="row"><b>Итоговая стоимость</b><b id="noTotal">${money(q.total)}</b></div>`
        + (now ? `<div class="row"><span>${now[0]}</span><span id="noPrepayment">${money(now[1])}</span></div>` : '')
        + `<div class="hint" id="noMinimum">Остаток к оплате не должен быть менее ${money(q.minimumRemainder)}.</div>`;
    } catch (error) {
      if (ticket !== latest) return;
      $('noQuote').textContent = ''; showError(error, false);
    }
  }
  $('noCancel').onclick = () => dialog.close();
  $('noService').onchange = () => { tariffs(); quote(); };
  $('noTariff').onchange = () => { plans(); quote(); };
  for (const id of ['noDate', 'noFrom', 'noTo', 'noPlanFull', 'noPlanPartial']) $(id).addEventListener('change', quote);
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
    $('noService').innerHTML = services.map(s => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join('');
    tariffs();
    key = newKey(); clearErrors();
    // today where the first service is (its zone, not the browser's), at times that can still be booked: the desk from
    // the current hour (a walk-in), a guest from the next; past the day's last hour, tomorrow
    if (!$('noDate').value && services.length) {
      const now = new Intl.DateTimeFormat('sv-SE', {timeZone: services[0].timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).format(new Date()); // 2026-12-06 22:13
      const day = new Date(now.substring(0, 10) + 'T00:00:00Z');
      const first = Number(now.substring(11, 13)) + (desk ? 0 : 1);
      const hh = h => String(h % 24).padStart(2, '0') + ':00';
      if (first >= 24) {
        day.setUTCDate(day.getUTCDate() + 1);
      } else if (first > 10) {
        $('noFrom').value = hh(first); $('noTo').value = hh(Math.min(first + 4, 24));
      }
      $('noDate').value = day.toISOString().substring(0, 10);
    }
    if (visitorName && !$('noVisitorName').value) $('noVisitorName').value = visitorName;
    if (visitorEmail && !$('noVisitorEmail').value) $('noVisitorEmail').value = visitorEmail; // from the guest's profile
    dialog.showModal(); $(visitorName ? 'noVisitorPhone' : 'noVisitorName').focus();
    quote();
  };
}
