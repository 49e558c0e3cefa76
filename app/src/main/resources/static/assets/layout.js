// The one header of the signed-in pages (issue 29): the title with the way back, the page's own actions, who is
// signed in, and «Выйти». Pages hold an empty <header>; their script fills it first.
import {h, fill} from '/assets/dom.js';
import {signOut} from '/assets/api.js';

export function pageHeader(me, {title, back = null, backLabel = 'Назад', actions = []}) {
  fill(document.querySelector('body > header'),
    h('h1', {}, back ? [h('a', {href: back, id: 'back', 'aria-label': backLabel}, '←'), ' '] : null, h('span', {id: 'heading'}, title)),
    actions,
    h('span', {class: 'who', id: 'who'}, me.name),
    h('button', {id: 'logout', onclick: signOut}, 'Выйти'));
}
