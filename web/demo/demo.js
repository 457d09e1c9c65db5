// The demo portal's snippet generator: pick a language, see the one tag to paste, copy it.
(async function () {
  const select = document.getElementById('snippet-lang');
  const code = document.getElementById('snippet-code');
  const copy = document.getElementById('snippet-copy');
  const status = document.getElementById('snippet-status');

  function snippet() {
    const lang = select.value ? ` data-lang="${select.value}"` : '';
    return `<script src="${location.origin}/widget.js"${lang} defer></script>`;
  }

  function show() {
    code.textContent = snippet();
    status.textContent = '';
  }

  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(snippet());
      status.textContent = 'Copied to the clipboard.';
    } catch {
      // No clipboard access (an insecure page, or permission refused): select the tag for a manual copy.
      getSelection().selectAllChildren(code);
      status.textContent = 'Press Ctrl+C (⌘C on a Mac) to copy the selected tag.';
    }
  });
  select.addEventListener('change', show);
  show();

  // The language names, each in its own language, as the widget's picker shows them.
  const response = await fetch('/api/i18n/en');
  const { languages } = await response.json();
  for (const { code: value, name } of languages) {
    const option = document.createElement('option');
    option.value = value;
    option.lang = value;
    option.textContent = `${name} (${value})`;
    select.append(option);
  }
})();
