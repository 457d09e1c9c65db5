// The official Bot Framework Web Chat, served from node_modules, against our local Direct Line (polling).
(async function () {
  const LANGS = ['zh', 'en', 'fr', 'es', 'ru', 'ar', 'de', 'ja', 'ko'];
  const requested = new URLSearchParams(location.search).get('lang');
  const lang = LANGS.includes(requested) ? requested : 'en';
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  document.documentElement.lang = lang;
  document.documentElement.dir = dir;

  const response = await fetch('/v3/directline/tokens/generate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ locale: lang }),
  });
  const { token } = await response.json();
  const directLine = window.WebChat.createDirectLine({
    domain: `${location.origin}/v3/directline`,
    token,
    webSocket: false,
    pollingInterval: 500,
  });
  window.WebChat.renderWebChat({ directLine, locale: lang, dir }, document.getElementById('webchat'));
})();
