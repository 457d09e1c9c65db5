// The hotline staff console: search in any language, read the answer in the caller's language beside the Chinese
// original, copy it, flag outdated entries. Every text from the server is rendered with textContent.
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { strings: {}, languages: [], csrfToken: '', topCopyText: '', searchController: null, searchTimer: 0 };
  const SEARCH_DELAY_MS = 150;

  const t = (key, values) => {
    const text = key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), state.strings);
    if (typeof text !== 'string') return key;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name) => String(values?.[name] ?? ''));
  };

  function element(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
      if (name === 'text') node.textContent = value;
      else if (value !== undefined) node.setAttribute(name, value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  const safeHref = (href) => (/^(https?:|tel:|mailto:)/i.test(href) ? href : undefined);

  async function api(path, options = {}) {
    const headers = { 'content-type': 'application/json', ...(state.csrfToken ? { 'x-csrf-token': state.csrfToken } : {}) };
    const response = await fetch(path, { credentials: 'same-origin', ...options, headers });
    const body = response.status === 204 ? {} : await response.json().catch(() => ({}));
    return { status: response.status, body };
  }

  async function loadStrings(lang) {
    const { body } = await api(`/api/i18n/${lang}`);
    state.strings = body.strings;
    state.languages = body.languages;
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
    document.title = t('staff.title');
    fillLanguageSelect($('ui-lang'), lang);
    fillLanguageSelect($('caller-lang'), $('caller-lang').value || 'en');
  }

  function fillLanguageSelect(select, selected) {
    select.replaceChildren(...state.languages.map(({ code, name }) => element('option', { value: code, text: `${name} (${code})` })));
    select.value = selected;
  }

  function showConsole(signedIn) {
    $('login').hidden = signedIn;
    $('console').hidden = !signedIn;
    $('logout').hidden = !signedIn;
    if (signedIn) $('query').focus();
    else $('username').focus();
  }

  function cardView(card) {
    const sourceLink = (source) => element('a', { href: safeHref(source.url), target: '_blank', rel: 'noopener noreferrer', text: source.text });
    // Each fact names the source that states it, so staff can check it while on the phone.
    const facts = element('ul', {}, card.facts.map((fact) => {
      const href = fact.href && safeHref(fact.href);
      return element('li', {}, [
        href ? element('a', { href, text: fact.text }) : document.createTextNode(fact.text),
        ...fact.sources.map((source) => element('span', { class: 'fact-source' }, [sourceLink(source)])),
      ]);
    }));
    const sources = card.sources.map((source) => element('p', { class: 'meta' }, [sourceLink(source)]));
    return element('article', { lang: card.lang, dir: card.lang === 'ar' ? 'rtl' : 'ltr' }, [
      element('h3', { text: card.title }),
      element('p', { text: card.answer }),
      card.details ? element('p', { text: card.details }) : null,
      card.facts.length ? facts : null,
      ...sources,
      element('p', { class: 'meta', text: card.verifiedLabel }),
    ]);
  }

  /** A list question's heading and filters, in one language: the places themselves follow as results. */
  function listHeadView(card) {
    return element('article', { lang: card.lang, dir: card.lang === 'ar' ? 'rtl' : 'ltr' }, [
      element('h3', { text: card.heading }),
      card.filters ? element('p', { text: card.filters }) : null,
      card.none ? element('p', { text: card.none }) : null,
      card.notStated ? element('p', { class: 'meta', text: card.notStated }) : null,
    ]);
  }

  /** What "copy" puts on the clipboard: the answer and its facts as plain text, with the first source. */
  function copyText(card) {
    return [card.title, card.answer, ...card.facts.map((f) => f.text), card.sources[0]?.url, card.verifiedLabel].filter(Boolean).join('\n');
  }

  async function copy(text) {
    await navigator.clipboard.writeText(text).catch(() => undefined);
    $('status').textContent = t('staff.copied');
  }

  function flagForm(entryId) {
    const reason = element('select', { 'aria-label': t('staff.flagReason') }, ['outdated', 'wrong', 'other'].map((value) => element('option', { value, text: t(`staff.reasons.${value}`) })));
    const comment = element('textarea', { rows: '2', 'aria-label': t('staff.flagComment'), placeholder: t('staff.flagComment') });
    const submit = element('button', { type: 'submit', text: t('staff.flagSubmit') });
    const form = element('form', { class: 'flag-form' }, [reason, comment, submit]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const { status } = await api('/staff/api/flags', { method: 'POST', body: JSON.stringify({ entryId, reason: reason.value, comment: comment.value }) });
      $('status').textContent = status === 201 ? t('staff.flagSaved') : t('staff.flagFailed');
      if (status === 201) { form.remove(); void loadFlags(); }
    });
    return form;
  }

  function resultView(result) {
    const copyCaller = element('button', { type: 'button', class: 'secondary', text: t('staff.copyCaller') });
    copyCaller.addEventListener('click', () => copy(copyText(result.caller)));
    const copyOriginal = element('button', { type: 'button', class: 'secondary', text: t('staff.copyOriginal') });
    copyOriginal.addEventListener('click', () => copy(copyText(result.original)));
    const flag = element('button', { type: 'button', class: 'secondary', text: t('staff.flag') });
    const item = element('li', { class: 'result' }, [
      element('div', { class: 'result-head' }, [
        element('span', { text: t('staff.confidence', { value: Math.round(result.confidence * 100) }) }),
        element('span', { text: result.entryId }),
      ]),
      element('div', { class: 'pair' }, [cardView(result.caller), cardView(result.original)]),
      element('div', { class: 'actions' }, [copyCaller, copyOriginal, flag]),
    ]);
    flag.addEventListener('click', () => { item.append(flagForm(result.entryId)); flag.disabled = true; });
    return item;
  }

  async function search() {
    const q = $('query').value.trim();
    state.searchController?.abort();
    if (!q) { $('results').replaceChildren(); $('list').hidden = true; $('status').textContent = ''; return; }
    state.searchController = new AbortController();
    const params = new URLSearchParams({ q, callerLang: $('caller-lang').value });
    try {
      const response = await fetch(`/staff/api/search?${params}`, { credentials: 'same-origin', signal: state.searchController.signal });
      if (response.status === 401) { showConsole(false); return; }
      const body = await response.json();
      state.topCopyText = body.results[0] ? copyText(body.results[0].caller) : '';
      $('list').replaceChildren(...(body.list ? [listHeadView(body.list.caller), listHeadView(body.list.original)] : []));
      $('list').hidden = !body.list;
      $('results').replaceChildren(...body.results.map(resultView));
      $('status').textContent = body.results.length ? t('staff.resultCount', { count: body.results.length, ms: body.ms }) : t('staff.noResults');
    } catch (error) {
      if (error.name !== 'AbortError') $('status').textContent = t('staff.searchFailed');
    }
  }

  async function loadFlags() {
    const { status, body } = await api('/staff/api/flags');
    if (status !== 200) return;
    $('flags').replaceChildren(...body.flags.map((flag) =>
      element('li', { text: `${flag.createdAt.slice(0, 16).replace('T', ' ')} · ${flag.entryId} · ${t(`staff.reasons.${flag.reason}`)} · ${flag.username}${flag.comment ? ` · ${flag.comment}` : ''}` })));
  }

  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    const { status, body } = await api('/staff/api/login', { method: 'POST', body: JSON.stringify({ username: $('username').value, password: $('password').value }) });
    $('password').value = '';
    if (status !== 200) { $('login-error').textContent = status === 429 ? t('staff.tooManyAttempts') : t('staff.loginFailed'); return; }
    state.csrfToken = body.csrfToken;
    $('login-error').textContent = '';
    showConsole(true);
    void loadFlags();
  });
  $('logout').addEventListener('click', async () => {
    await api('/staff/api/logout', { method: 'POST' });
    state.csrfToken = '';
    showConsole(false);
  });
  $('query').addEventListener('input', () => { clearTimeout(state.searchTimer); state.searchTimer = setTimeout(search, SEARCH_DELAY_MS); });
  $('caller-lang').addEventListener('change', search);
  $('ui-lang').addEventListener('change', () => loadStrings($('ui-lang').value));
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if (event.key === '/' && !typing) { event.preventDefault(); $('query').focus(); }
    if (event.altKey && event.key.toLowerCase() === 'c' && state.topCopyText) { event.preventDefault(); void copy(state.topCopyText); }
  });

  (async () => {
    await loadStrings(new URLSearchParams(location.search).get('ui') || 'zh');
    const { status, body } = await api('/staff/api/session');
    if (status === 200) { state.csrfToken = body.csrfToken; void loadFlags(); }
    showConsole(status === 200);
  })();
})();
