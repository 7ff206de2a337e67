// In exercise mode (Spring profile "exercise") a banner over the whole webapp says that every case is
// simulated. The service answers /exercise/mode only in that profile; elsewhere it is 404 and nothing shows.
const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
const root = appRoot.replace(/\/camunda$/, '');

fetch(root + '/exercise/mode', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then(answer => (answer.ok ? answer.json() : null))
  .then(mode => {
    if (!mode || !mode.exercise) {
      return;
    }
    const banner = document.createElement('p');
    banner.className = 'relief-exercise-banner';
    banner.setAttribute('role', 'note');
    banner.textContent = mode.banner;
    document.body.insertBefore(banner, document.body.firstChild);
    document.title = mode.banner + ' · ' + document.title;
  })
  .catch(() => {});

export default [];
