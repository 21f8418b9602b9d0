// The page shown instead of a group's console or room when the group does not exist or is not the account's:
// nothing of the room behind it, a plain explanation and the way back.

import { el, $ } from './dom.js';

export function showNotFound() {
  document.title = 'Holdspace · Not found or not yours';
  for (const node of [...document.body.children]) {
    if (!node.matches('header.topbar, script')) node.remove();
  }
  const titles = $('header.topbar .titles');
  if (titles) titles.replaceChildren(el('a', { href: 'index.html', class: 'brand', text: 'Holdspace' }));
  const main = el('main', { id: 'main', class: 'notfound-main' },
    el('section', { class: 'card narrow', attrs: { 'aria-labelledby': 'notfound-title' } },
      el('h1', { id: 'notfound-title', text: 'Not found or not yours' }),
      el('p', { text: 'This group does not exist, or you are not one of its people. If you think you should be, ask your facilitator or the clinic for the right link.' }),
      el('p', {}, el('a', { href: 'index.html', text: 'Back to my groups' }))));
  document.body.append(main);
  main.querySelector('h1').tabIndex = -1;
  main.querySelector('h1').focus();
}
