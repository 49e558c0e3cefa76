// The script of login.html (issue 29: page scripts are modules of their own, not inline).
const params = new URLSearchParams(location.search);
const message = document.getElementById('message');
if (params.has('error')) { message.textContent = 'Неверный логин или пароль.'; message.className = 'error'; }
if (params.has('logout')) { message.textContent = 'Вы вышли из системы.'; }
if (params.has('throttled')) {
  const seconds = Math.max(1, parseInt(params.get('throttled'), 10) || 30);
  message.textContent = `Слишком много неудачных попыток входа. Повторите через ${seconds} с.`; message.className = 'error';
}
const token = await (await fetch('/csrf', {credentials: 'same-origin'})).json();
document.getElementById('csrf').name = token.parameterName;
document.getElementById('csrf').value = token.token;
