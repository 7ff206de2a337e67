// Cockpit as Relief Clearance's supervisors use it: the national SOP's title, Lao and English,
// and a "Case" tab on every process instance showing where the whole case waits, the ministries'
// called reviews included (Cockpit's own "User Tasks" tab lists this instance's tasks only).
export default {
  app: {
    name: 'Relief clearance · ການຜ່ານພາສີສິນຄ້າຊ່ວຍເຫຼືອ',
    vendor: 'Lao PDR'
  },
  locales: {
    availableLocales: ['en', 'lo'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    monthName: 'MMM',
    day: 'D',
    abbr: 'ddd D MMM, HH:mm',
    normal: 'ddd D MMM YYYY, HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm',
    short: 'DD/MM/YYYY'
  },
  customScripts: [
    'custom/case-tab',
    'custom/exercise-banner'
  ],
  disableWelcomeMessage: true
};
