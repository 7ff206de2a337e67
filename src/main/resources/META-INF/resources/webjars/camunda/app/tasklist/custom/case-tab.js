// The "Case" tab of every task: the case page of the application (reporting/CasePage) in the same
// Tasklist session (no second login): where the case waits, missing and lodged documents, the
// timeline and the dossier PDF. Its label is bilingual, so it needs no locale entry.
const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
const applicationRoot = appRoot.replace(/\/camunda$/, '');

export default {
  id: 'relief-case',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  properties: {
    label: 'Case / ກໍລະນີ'
  },
  render: (node, { taskId }) => {
    const frame = document.createElement('iframe');
    frame.className = 'relief-case';
    frame.title = 'Case / ກໍລະນີ';
    frame.src = applicationRoot + '/cases/task/' + encodeURIComponent(taskId);
    node.appendChild(frame);
  }
};
