// Dropflow: Admin in English and Simplified Chinese, chosen by the browser's language
// (docs/operator-language.md). This file replaces the webapp's own config.js.
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  }
};
