// Every task card names its case, so officials tell cases apart before opening one: reference,
// consignee, port, arrival (expected or actual), the goods and the deadline, in the reader's
// words, from the application (reporting/CasePage), with the same reading rule as /api.
const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
const applicationRoot = appRoot.replace(/\/camunda$/, '');

function line(className, text) {
  const element = document.createElement('div');
  element.className = className;
  element.textContent = text;
  return element;
}

export default {
  id: 'relief-case-card',
  pluginPoint: 'tasklist.card',
  priority: 100,
  render: (node, { taskId }) => {
    fetch(applicationRoot + '/cases/task/' + encodeURIComponent(taskId) + '/card',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(answer => (answer.ok ? answer.json() : null))
      .then(card => {
        if (!card) {
          return;
        }
        const box = document.createElement('div');
        box.className = 'relief-card';
        if (card.emergency) {
          box.appendChild(line('relief-card-emergency', card.emergency));
        }
        box.appendChild(line('relief-card-case', card.reference + ' · ' + card.consignee));
        box.appendChild(line('relief-card-port', card.port + ' · ' + card.arrival));
        box.appendChild(line('relief-card-goods', card.goods));
        if (card.due) {
          box.appendChild(line('relief-card-due', card.due));
        }
        node.appendChild(box);
      });
  }
};
