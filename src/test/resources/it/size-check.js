// Returns what breaks the size floor on the current page: visible text smaller than minText px,
// and visible controls smaller than minTarget px in either direction. Walks open shadow roots.
({minText, minTarget}) => {
  const problems = [];
  const visible = (el) => {
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none' || parseFloat(cs.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const walk = (root) => {
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      const node = texts.currentNode;
      if (!node.textContent.trim()) continue;
      const el = node.parentElement;
      if (!el || ['SCRIPT', 'STYLE', 'TEMPLATE', 'TITLE'].includes(el.tagName) || !visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < minText) problems.push(`text ${size}px < ${minText}px: "${node.textContent.trim().slice(0, 40)}" in ${describe(el)}`);
    }
    root.querySelectorAll('button, a[href], input, select, textarea, [role=button], vaadin-button').forEach((el) => {
      if (!visible(el)) return;
      const r = el.getBoundingClientRect();
      if (r.width < minTarget || r.height < minTarget) {
        problems.push(`control ${Math.round(r.width)}x${Math.round(r.height)} < ${minTarget}px: ${describe(el)}`);
      }
    });
    root.querySelectorAll('*').forEach((el) => { if (el.shadowRoot) walk(el.shadowRoot); });
  };
  walk(document);
  return problems;
}
