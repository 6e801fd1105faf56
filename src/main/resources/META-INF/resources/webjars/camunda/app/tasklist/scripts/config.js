// Dropflow: Tasklist in English and Simplified Chinese, chosen by the browser's language
// (docs/operator-language.md). This file replaces the webapp's own config.js, so it repeats the
// keyboard shortcuts that file declares. Tasklist shows a shortcut's description as written here
// (not through its locales), so each description comes in both languages, chosen the way Tasklist
// chooses its locale: by the browser's first language.
const firstLanguage = (Array.isArray(navigator.languages) && navigator.languages.length ? navigator.languages[0]
    : navigator.language || navigator.browserLanguage || navigator.systemLanguage || navigator.userLanguage) || '';
const chinese = firstLanguage.split('-')[0].toLowerCase() === 'zh';
const words = (english, zh) => (chinese ? zh : english);

export default {
  // Relative times ("in 2 minutes") in Tasklist's language whichever language file loads last: see the script
  customScripts: ['scripts/relative-times.js'],
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: words('claims the currently selected task', '认领当前选中的任务')},
    focusFilter: {key: 'ctrl+shift+f', description: words('set the focus to the first filter in the list', '将焦点移到列表中的第一个过滤器')},
    focusList: {key: 'ctrl+alt+l', description: words('sets the focus to the first task in the list', '将焦点移到列表中的第一个任务')},
    focusForm: {key: 'ctrl+alt+f', description: words('sets the focus to the first input field in a task form', '将焦点移到任务表单的第一个输入框')},
    startProcess: {key: 'ctrl+alt+p', description: words('opens the start process modal dialog', '打开“启动流程”对话框')}
  }
};
