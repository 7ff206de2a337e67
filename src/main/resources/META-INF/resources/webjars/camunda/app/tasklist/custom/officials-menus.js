// Menus a role cannot use are hidden: "Start process" only shows to whoever may start a
// process from Tasklist (MoLSW, to notify on an organisation's behalf or declare an emergency). Asked of
// the engine, so a role given a start form later sees the menu without a change here.
const base = document.querySelector('base');
const engineApi = (base.getAttribute('engine-api') || '/camunda/api/engine/') + 'engine/default/';

let checkedFor = null;

async function showStartMenuIfAllowed() {
  const signedIn = document.querySelector('[cam-widget-header] .account');
  const who = signedIn ? signedIn.textContent.trim() : null;
  if (!who || who === checkedFor) {
    return;
  }
  checkedFor = who;
  try {
    const answer = await fetch(engineApi + 'process-definition/count?latestVersion=true'
      + '&startableInTasklist=true&startablePermissionCheck=true&active=true',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const { count } = answer.ok ? await answer.json() : { count: 0 };
    document.body.classList.toggle('relief-can-start', count > 0);
  } catch (e) {
    document.body.classList.remove('relief-can-start');
  }
}

new MutationObserver(showStartMenuIfAllowed).observe(document.body, { childList: true, subtree: true });
window.addEventListener('hashchange', () => { checkedFor = null; showStartMenuIfAllowed(); });

export default [];
