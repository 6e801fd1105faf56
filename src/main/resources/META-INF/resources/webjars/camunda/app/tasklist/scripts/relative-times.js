// Dropflow: relative times ("in 2 minutes", "a few seconds ago") in the operator's language.
// Tasklist loads two language files, the browser's (locales/zh.json) and its fallback (en.json), side by side, and
// each file's dateLocales, as it arrives, makes its language moment.js's global one (the localeLoader callback in
// camunda-tasklist-bootstrap.js calls moment.defineLocale/updateLocale, which also set the global locale;
// camunda-webapp-webjar 7.24.0). When the fallback arrives last, moment stays English while every label is Chinese:
// "到期 in 2 minutes, 创建 a few seconds ago", on a fresh browser (the files are kept in localStorage afterwards).
// Nor are the times already shown redrawn: angular-moment's am-time-ago redraws on "amMoment:localeChanged", which
// only amMoment.changeLocale sends. This script, a Tasklist custom script (scripts/config.js, customScripts), sets
// moment's locale to the language Tasklist uses through amMoment.changeLocale whenever a language file has loaded
// and when the language changes. See docs/operator-language.md.

function whenTasklistRuns(then, triesLeft) {
  const angular = window.angular;
  const injector = angular && (angular.element(document).injector() || angular.element(document.body).injector());
  if (injector) {
    then(injector);
  } else if (triesLeft > 0) {
    setTimeout(() => whenTasklistRuns(then, triesLeft - 1), 50);
  }
}

whenTasklistRuns((injector) => {
  const rootScope = injector.get('$rootScope');
  const translate = injector.get('$translate');
  const amMoment = injector.get('amMoment');
  const operatorsLanguage = () => {
    const language = translate.use() || translate.proposedLanguage();
    if (language) {
      amMoment.changeLocale(language);
    }
  };
  rootScope.$on('$translateLoadingEnd', operatorsLanguage);
  rootScope.$on('$translateChangeSuccess', operatorsLanguage);
  // The files may have loaded before this script ran
  operatorsLanguage();
}, 600);

// No Tasklist plugins: the script only listens.
export default [];
