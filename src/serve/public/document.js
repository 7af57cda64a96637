// The document page: a click on a marked value (or on its entry in the list) shows its record
// and marks every piece of its span; #at-PAGE-START-END (links from compare, goals and
// corrections) opens the value read there. Text is only ever set as text, never as HTML.
const marksOf = (id) => [...document.querySelectorAll('mark.fact')].filter((m) => m.dataset.facts.split(' ').includes(id));

function activate(id, scroll = true) {
  for (const r of document.querySelectorAll('.record')) r.hidden = r.id !== `rec-${id}`;
  for (const m of document.querySelectorAll('mark.active')) m.classList.remove('active');
  for (const b of document.querySelectorAll('.fact-link.active')) b.classList.remove('active');
  const marks = marksOf(id);
  for (const m of marks) m.classList.add('active');
  for (const b of document.querySelectorAll(`.fact-link[data-fact="${CSS.escape(id)}"]`)) b.classList.add('active');
  document.querySelector('#record-panel .hint')?.setAttribute('hidden', '');
  if (scroll && marks[0]) marks[0].scrollIntoView({ block: 'center' });
  document.body.dataset.activeFact = id;
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const link = target?.closest('.fact-link');
  if (link) return activate(link.dataset.fact);
  const mark = target?.closest('mark.fact');
  if (mark) return activate(mark.dataset.facts.split(' ')[0], false);
  const cell = target?.closest('td.cell');
  if (cell) {
    const info = cell.closest('.record')?.querySelector('.cell-info');
    if (info) info.textContent = `Række: ${cell.dataset.row} · Kolonne: ${cell.dataset.column} · Værdi: ${cell.textContent}`;
  }
});

function fromHash() {
  const m = /^#at-(\d+-\d+-\d+)$/.exec(location.hash);
  if (!m) return;
  const link = document.querySelector(`.fact-link[data-at="${m[1]}"]`);
  if (link) activate(link.dataset.fact);
}
window.addEventListener('hashchange', fromHash);
fromHash();
