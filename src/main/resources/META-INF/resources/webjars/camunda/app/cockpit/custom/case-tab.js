// The "Case" tab of a process instance in Cockpit: the application's case page (reporting/CasePage)
// in the same session: every open task of the case, the called reviews' included, with its
// holder and deadline, the documents, the timeline and the dossier PDF.
const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
const applicationRoot = appRoot.replace(/\/camunda$/, '');

export default {
  id: 'relief-case',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 30,
  properties: {
    label: 'Case / ກໍລະນີ'
  },
  render: (node, { processInstanceId }) => {
    const frame = document.createElement('iframe');
    frame.className = 'relief-case';
    frame.title = 'Case / ກໍລະນີ';
    frame.src = applicationRoot + '/cases/process-instance/' + encodeURIComponent(processInstanceId);
    frame.style.cssText = 'width: 100%; height: 480px; border: 0;';
    node.appendChild(frame);
  }
};
