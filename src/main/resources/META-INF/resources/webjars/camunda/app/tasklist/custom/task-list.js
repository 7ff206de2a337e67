// Above the task list: find a case by any part of its reference, and the list sorted soonest
// due first, then by priority (Tasklist's own default is newest first). Both only set the
// list's URL parameters, so Tasklist's own search pills and sorting show and undo them.
const SOONEST_DUE_FIRST = JSON.stringify([
  { sortBy: 'dueDate', sortOrder: 'asc' },
  { sortBy: 'priority', sortOrder: 'desc' }
]);

function hashParams() {
  const hash = window.location.hash;
  const query = hash.indexOf('?') >= 0 ? hash.substring(hash.indexOf('?') + 1) : '';
  return new URLSearchParams(query);
}

function setHashParams(params) {
  const hash = window.location.hash;
  const path = hash.indexOf('?') >= 0 ? hash.substring(0, hash.indexOf('?')) : (hash || '#/');
  window.location.hash = path.replace(/^#/, '') + '?' + params.toString();
}

function soonestDueFirst() {
  const params = hashParams();
  if (!params.has('sorting') && /^#\/(\?|$)/.test(window.location.hash || '#/')) {
    params.set('sorting', SOONEST_DUE_FIRST);
    setHashParams(params);
  }
}

let sortingWatched = false;

const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
const applicationRoot = appRoot.replace(/\/camunda$/, '');

// After Complete, the outcome where the official looks next: what they just did (the release
// note number, the decision) and what the case now waits for. The case moves on in the
// background, so it is read again shortly after.
function showRecent(box) {
  fetch(applicationRoot + '/cases/recent', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(answer => (answer.ok ? answer.json() : []))
    .then(outcomes => {
      box.replaceChildren();
      if (!outcomes.length) {
        return;
      }
      const title = document.createElement('div');
      title.className = 'relief-recent-title';
      title.textContent = 'Just done / ຫາກໍເຮັດແລ້ວ';
      box.appendChild(title);
      outcomes.forEach(o => {
        const item = document.createElement('div');
        item.className = 'relief-recent-item';
        const done = document.createElement('div');
        done.className = 'relief-recent-case';
        done.textContent = o.reference;
        item.appendChild(done);
        o.done.forEach(text => {
          const entry = document.createElement('div');
          entry.textContent = text;
          item.appendChild(entry);
        });
        const next = document.createElement('div');
        next.className = 'relief-recent-next';
        next.textContent = 'Next / ຕໍ່ໄປ: ' + (o.next.length ? o.next.join('; ') : '-');
        item.appendChild(next);
        box.appendChild(item);
      });
    });
}

export default {
  id: 'relief-find-by-reference',
  pluginPoint: 'tasklist.list',
  priority: 200,
  render: (node) => {
    // once Tasklist has routed to the list; then again whenever its URL loses the sorting
    setTimeout(soonestDueFirst, 0);
    if (!sortingWatched) {
      sortingWatched = true;
      window.addEventListener('hashchange', () => setTimeout(soonestDueFirst, 0));
    }
    const form = document.createElement('form');
    form.className = 'relief-find';
    form.setAttribute('role', 'search');
    const label = document.createElement('label');
    label.textContent = 'Reference / ເລກອ້າງອີງ';
    label.htmlFor = 'relief-find-reference';
    const input = document.createElement('input');
    input.id = 'relief-find-reference';
    input.className = 'form-control input-sm';
    input.type = 'search';
    input.placeholder = '000123';
    input.autocomplete = 'off';
    form.append(label, input);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const params = hashParams();
      const part = input.value.trim();
      if (part) {
        params.set('searchQuery', JSON.stringify([
          { type: 'processInstanceBusinessKey', operator: 'Like', value: '%' + part + '%', name: '' }
        ]));
      } else {
        params.delete('searchQuery');
      }
      setHashParams(params);
    });
    node.appendChild(form);
    const recent = document.createElement('div');
    recent.className = 'relief-recent';
    recent.setAttribute('role', 'status');
    node.appendChild(recent);
    showRecent(recent);
    document.addEventListener('click', (event) => {
      if (event.target.closest && event.target.closest('.task-details button[type=submit], .task-details .btn-primary')) {
        [1500, 5000].forEach(delay => setTimeout(() => showRecent(recent), delay));
      }
    }, true);
  }
};
