// Returns what breaks the size floor on the current page: visible text smaller than minText px,
// and visible controls smaller than minTarget px in either direction. Walks open shadow roots.
({minText, minTarget}) => {
  const problems = [];
  // what a person can see: rendered, not transparent or hidden through any ancestor (shadow hosts included)
  const visible = (el) => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  // a value slotted into a Vaadin field is hit anywhere in the field's input box: measure the box
  const targetOf = (el) => {
    const host = el.parentElement;
    if (el.tagName !== 'VAADIN-PASSWORD-FIELD-BUTTON' && host && host.tagName.startsWith('VAADIN-') && host.shadowRoot) {
      const box = host.shadowRoot.querySelector('[part~="input-field"]');
      if (box) return box;
    }
    return el;
  };
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
    // a checkbox or radio button is hit anywhere on its box and label: the host is the target
    root.querySelectorAll('vaadin-checkbox, vaadin-radio-button').forEach((el) => {
      if (!visible(el)) return;
      const r = el.getBoundingClientRect();
      if (r.width < minTarget || r.height < minTarget) {
        problems.push(`control ${Math.round(r.width)}x${Math.round(r.height)} < ${minTarget}px: ${describe(el)}`);
      }
    });
    root.querySelectorAll('button, a[href], input, select, textarea, [role=button], vaadin-button').forEach((el) => {
      if (!visible(el)) return;
      const r = targetOf(el).getBoundingClientRect();
      if (r.width < minTarget || r.height < minTarget) {
        problems.push(`control ${Math.round(r.width)}x${Math.round(r.height)} < ${minTarget}px: ${describe(el)}`);
      }
    });
    root.querySelectorAll('*').forEach((el) => { if (el.shadowRoot) walk(el.shadowRoot); });
  };
  walk(document);
  return problems;
}
