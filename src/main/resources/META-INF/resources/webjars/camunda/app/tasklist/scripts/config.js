// Tasklist as Relief Clearance's officials use it (Camunda's own extension points):
// the national SOP's title, Lao and English, unambiguous dates, the Case tab and the
// officials' menus. Styles: ../styles/user-styles.css. Lao strings: ../locales/lo.json.
export default {
  app: {
    name: 'Relief clearance · ການຜ່ານພາສີສິນຄ້າຊ່ວຍເຫຼືອ',
    vendor: 'Lao PDR'
  },
  // the browser's language picks one; Lao falls back to English for any string not translated
  locales: {
    availableLocales: ['en', 'lo'],
    fallbackLocale: 'en'
  },
  // day first and the weekday named: "Mon 7 Dec 2026, 17:00", never 12/7
  dateFormat: {
    monthName: 'MMM',
    day: 'D',
    abbr: 'ddd D MMM, HH:mm',
    normal: 'ddd D MMM YYYY, HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm',
    short: 'DD/MM/YYYY'
  },
  customScripts: [
    'custom/task-list',
    'custom/case-card',
    'custom/case-tab',
    'custom/officials-menus',
    'custom/field-errors',
    'custom/exercise-banner'
  ],
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    }
  }
};
