// One timeline for staff and guests (issue 29): system lines, messages and their authors, oldest first. A guest's
// timeline holds no internal entries (the API leaves them out); staff see them marked.
import {h, fill} from '/assets/dom.js';
import {localTime} from '/assets/api.js';

export function renderTimeline(container, entries) {
  fill(container, entries.map(e => h('div', {class: `entry ${e.kind}`},
    h('div', {class: 'meta'}, `${e.author ? e.author.name : 'Система'}${e.kind === 'INTERNAL' ? ' · внутреннее' : ''} · ${localTime(e.at)}`),
    e.text)));
}
