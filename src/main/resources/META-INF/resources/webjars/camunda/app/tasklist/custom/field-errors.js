// A refusal of the server shows next to its field, not only in Tasklist's generic notice: the
// engine door answers "Form 'x': Label (key) what is wrong; ..." (enginedoor/StepForms), and
// each part is put under the field with that label, the first one scrolled into view.
const PART = /([^;:]+?) \(([A-Za-z0-9_]+)\) ([^;]+)/g;

function fieldLabelled(label) {
  const wanted = label.trim();
  return [...document.querySelectorAll('.task-details .fjs-form-field')].find(field => {
    const own = field.querySelector(':scope > label, :scope > .fjs-form-field-label, :scope .fjs-form-field-label');
    return own && own.textContent.replace(/\*\s*$/, '').trim() === wanted;
  });
}

// the forms name their components after their keys: newDeadline is Field_NewDeadline
function fieldOfKey(key) {
  const input = document.querySelector('.task-details [id*="-Field_' + key.charAt(0).toUpperCase() + key.slice(1) + '"]');
  return input ? input.closest('.fjs-form-field') : null;
}

function showNextToFields(text) {
  document.querySelectorAll('.relief-server-error').forEach(old => old.remove());
  let first = null;
  for (const [, label, key, message] of text.matchAll(PART)) {
    const field = fieldLabelled(label.replace(/^.*Form '[^']*':\s*/, '')) || fieldOfKey(key);
    if (!field) {
      continue;
    }
    const error = document.createElement('div');
    error.className = 'fjs-form-field-error relief-server-error';
    error.setAttribute('role', 'alert');
    error.textContent = message.trim();
    field.appendChild(error);
    first = first || field;
  }
  if (first) {
    first.scrollIntoView({ block: 'center' });
  }
}

new MutationObserver(changes => {
  for (const change of changes) {
    for (const node of change.addedNodes) {
      const text = node.nodeType === 1 ? node.textContent : '';
      if (text && text.includes("Form '") && node.closest && !node.closest('.fjs-form')) {
        showNextToFields(text);
      }
    }
  }
}).observe(document.body, { childList: true, subtree: true });

export default [];
